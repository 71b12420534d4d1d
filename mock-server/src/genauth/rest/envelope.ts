import {
  json,
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

import type { Context } from '../../context';
import { GenauthError, MESSAGES } from '../errors';
import { resolveTenant, type Tenant } from '../model/tenancy';

/**
 * Sends a REST success: `{code: 200, message, data}` (no `data` key when `data` is undefined),
 * HTTP 200 JSON, written directly (the envelope needs none of `res.json`'s content negotiation).
 */
export function ok(res: Response, data: unknown, message = '成功'): void {
  const body = JSON.stringify(
    data === undefined ? { code: 200, message } : { code: 200, message, data },
  );
  res.statusCode = 200;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

type Handler = (req: Request, res: Response, tenant: () => Tenant) => unknown;

/**
 * Wraps a REST handler: business errors become `{code, message, data}` with HTTP 200, anything
 * unexpected becomes 1000 (and a log line). The tenant is resolved on first use.
 */
export function rest(ctx: Context, handler: Handler): RequestHandler {
  return async (req, res) => {
    let tenant: Tenant | undefined;
    try {
      await handler(req, res, () => (tenant ??= resolveTenant(ctx, req.headers)));
    } catch (e) {
      if (res.headersSent) return;
      if (e instanceof GenauthError) {
        res.json(e.toJSON());
        return;
      }
      ctx.options.log(
        `[genauth] ${req.method} ${req.path} failed: ${String((e as Error)?.stack ?? e)}`,
      );
      res.json({ code: 1000, message: MESSAGES[1000], data: null });
    }
  };
}

/** A JSON body parser bounded by `options.bodyLimit` that accepts any content type. */
export const jsonBody = (ctx: Context): RequestHandler =>
  json({ limit: ctx.options.bodyLimit, type: () => true, strict: false });

/** The parsed body as a plain object (anything else → `{}`). */
export function bodyOf(req: Request): Record<string, unknown> {
  const b = (req as { body?: unknown }).body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/**
 * The GenAuth code of a body-parser failure: oversized → 2511, malformed / undecodable → 2512;
 * anything else (a bug) → 1000.
 */
export function bodyErrorCode(err: unknown): 1000 | 2511 | 2512 {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.too.large') return 2511;
  if (type === 'entity.parse.failed' || type === 'charset.unsupported') return 2512;
  if (typeof type === 'string' && (type.startsWith('encoding.') || type.startsWith('request.')))
    return 2512;
  return 1000;
}

/** Body-parser failures on GenAuth REST paths as `{code, message, data}` envelopes (HTTP 200). */
export function restBodyErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (!/^\/(api\/v2|connections|oidc)\//.test(req.path) || res.headersSent) {
      next(err);
      return;
    }
    const code = bodyErrorCode(err);
    if (code === 1000)
      log(`[genauth] ${req.method} ${req.path} failed: ${String((err as Error)?.stack ?? err)}`);
    res.status(200).json({ code, message: MESSAGES[code], data: null });
  };
}
