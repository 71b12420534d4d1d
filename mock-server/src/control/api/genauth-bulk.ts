import type { Context } from '../../context';
import { GenauthError } from '../../genauth/errors';
import { bulkCreateGenauthUsers, type GenauthUserSpec } from '../../genauth/model/bulk';
import { badField, ControlError } from '../error';
import type { GenauthBulkInput, GenauthBulkResult } from '../types';
import { checkInt, checkString } from '../values';
import { checkFields, checkSpecList } from './specs';

const INPUT_FIELDS = ['poolId', 'users', 'returnIds'];
const STRINGS = [
  'email',
  'username',
  'phone',
  'nickname',
  'password',
  'passwordHash',
  'subAccount',
  'externalId',
  'unionid',
  'openid',
] as const;
const SPEC_FIELDS = [...STRINGS, 'passwordLevel'];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?\d{5,15}$/;
const HASH = /^scrypt\$[0-9a-f]{1,128}\$[0-9a-f]{64}$/;

/** One account spec, checked field by field (`users[i].field` names a bad one). */
function specOf(raw: unknown, at: string): GenauthUserSpec {
  const body = checkFields(at, raw, SPEC_FIELDS);
  const spec: GenauthUserSpec = {};
  for (const f of STRINGS) if (body[f] !== undefined) spec[f] = checkString(`${at}.${f}`, body[f]);
  if (typeof spec.email === 'string' && !EMAIL.test(spec.email)) {
    throw badField(`${at}.email`, 'an e-mail address');
  }
  if (typeof spec.phone === 'string' && !PHONE.test(spec.phone)) {
    throw badField(`${at}.phone`, 'a phone number (5 to 15 digits, an optional +)');
  }
  if (spec.passwordHash !== undefined) {
    if (spec.password !== undefined) {
      throw badField(`${at}.passwordHash`, 'absent when "password" is given');
    }
    if (!HASH.test(spec.passwordHash)) {
      throw badField(`${at}.passwordHash`, 'scrypt$<salt hex>$<64 hex>');
    }
  }
  if (body['passwordLevel'] !== undefined) {
    if (spec.passwordHash === undefined) {
      throw badField(`${at}.passwordLevel`, 'absent without "passwordHash"');
    }
    spec.passwordLevel = checkInt(`${at}.passwordLevel`, body['passwordLevel'], [1, 3]) as
      1 | 2 | 3;
  }
  return spec;
}

/** The model's refusal as the control error the HTTP surface answers. */
function controlErrorOf(err: GenauthError): ControlError {
  const data = (err.data ?? {}) as { field?: unknown; value?: unknown };
  if (err.code === 2026) {
    return new ControlError(
      409,
      'user_exists',
      `"${String(data.field)}" ${JSON.stringify(data.value)} is taken in the pool or repeated in "users"`,
    );
  }
  return new ControlError(400, 'invalid_field', `a user of "users" is refused: ${err.message}`);
}

/**
 * `genauth.bulkCreateUsers`: checks the whole input (fields, types, identifiers new in the pool
 * and in the batch) before creating anyone, then creates every account at once.
 */
export function bulkCreateGenauth(ctx: Context, input: GenauthBulkInput): GenauthBulkResult {
  const body = checkFields('body', input, INPUT_FIELDS);
  const poolId = checkString('poolId', body['poolId']);
  const returnIds = body['returnIds'];
  if (returnIds !== undefined && typeof returnIds !== 'boolean') {
    throw badField('returnIds', 'a boolean');
  }
  const specs = checkSpecList(body['users'], specOf);
  if (!ctx.store.genauth.pools.has(poolId)) {
    throw new ControlError(404, 'unknown_pool', `no GenAuth user pool "${poolId}"`);
  }
  let users;
  try {
    users = bulkCreateGenauthUsers(ctx, poolId, specs);
  } catch (err) {
    throw err instanceof GenauthError ? controlErrorOf(err) : err;
  }
  const first = users[0];
  const last = users[users.length - 1];
  if (!first || !last) throw new Error('bulkCreateGenauthUsers created nobody');
  return {
    poolId,
    created: users.length,
    firstId: first.id,
    lastId: last.id,
    ...(returnIds === true ? { ids: users.map((u) => u.id) } : {}),
  };
}
