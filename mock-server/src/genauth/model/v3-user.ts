/** The v3 `UserInfo` of a user, and the v3 profile update. */
import type { Context } from '../../context';
import { fail } from '../errors';
import { editableProfile, editableUdv } from './defaults';
import type { PoolState, UserRecord } from './types';
import { decodeUdv } from './udv';
import { findUser, touch, udvList, updateFields } from './users';

/** What `GET /api/v3/get-profile` may add to the user. */
export interface ProfileOptions {
  withCustomData?: boolean;
  withIdentities?: boolean;
  withDepartmentIds?: boolean;
}

const GENDERS = new Set(['M', 'F', 'U']);

/** The v3 `UserInfo` (the SDK's `types.ts` field list). */
export function userInfoV3(
  pool: PoolState,
  user: UserRecord,
  opts: ProfileOptions = {},
): Record<string, unknown> {
  const p = user.profile;
  const info: Record<string, unknown> = {
    userId: user.id,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    userPoolId: pool.pool.id,
    status: user.status,
    username: user.username,
    email: user.email,
    emailVerified: user.emailVerified,
    phone: user.phone,
    phoneCountryCode: user.phoneCountryCode,
    phoneVerified: user.phoneVerified,
    name: p['name'] ?? null,
    nickname: user.nickname,
    photo: user.photo,
    gender: p['gender'] ?? 'U',
    birthdate: p['birthdate'] ?? null,
    country: p['country'] ?? null,
    province: p['province'] ?? null,
    city: p['city'] ?? null,
    address: p['address'] ?? null,
    streetAddress: p['streetAddress'] ?? null,
    postalCode: p['postalCode'] ?? null,
    company: p['company'] ?? null,
    externalId: user.externalId,
    loginsCount: user.loginsCount,
    lastLogin: user.lastLogin,
    lastIp: user.lastIP,
    signedUp: user.signedUp,
    blocked: user.blocked,
    registerSource: user.registerSource,
  };
  if (opts.withIdentities)
    info['identities'] = user.identities.map((i) => ({
      identityId: `${i.connectionId ?? i.provider}:${i.openid ?? i.userIdInIdp}`,
      extIdpId: i.extIdpId,
      provider: i.provider,
      type: i.type,
      userIdInIdp: i.userIdInIdp,
      originConnIds: i.connectionId ? [i.connectionId] : [],
    }));
  if (opts.withCustomData)
    info['customData'] = Object.fromEntries(
      udvList(pool, user).map((u) => [u.key, user.udv.get(u.key)]),
    );
  if (opts.withDepartmentIds) info['departmentIds'] = [];
  return info;
}

/** The string fields `POST /api/v3/update-profile` takes (besides `customData`). */
export const V3_PROFILE_FIELDS = [
  'name',
  'nickname',
  'photo',
  'externalId',
  'birthdate',
  'country',
  'province',
  'city',
  'address',
  'streetAddress',
  'postalCode',
  'gender',
  'username',
] as const;

/**
 * `update-profile`: every key is checked first (unknown 2510, not a string or null 2510, gender
 * not M/F/U 2510, a taken username 2026, customData by the pool's UDFs 2400/2401), then applied.
 */
export function updateProfileV3(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  input: Record<string, unknown>,
): void {
  const known = new Set<string>([...V3_PROFILE_FIELDS, 'customData']);
  for (const [key, value] of Object.entries(input)) {
    if (!known.has(key)) throw fail(2510, { field: key }, `不支持修改的字段: ${key}`);
    if (key === 'customData') continue;
    if (value !== null && typeof value !== 'string') throw fail(2510, { field: key });
  }
  if (typeof input['gender'] === 'string' && !GENDERS.has(input['gender']))
    throw fail(2510, { field: 'gender' });
  const username = input['username'];
  if (typeof username === 'string') {
    const other = findUser(pool, 'username', username);
    if (other && other !== user) throw fail(2026);
  }
  const custom = input['customData'];
  if (
    custom !== undefined &&
    (custom === null || typeof custom !== 'object' || Array.isArray(custom))
  )
    throw fail(2510, { field: 'customData' });
  const udv = Object.entries((custom as Record<string, unknown> | undefined) ?? {}).map(([k, v]) =>
    decodeUdv(pool, k, v),
  );
  const s = (k: string) => (input[k] as string | null | undefined) ?? null;
  for (const key of Object.keys(input)) {
    if (key === 'nickname') user.nickname = s(key);
    else if (key === 'photo') user.photo = s(key) ?? user.photo;
    else if (key === 'username' || key === 'externalId')
      updateFields(pool, user, { [key]: s(key) });
    else if (key !== 'customData') editableProfile(user)[key] = s(key);
  }
  for (const [k, v] of udv) editableUdv(user).set(k, v);
  touch(ctx, user);
}
