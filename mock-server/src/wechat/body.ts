import type { Request, RequestHandler } from 'express';

import type { Context } from '../context';
import { readRaw } from '../http/body';
import { wechatError } from './errcodes';

/**
 * Reads the raw body of any content type (WeChat parses the bytes as JSON whatever the header
 * says), capped at `ctx.options.bodyLimit` once decompressed; a body it cannot read reaches the
 * WeChat error renderer as a `BodyError` (47001).
 */
export function rawBody(ctx: Context): RequestHandler {
  return readRaw(ctx.options.bodyLimit);
}

/**
 * The request body as a JSON object: 44002 when empty, 47001 when not a JSON object. The parsed
 * value replaces `req.body` so the request journal shows it.
 * @throws {WechatError}
 */
export function jsonObjectBody(req: Request): Record<string, unknown> {
  const raw: unknown = req.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  if (text.trim() === '') throw wechatError(44002);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    req.body = text;
    throw wechatError(47001);
  }
  req.body = value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw wechatError(47001);
  }
  return value as Record<string, unknown>;
}

/** The query string as a plain record. */
export function queryOf(req: Request): Record<string, unknown> {
  return req.query as Record<string, unknown>;
}
