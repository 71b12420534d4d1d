import type { Context } from '../../context';
import { bulkCreateWechatUsers, type WechatUserSpec } from '../../wechat/bulk';
import { badField, ControlError } from '../error';
import type { WechatBulkInput, WechatBulkResult } from '../types';
import { LIMITS, checkInt, checkSessionKey, checkString } from '../values';
import { checkFields, checkStringField, checkSpecList } from './specs';

const INPUT_FIELDS = ['appid', 'count', 'users', 'returnIds'];
const SPEC_FIELDS = [
  'openid',
  'unionid',
  'nickName',
  'avatarUrl',
  'gender',
  'city',
  'province',
  'country',
  'language',
  'phone',
  'blocked',
  'sessionKey',
];
const LANGUAGES: readonly string[] = ['zh_CN', 'en', 'zh_TW'];
const OPENID = /^[A-Za-z0-9_-]{6,64}$/;
const DIGITS = /^\d{5,15}$/;

/** `phone` of a spec: digits (a mainland number), `{countryCode, purePhoneNumber}`, or null. */
function phoneOf(field: string, value: unknown): WechatUserSpec['phone'] {
  if (value === null) return null;
  if (typeof value === 'string' && DIGITS.test(value)) {
    return { countryCode: '86', purePhoneNumber: value };
  }
  const v = value as { countryCode?: unknown; purePhoneNumber?: unknown } | null;
  if (
    v !== null &&
    typeof v === 'object' &&
    Object.keys(v).length === 2 &&
    typeof v.countryCode === 'string' &&
    /^\d{1,4}$/.test(v.countryCode) &&
    typeof v.purePhoneNumber === 'string' &&
    DIGITS.test(v.purePhoneNumber)
  ) {
    return { countryCode: v.countryCode, purePhoneNumber: v.purePhoneNumber };
  }
  throw badField(field, 'digits, {countryCode, purePhoneNumber} of digits, or null');
}

/** One spec, checked field by field (`users[i].field` names a bad one). */
function specOf(raw: unknown, at: string, bound: boolean): WechatUserSpec {
  const body = checkFields(at, raw, SPEC_FIELDS);
  const spec: WechatUserSpec = {};
  if (body['openid'] !== undefined) {
    const openid = body['openid'];
    if (typeof openid !== 'string' || !OPENID.test(openid)) {
      throw badField(`${at}.openid`, '6 to 64 characters of [A-Za-z0-9_-]');
    }
    spec.openid = openid;
  }
  if (body['unionid'] !== undefined) {
    if (!bound) throw badField(`${at}.unionid`, 'absent: the app has no open platform');
    spec.unionid = body['unionid'] === null ? null : checkString(`${at}.unionid`, body['unionid']);
  }
  for (const f of ['nickName', 'avatarUrl'] as const) {
    if (body[f] !== undefined) spec[f] = checkString(`${at}.${f}`, body[f]);
  }
  for (const f of ['city', 'province', 'country'] as const) {
    if (body[f] !== undefined) spec[f] = checkStringField(`${at}.${f}`, body[f]);
  }
  if (body['gender'] !== undefined) {
    spec.gender = checkInt(`${at}.gender`, body['gender'], [0, 2]) as 0 | 1 | 2;
  }
  if (body['language'] !== undefined) {
    const language = body['language'];
    if (typeof language !== 'string' || !LANGUAGES.includes(language)) {
      throw badField(`${at}.language`, `one of ${LANGUAGES.join(', ')}`);
    }
    spec.language = language as WechatUserSpec['language'];
  }
  if (body['phone'] !== undefined) spec.phone = phoneOf(`${at}.phone`, body['phone']);
  if (body['blocked'] !== undefined) {
    if (typeof body['blocked'] !== 'boolean') throw badField(`${at}.blocked`, 'a boolean');
    spec.blocked = body['blocked'];
  }
  if (body['sessionKey'] !== undefined) {
    try {
      spec.sessionKey = checkSessionKey(body['sessionKey']);
    } catch {
      throw badField(`${at}.sessionKey`, 'base64 of 16 bytes (24 characters)');
    }
  }
  return spec;
}

/**
 * `wechat.bulkCreateUsers`: checks the whole input (fields, types, ranges, openids new in the
 * app and in the batch) before creating anyone, then creates every user at once.
 */
export function bulkCreateWechat(ctx: Context, input: WechatBulkInput): WechatBulkResult {
  const body = checkFields('body', input, INPUT_FIELDS);
  const appid = checkString('appid', body['appid']);
  const returnIds = body['returnIds'];
  if (returnIds !== undefined && typeof returnIds !== 'boolean') {
    throw badField('returnIds', 'a boolean');
  }
  if ((body['count'] === undefined) === (body['users'] === undefined)) {
    throw badField('count', 'given, or "users" given instead (exactly one of them)');
  }
  const app = ctx.store.wechat.apps.get(appid);
  if (!app) throw new ControlError(404, 'unknown_app', `no WeChat app with appid "${appid}"`);
  const bound = app.openPlatformId !== null;
  const what =
    body['count'] !== undefined
      ? checkInt('count', body['count'], LIMITS.bulkUsers)
      : checkSpecList(body['users'], (raw, at) => specOf(raw, at, bound));
  const users = bulkCreateWechatUsers(ctx, appid, what);
  const first = users[0];
  const last = users[users.length - 1];
  if (!first || !last) throw new Error('bulkCreateWechatUsers created nobody');
  return {
    appid,
    created: users.length,
    firstOpenid: first.openid,
    lastOpenid: last.openid,
    ...(returnIds === true ? { openids: users.map((u) => u.openid) } : {}),
  };
}
