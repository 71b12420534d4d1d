import type { Context } from '../../context';
import { fail } from '../errors';
import { editableUdv } from './defaults';
import type { PoolState, UserRecord } from './types';
import { touch, udvList } from './users';

/**
 * Decodes a wire UDF value (the SDK sends `JSON.stringify(v)`) to the stored type of `key`:
 * undefined key → 2400, a value of the wrong type → 2401. STRING also accepts a raw string.
 */
export function decodeUdv(pool: PoolState, key: unknown, raw: unknown): [string, unknown] {
  if (typeof key !== 'string') throw fail(2231, { field: 'key' });
  const def = pool.udfs.get(key);
  if (!def) throw fail(2400, { key });
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
  }
  const mismatch = () => fail(2401, { key, dataType: def.dataType });
  switch (def.dataType) {
    case 'STRING':
      if (typeof value !== 'string') {
        if (typeof raw === 'string' && typeof value !== 'object') return [key, raw];
        throw mismatch();
      }
      return [key, value];
    case 'NUMBER':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw mismatch();
      return [key, value];
    case 'BOOLEAN':
      if (typeof value !== 'boolean') throw mismatch();
      return [key, value];
    case 'DATETIME': {
      const ms =
        typeof value === 'number' ? value : typeof value === 'string' ? Date.parse(value) : NaN;
      if (!Number.isFinite(ms)) throw mismatch();
      return [key, ms];
    }
    case 'OBJECT':
      if (typeof value !== 'object' || value === null) throw mismatch();
      return [key, value];
  }
}

/** Applies a batch atomically: every pair is decoded before any is stored. */
export function setUdvs(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  pairs: { key: unknown; value: unknown }[],
) {
  const decoded = pairs.map((p) => decodeUdv(pool, p.key, p.value));
  for (const [k, v] of decoded) editableUdv(user).set(k, v);
  if (decoded.length > 0) touch(ctx, user);
  return udvList(pool, user);
}

/** Removes one value; an undefined key → 2400. */
export function removeUdv(ctx: Context, pool: PoolState, user: UserRecord, key: string) {
  if (!pool.udfs.has(key)) throw fail(2400, { key });
  if (user.udv.has(key)) editableUdv(user).delete(key);
  touch(ctx, user);
  return udvList(pool, user);
}

/** Parses the `params` JSON string of register/login inputs (`[{key, value}]`); bad JSON → 2510. */
export function parseParams(params: unknown): { key: unknown; value: unknown }[] {
  if (params === undefined || params === null || params === '') return [];
  let list: unknown;
  try {
    list = typeof params === 'string' ? JSON.parse(params) : params;
  } catch {
    throw fail(2510, { field: 'params' });
  }
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'object' || x === null)) {
    throw fail(2510, { field: 'params' });
  }
  return (list as Record<string, unknown>[]).map((x) => ({
    key: x['key'],
    value:
      typeof x['value'] === 'string'
        ? JSON.stringify(x['value'])
        : JSON.stringify(x['value'] ?? null),
  }));
}
