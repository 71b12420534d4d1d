import type { Request, RequestHandler } from 'express';

import type { Context } from '../context';
import { readJson } from '../http/body';
import { badField } from './errors';
import { checkInt, checkString } from './values';

/**
 * JSON bodies of any content type (so plain `curl -d` works), capped at `bodyLimit` also once
 * decompressed; what cannot be read reaches the control error renderer as a `BodyError`.
 */
export function controlJson(ctx: Context): RequestHandler {
  return readJson(ctx.options.bodyLimit, true);
}

/** The JSON body as an object (an absent body is `{}`); 400 for arrays and scalars. */
export function bodyOf(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badField('body', 'a JSON object');
  }
  return body as Record<string, unknown>;
}

/** A required non-empty string field. */
export function requiredString(body: Record<string, unknown>, field: string): string {
  return checkString(field, body[field]);
}

/** An optional non-empty string field. */
export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  return body[field] === undefined ? undefined : requiredString(body, field);
}

/** An optional boolean field. */
export function optionalBoolean(body: Record<string, unknown>, field: string): boolean | undefined {
  const value = body[field];
  if (value !== undefined && typeof value !== 'boolean') throw badField(field, 'a boolean');
  return value;
}

/** An optional integer field within `[min, max]`. */
export function optionalInt(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
): number | undefined {
  const value = body[field];
  return value === undefined ? undefined : checkInt(field, value, [min, max]);
}
