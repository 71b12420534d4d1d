/** The GenAuth v3 envelope `{statusCode, message, apiCode?, requestId?, data?}`, always HTTP 200. */
import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';

import type { Context } from '../../context';
import { asBodyError } from '../../http/body';
import { bodyErrorBody } from '../error-body';
import { GenauthError, MESSAGES } from '../errors';
import { jsonBody, rest, send } from '../rest/envelope';
import { V3Error, v3Failure, type V3Failure } from './codes';
import { requestId } from './request-id';

export { jsonBody, send };

/** A v3 success: `{statusCode: 200, message: '', data}` (no `data` key when undefined). */
export function ok(res: Response, data?: unknown, message = ''): void {
  send(res, data === undefined ? { statusCode: 200, message } : { statusCode: 200, message, data });
}

/** Sends a v3 failure with its `requestId`. */
function fails(ctx: Context, res: Response, f: V3Failure, status = 200): void {
  const { data, ...head } = f;
  send(
    res,
    { ...head, requestId: requestId(ctx), ...(data === undefined ? {} : { data }) },
    status,
  );
}

/** Wraps a v3 handler: resolves the tenant on first use; what it throws goes to {@link v3Errors}. */
export const v3 = rest;

/** The parsed body: an object, else 2510 (`the body must be a JSON object`). */
export function bodyOf(req: Request): Record<string, unknown> {
  const b = (req as { body?: unknown }).body;
  if (b === undefined) return {};
  if (b && typeof b === 'object' && !Array.isArray(b)) return b as Record<string, unknown>;
  throw new V3Error(400, '请求体必须是 JSON 对象', 2510);
}

/**
 * The v3 router's one error renderer: a model error in its v3 class, an unreadable body as 413
 * (2511) or 400 (2512) with the reason, anything else (a bug, logged) as 500; always HTTP 200.
 */
export function v3Errors(ctx: Context): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof GenauthError || err instanceof V3Error) {
      fails(ctx, res, v3Failure(err));
      return;
    }
    const body = asBodyError(err);
    if (body) {
      const { code, message, data } = bodyErrorBody(body);
      fails(ctx, res, { statusCode: code === 2511 ? 413 : 400, message, apiCode: code, data });
      return;
    }
    ctx.options.log(
      `[genauth v3] ${req.method} ${req.path} failed: ${String((err as Error)?.stack ?? err)}`,
    );
    fails(ctx, res, { statusCode: 500, message: MESSAGES[1000] });
  };
}

/** A v3 path (or method) no route serves: HTTP 404 with `statusCode: 404`. */
export const v3NotFound =
  (ctx: Context): RequestHandler =>
  (req, res) =>
    fails(
      ctx,
      res,
      { statusCode: 404, message: MESSAGES[404], data: { method: req.method, path: req.path } },
      404,
    );
