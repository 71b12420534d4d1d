/** Strict readers of an imported state document: each failure names the path of the field. */
import { badField } from '../control/error';

/** A JSON value at `path` of the document. */
export type At = (value: unknown, path: string) => unknown;

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The object at `path`. */
export function obj(v: unknown, path: string): Record<string, unknown> {
  if (!isObject(v)) throw badField(path, 'an object');
  return v;
}

/** The array at `path`. */
export function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw badField(path, 'an array');
  return v;
}

/** The string at `path`. */
export function str(v: unknown, path: string): string {
  if (typeof v !== 'string') throw badField(path, 'a string');
  return v;
}

/** The string or null at `path`. */
export function strOrNull(v: unknown, path: string): string | null {
  if (v !== null && typeof v !== 'string') throw badField(path, 'a string or null');
  return v;
}

/** The finite number at `path`. */
export function num(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw badField(path, 'a finite number');
  return v;
}

/** The finite number or null at `path`. */
export function numOrNull(v: unknown, path: string): number | null {
  return v === null ? null : num(v, path);
}

/** The non-negative integer at `path`. */
export function count(v: unknown, path: string): number {
  if (!Number.isSafeInteger(v) || (v as number) < 0) throw badField(path, 'a non-negative integer');
  return v as number;
}

/** The boolean at `path`. */
export function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw badField(path, 'a boolean');
  return v;
}

/** One of `values` at `path`. */
export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  if (!(values as readonly unknown[]).includes(v))
    throw badField(path, values.map((x) => JSON.stringify(x)).join(' or '));
  return v as T;
}

/** The object at `path` whose values are all read by `each`. */
export function record<T>(
  v: unknown,
  path: string,
  each: (x: unknown, p: string) => T,
): Record<string, T> {
  const o = obj(v, path);
  const out: Record<string, T> = {};
  for (const [k, x] of Object.entries(o)) out[k] = each(x, `${path}.${k}`);
  return out;
}

/** The array at `path` with each item read by `each`. */
export function list<T>(v: unknown, path: string, each: (x: unknown, p: string) => T): T[] {
  return arr(v, path).map((x, i) => each(x, `${path}[${i}]`));
}

/** `[key, value]` pairs at `path`. */
export function pairs<T>(
  v: unknown,
  path: string,
  each: (x: unknown, p: string) => T,
): [string, T][] {
  return list(v, path, (x, p) => {
    const pair = arr(x, p);
    if (pair.length !== 2) throw badField(p, 'a [key, value] pair');
    return [str(pair[0], `${p}[0]`), each(pair[1], `${p}[1]`)];
  });
}

/** 400 for a reference to something the document does not hold. */
export function dangling(path: string, what: string): never {
  throw badField(path, `${what} the document holds`);
}
