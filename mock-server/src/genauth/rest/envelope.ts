import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';

import type { Context } from '../../context';
import { readJson } from '../../http/body';
import { genauthErrorBody } from '../error-body';
import { MESSAGES } from '../errors';
import type { Tenant } from '../model/tenancy';
import { resolveTenant } from '../request';

/**
 * Sends a REST success: `{code: 200, message, data}` (no `data` key when `data` is undefined),
 * HTTP 200 JSON, written directly (the envelope needs none of `res.json`'s content negotiation).
 */
export function ok(res: Response, data: unknown, message = '成功'): void {
  send(res, data === undefined ? { code: 200, message } : { code: 200, message, data });
}

/** Writes `body` as JSON with `status` (both GenAuth envelopes, v2 here and v3). */
export function send(res: Response, body: unknown, status = 200): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

type Handler = (req: Request, res: Response, tenant: () => Tenant) => unknown;

/**
 * Wraps a REST (or v3) handler: resolves the tenant on first use; what it throws goes to its
 * router's error renderer ({@link restErrors}, or v3's `v3Errors`).
 */
export function rest(ctx: Context, handler: Handler): RequestHandler {
  return async (req, res) => {
    let tenant: Tenant | undefined;
    await handler(req, res, () => (tenant ??= resolveTenant(ctx, req.headers)));
  };
}

/**
 * A JSON body parser of any content type, bounded by `options.bodyLimit` (also once
 * decompressed); what it cannot read reaches {@link restErrors} as a `BodyError`.
 */
export const jsonBody = (ctx: Context): RequestHandler => readJson(ctx.options.bodyLimit, false);

/** The parsed body as a plain object (anything else → `{}`). */
export function bodyOf(req: Request): Record<string, unknown> {
  const b = (req as { body?: unknown }).body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/**
 * The REST router's one error renderer, mounted once at its end: every error of its routes as a
 * `{code, message, data}` envelope with HTTP 200 (see `genauthErrorBody`).
 */
export function restErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    send(res, genauthErrorBody(err, log, `${req.method} ${req.path}`));
  };
}

/** A path under a REST prefix that no route serves: HTTP 404, `{code: 404, message, data}`. */
export const restNotFound: RequestHandler = (req, res) => {
  send(
    res,
    { code: 404, message: MESSAGES[404], data: { method: req.method, path: req.path } },
    404,
  );
};
