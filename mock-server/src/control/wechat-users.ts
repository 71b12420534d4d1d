import type { WechatUserFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../context';
import { createUser, requireApp } from '../wechat/client';
import { userKey, type WechatUser } from '../wechat/state';
import { badField, ControlError } from './errors';
import { optionalBoolean, optionalInt, optionalString, requiredString } from './fields';

const LANGUAGES = ['zh_CN', 'en', 'zh_TW'] as const;

/** `phone`: a mainland number string, `{countryCode, purePhoneNumber}`, or null (no phone). */
function phoneField(value: unknown): WechatUserFixture['phone'] {
  if (value === null) return null;
  if (typeof value === 'string' && /^\d{5,15}$/.test(value)) {
    return { countryCode: '86', purePhoneNumber: value };
  }
  const v = value as { countryCode?: unknown; purePhoneNumber?: unknown } | undefined;
  if (
    v &&
    typeof v === 'object' &&
    typeof v.countryCode === 'string' &&
    /^\d{1,4}$/.test(v.countryCode) &&
    typeof v.purePhoneNumber === 'string' &&
    /^\d{5,15}$/.test(v.purePhoneNumber)
  ) {
    return { countryCode: v.countryCode, purePhoneNumber: v.purePhoneNumber };
  }
  throw badField('phone', 'digits, {countryCode, purePhoneNumber} of digits, or null');
}

/** Every profile change in `body`, validated before anything is applied. */
function profileChanges(body: Record<string, unknown>): Partial<WechatUser> {
  const changes: Partial<WechatUser> = {};
  const nickName = optionalString(body, 'nickName') ?? optionalString(body, 'nickname');
  if (nickName !== undefined) changes.nickName = nickName;
  const avatarUrl = optionalString(body, 'avatarUrl') ?? optionalString(body, 'avatar');
  if (avatarUrl !== undefined) changes.avatarUrl = avatarUrl;
  for (const field of ['city', 'province', 'country'] as const) {
    if (body[field] !== undefined) {
      if (typeof body[field] !== 'string') throw badField(field, 'a string');
      changes[field] = body[field];
    }
  }
  const gender = optionalInt(body, 'gender', 0, 2);
  if (gender !== undefined) changes.gender = gender as WechatUser['gender'];
  if (body['language'] !== undefined) {
    const language = LANGUAGES.find((l) => l === body['language']);
    if (!language) throw badField('language', `one of ${LANGUAGES.join(', ')}`);
    changes.language = language;
  }
  if (body['phone'] !== undefined) changes.phone = phoneField(body['phone']);
  if (body['unionid'] !== undefined) {
    if (body['unionid'] !== null && (typeof body['unionid'] !== 'string' || !body['unionid'])) {
      throw badField('unionid', 'a non-empty string or null');
    }
    changes.unionid = body['unionid'];
  }
  const blocked = optionalBoolean(body, 'blocked');
  if (blocked !== undefined) changes.blocked = blocked;
  return changes;
}

/**
 * `POST /wechat/users`: updates user `openid` of `appid`, or creates one (with that openid, or a
 * new one when absent). Validates the whole body before changing anything.
 */
export function upsertUser(
  ctx: Context,
  body: Record<string, unknown>,
): { user: WechatUser; created: boolean } {
  const appid = requiredString(body, 'appid');
  const openid = optionalString(body, 'openid');
  if (openid !== undefined && !/^[A-Za-z0-9_-]{6,64}$/.test(openid)) {
    throw badField('openid', '6 to 64 characters of [A-Za-z0-9_-]');
  }
  const changes = profileChanges(body);
  const app = requireApp(ctx, appid);
  if (changes.unionid && app.openPlatformId === null) {
    throw new ControlError(
      400,
      'invalid_field',
      `"unionid" needs an app bound to an open platform`,
    );
  }
  const users = ctx.store.wechat.users;
  const existing = openid === undefined ? undefined : users.get(userKey(appid, openid));
  if (existing) {
    Object.assign(existing, changes);
    return { user: existing, created: false };
  }
  const user = createUser(ctx, appid);
  users.delete(userKey(appid, user.openid));
  Object.assign(user, changes, openid === undefined ? {} : { openid });
  users.set(userKey(appid, user.openid), user);
  return { user, created: true };
}
