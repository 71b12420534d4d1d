/**
 * The parameters of an OIDC request: a form (`application/x-www-form-urlencoded`) or JSON body,
 * or the query string. Every value is one string: a parameter sent twice (RFC 6749 §3.1), a
 * non-string JSON value, another content type or a charset other than UTF-8 → `invalid_request`.
 */
import type { Request, RequestHandler } from 'express';

import type { Context } from '../../context';
import { readRaw } from '../../http/body';
import { oauthFail } from '../model/oidc-errors';

/** Parameters by name. */
export type Params = ReadonlyMap<string, string>;

const PARAMS = Symbol('oidc params');
type WithParams = Request & { [PARAMS]?: Params };

function fromEntries(entries: Iterable<[string, unknown]>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of entries) {
    if (out.has(key)) throw oauthFail('invalid_request', `parameter ${key} is repeated`);
    if (typeof value !== 'string')
      throw oauthFail('invalid_request', `parameter ${key} must be a string`);
    out.set(key, value);
  }
  return out;
}

/** The media type and charset of a `Content-Type` header (lowercase; charset `null` if none). */
function contentType(header: string): { type: string; charset: string | null } {
  const [type = '', ...rest] = header.split(';').map((p) => p.trim());
  let charset: string | null = null;
  for (const p of rest) {
    const m = /^([^=\s]+)\s*=\s*(?:"([^"]*)"|([^\s";]*))$/.exec(p);
    if (!m) throw oauthFail('invalid_request', 'malformed Content-Type');
    if (m[1]?.toLowerCase() === 'charset') charset = (m[2] ?? m[3] ?? '').toLowerCase();
  }
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(type))
    throw oauthFail('invalid_request', 'malformed Content-Type');
  return { type: type.toLowerCase(), charset };
}

function parseBody(req: Request, bytes: Buffer): Map<string, string> {
  const { type, charset } = contentType(req.get('content-type') ?? '');
  if (charset !== null && charset !== 'utf-8' && charset !== 'utf8')
    throw oauthFail('invalid_request', `charset ${charset} is not supported (UTF-8 only)`);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let body: string;
  try {
    body = text.decode(bytes);
  } catch {
    throw oauthFail('invalid_request', 'request body is not UTF-8');
  }
  if (type === 'application/x-www-form-urlencoded') {
    return fromEntries(new URLSearchParams(body).entries());
  }
  if (type === 'application/json') {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw oauthFail('invalid_request', 'request body is not valid JSON');
    }
    if (!json || typeof json !== 'object' || Array.isArray(json))
      throw oauthFail('invalid_request', 'request body must be a JSON object');
    return fromEntries(Object.entries(json));
  }
  throw oauthFail(
    'invalid_request',
    'Content-Type must be application/x-www-form-urlencoded or application/json',
  );
}

/**
 * Reads the body (bounded by `options.bodyLimit`, also once decompressed) into the request's
 * parameters; a request with no body has none. What cannot be read reaches the renderer as a
 * `BodyError` or an `OAuthError`.
 */
export function readParams(ctx: Context): RequestHandler {
  const raw = readRaw(ctx.options.bodyLimit);
  return (req, res, next) => {
    raw(req, res, (err?: unknown) => {
      if (err) return next(err);
      const bytes = (req as { body?: unknown }).body;
      let params: Params;
      try {
        params = Buffer.isBuffer(bytes) && bytes.length > 0 ? parseBody(req, bytes) : new Map();
      } catch (e) {
        return next(e);
      }
      (req as WithParams)[PARAMS] = params;
      // The parameters replace the bytes in `req.body`, so the request journal shows them.
      if (params.size > 0) req.body = Object.fromEntries(params);
      next();
    });
  };
}

/** The body parameters {@link readParams} read (none before it ran). */
export const bodyParams = (req: Request): Params => (req as WithParams)[PARAMS] ?? new Map();

/** The query string's parameters. */
export const queryParams = (req: Request): Params =>
  fromEntries(Object.entries(req.query as Record<string, unknown>));

/** The parameters of a GET (query) or POST (body) of an endpoint that takes either. */
export const requestParams = (req: Request): Params =>
  req.method === 'POST' ? bodyParams(req) : queryParams(req);

/** A parameter, `null` when absent or empty. */
export function param(params: Params, name: string): string | null {
  const v = params.get(name);
  return v === undefined || v === '' ? null : v;
}

/** A required parameter; absent or empty → `invalid_request`. */
export function required(params: Params, name: string): string {
  const v = param(params, name);
  if (v === null) throw oauthFail('invalid_request', `${name} is required`);
  return v;
}
