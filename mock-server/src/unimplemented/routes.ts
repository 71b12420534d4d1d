/**
 * Answers for the operations of `table.ts` in each wire format (HTTP 501, the operation named),
 * and, with the `strict` option, the log line and count of every request no route knows. Each
 * handler is mounted where its router would otherwise answer 404, so served routes never reach it.
 */
import type { Request, RequestHandler, Response } from 'express';

import type { Context } from '../context';
import { requestId } from '../genauth/v3/request-id';
import { WechatError } from '../wechat/contract';
import { sendWechatError } from '../wechat/render';
import {
  FALLBACK_UNIMPLEMENTED,
  REST_UNIMPLEMENTED,
  V3_UNIMPLEMENTED,
  WECHAT_UNIMPLEMENTED,
  type UnimplementedRoute,
  type WireFormat,
} from './table';
import { logUnimplemented, recordUnknown } from './strict';

/** The errcode a known-but-unserved WeChat API answers: 48001 `api unauthorized`. */
export const WECHAT_UNIMPLEMENTED_ERRCODE = 48001;

/** `<operation> is not implemented by the mock`. */
export const notImplementedMessage = (operation: string): string =>
  `${operation} is not implemented by the mock`;

interface Compiled {
  readonly methods: readonly string[];
  readonly pattern: RegExp;
  readonly operation: string;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A route's path as a case-insensitive pattern (`:name` one segment, a trailing `/` allowed). */
function compile(route: UnimplementedRoute): Compiled {
  const source = route.path
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : escape(segment)))
    .join('/');
  return {
    methods: route.method === 'GET' ? ['GET', 'HEAD'] : [route.method],
    pattern: new RegExp(`^${source}/?$`, 'i'),
    operation: route.operation,
  };
}

/** {@link findOperation} over `routes` compiled once: for a check made on every request. */
export function operationFinder(
  routes: readonly UnimplementedRoute[],
): (method: string, path: string) => string | undefined {
  const compiled = routes.map(compile);
  return (method, path) => lookup(compiled, method, path);
}

/** The operation `method path` names in `routes`, if any. */
export function findOperation(
  routes: readonly UnimplementedRoute[],
  method: string,
  path: string,
): string | undefined {
  return lookup(routes.map(compile), method, path);
}

function lookup(routes: readonly Compiled[], method: string, path: string): string | undefined {
  return routes.find((r) => r.methods.includes(method) && r.pattern.test(path))?.operation;
}

/**
 * Whether `path` is one of `prefixes` or below one (case-insensitive, as Express routes); a
 * prefix ending in `$` matches that path only (a trailing `/` allowed).
 */
export function underPrefix(path: string, prefixes: readonly string[]): boolean {
  const p = path.toLowerCase();
  return prefixes.some((prefix) =>
    prefix.endsWith('$')
      ? p.replace(/\/$/, '') === prefix.slice(0, -1)
      : p === prefix || p.startsWith(`${prefix}/`),
  );
}

/** Writes `body` as JSON with `status` (the GenAuth and fallback shapes). */
function send(res: Response, body: object, status: number): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

/** The 501 answer of each format. */
const RENDER: Record<
  Exclude<WireFormat, 'graphql'>,
  (ctx: Context, req: Request, res: Response, operation: string) => void
> = {
  wechat(ctx, req, res, operation) {
    const errmsg = `api unauthorized: ${notImplementedMessage(operation)} (${req.method} ${req.path})`;
    sendWechatError(ctx, res, new WechatError(WECHAT_UNIMPLEMENTED_ERRCODE, errmsg), 501);
  },
  rest(_ctx, _req, res, operation) {
    send(res, { code: 501, message: notImplementedMessage(operation), data: null }, 501);
  },
  v3(ctx, _req, res, operation) {
    send(
      res,
      {
        statusCode: 501,
        message: notImplementedMessage(operation),
        apiCode: 501,
        requestId: requestId(ctx),
      },
      501,
    );
  },
  fallback(_ctx, req, res, operation) {
    const message = notImplementedMessage(operation);
    send(
      res,
      { error: 'not_implemented', message, error_description: message, path: req.path },
      501,
    );
  },
};

/**
 * A router's last stop before its 404, for the paths under `prefixes` (every path for the
 * fallback): a known-but-unserved operation of `routes` answers 501 in `format` (logged once per
 * operation); any other request passes on to the 404, counted and logged under `strict`.
 */
export function unimplementedRoutes(
  ctx: Context,
  format: Exclude<WireFormat, 'graphql'>,
  prefixes: readonly string[] | 'any',
): RequestHandler {
  const table: Record<Exclude<WireFormat, 'graphql'>, readonly UnimplementedRoute[]> = {
    wechat: WECHAT_UNIMPLEMENTED,
    rest: REST_UNIMPLEMENTED,
    v3: V3_UNIMPLEMENTED,
    fallback: FALLBACK_UNIMPLEMENTED,
  };
  const routes = table[format].map(compile);
  const render = RENDER[format];
  return (req, res, next) => {
    const operation = lookup(routes, req.method, req.path);
    if (operation !== undefined) {
      logUnimplemented(ctx, format, operation, req);
      render(ctx, req, res, operation);
      return;
    }
    if (prefixes === 'any' ? !req.path.startsWith('/__mock/') : underPrefix(req.path, prefixes))
      recordUnknown(ctx, format, req.method, req.path);
    next();
  };
}
