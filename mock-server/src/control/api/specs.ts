/** Checks shared by the bulk controls: objects with known fields, lists of specs. */
import { badField } from '../error';
import { LIMITS } from '../values';

/** `raw` as an object whose keys are all in `allowed` (400 naming `at` or `at.key`). */
export function checkFields(
  at: string,
  raw: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw badField(at, 'a JSON object');
  }
  for (const key of Object.keys(raw)) {
    if (!allowed.includes(key)) {
      const name = at === 'body' ? key : `${at}.${key}`;
      throw badField(name, `absent (fields: ${allowed.join(', ')})`);
    }
  }
  return raw as Record<string, unknown>;
}

/** Any string, the empty one included. */
export function checkStringField(field: string, value: unknown): string {
  if (typeof value !== 'string') throw badField(field, 'a string');
  return value;
}

/** A list of 1 to 100000 specs, each read by `read(raw, "users[i]")`. */
export function checkSpecList<T>(value: unknown, read: (raw: unknown, at: string) => T): T[] {
  const [min, max] = LIMITS.bulkUsers;
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw badField('users', `an array of ${min} to ${max} users`);
  }
  const out = new Array<T>(value.length);
  for (let i = 0; i < value.length; i++) out[i] = read(value[i], `users[${i}]`);
  return out;
}
