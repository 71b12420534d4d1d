import type { Request, RequestHandler } from 'express';

/**
 * A middleware that builds `make()` on the first request it serves and hands every request to
 * it: a part of the app whose modules need not load before the mock's first answer. Requests
 * for which `skip(req)` holds pass it by without building it.
 */
export function lazyRouter(
  make: () => RequestHandler,
  skip: (req: Request) => boolean = () => false,
): RequestHandler {
  let router: RequestHandler | undefined;
  return (req, res, next) => {
    if (router === undefined) {
      if (skip(req)) return next();
      router = make();
    }
    return router(req, res, next);
  };
}

/** A middleware that hands a request to `handler` only when `accept(req)` holds; others pass by. */
export const gate =
  (accept: (req: Request) => boolean, handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    accept(req) ? handler(req, res, next) : next();
