/** Readers of v3 request fields: missing → 2231 naming the field, a wrong type → 2510. */
import { fail } from '../errors';

type Body = Record<string, unknown>;

/** A required non-empty string. */
export function text(body: Body, field: string, path = field): string {
  const v = body[field];
  if (v === undefined || v === null || v === '') throw fail(2231, { field: path });
  if (typeof v !== 'string') throw fail(2510, { field: path });
  return v;
}

/** An optional string (absent, null or '' → null). */
export function optText(body: Body, field: string, path = field): string | null {
  const v = body[field];
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') throw fail(2510, { field: path });
  return v;
}

/** A required object. */
export function object(body: Body, field: string, path = field): Body {
  const v = body[field];
  if (v === undefined || v === null) throw fail(2231, { field: path });
  if (typeof v !== 'object' || Array.isArray(v)) throw fail(2510, { field: path });
  return v as Body;
}

/** An optional object (absent or null → `{}`). */
export function optObject(body: Body, field: string, path = field): Body {
  return body[field] === undefined || body[field] === null ? {} : object(body, field, path);
}

/** One of `values` (absent → `fallback`, or 2231 when there is none). */
export function oneOf<T extends string>(
  body: Body,
  field: string,
  values: readonly T[],
  fallback?: T,
): T {
  const v = body[field];
  if ((v === undefined || v === null) && fallback !== undefined) return fallback;
  const s = text(body, field);
  if (!(values as readonly string[]).includes(s))
    throw fail(2510, { field, allowed: values }, `${field} 取值不正确: ${s}`);
  return s as T;
}

/** An optional boolean (also `"true"` / `"false"` from a query string). */
export function flag(value: unknown, field: string): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw fail(2510, { field });
}
