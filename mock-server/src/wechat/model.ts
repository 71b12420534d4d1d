import type { Context } from '../context';
import type { Code2SessionResult, PhoneInfo } from './contract';
import { wechatError } from './errcodes';
import { throwFault } from './faults';
import { RULES } from './rules';
import { ensureSession } from './sessions';
import { userKey, type WechatUser } from './state';

/** A required string parameter: absent or empty is "missing" (`null`), other types are invalid. */
function param(value: unknown): string | null | undefined {
  if (value === undefined || value === '') return null;
  return typeof value === 'string' ? value : undefined;
}

/** Counts one jscode2session call of `user`; true when over 100 in the current minute. */
function overLoginQuota(ctx: Context, user: WechatUser): boolean {
  const minute = Math.floor(ctx.clock.now() / 60_000);
  const key = userKey(user.appid, user.openid);
  const rate = ctx.store.wechat.loginRate;
  const window = rate.get(key);
  if (!window || window.minute !== minute) {
    rate.set(key, { minute, count: 1 });
    return false;
  }
  window.count += 1;
  return window.count > RULES.loginCallsPerMinute;
}

/**
 * `GET /sns/jscode2session`, for the route and in-process alike: a pending `wechat.jscode2session`
 * fault first, then appid, secret and the code (41002 / 41004 / 41008, 40013, 40125, 40029
 * unknown / expired / other app, 40163 used, 40226 blocked, 45011 over quota); marks the code used
 * and answers the user's live session.
 * @throws {WechatError} (a `FaultedError` when faulted)
 */
export function code2Session(
  ctx: Context,
  params: { appid?: unknown; secret?: unknown; js_code?: unknown },
): Code2SessionResult {
  throwFault(ctx.store.wechat.faults, 'wechat.jscode2session', params.appid);
  const appid = param(params.appid);
  const secret = param(params.secret);
  const jsCode = param(params.js_code);
  if (appid === null) throw wechatError(41002);
  if (secret === null) throw wechatError(41004);
  if (jsCode === null) throw wechatError(41008);
  const state = ctx.store.wechat;
  const app = appid === undefined ? undefined : state.apps.get(appid);
  if (!app) throw wechatError(40013);
  if (secret !== app.secret) throw wechatError(40125);

  const code = jsCode === undefined ? undefined : state.codes.get(jsCode);
  const now = ctx.clock.now();
  // An expired code is 40029 whether or not it was used (expired codes leave the state).
  if (!code || code.appid !== app.appid || now - code.issuedAt >= RULES.codeTtlMs)
    throw wechatError(40029);
  if (code.usedAt !== null) throw wechatError(40163);
  const user = state.users.find(code.appid, code.openid);
  if (!user) throw wechatError(40029);
  if (user.blocked) throw wechatError(40226);
  if (overLoginQuota(ctx, user)) throw wechatError(45011);

  code.usedAt = now;
  const session = ensureSession(ctx, user);
  const result: Code2SessionResult = { session_key: session.sessionKey, openid: user.openid };
  if (app.openPlatformId !== null && user.unionid !== null) result.unionid = user.unionid;
  return result;
}

/** `phone_info` for a user, with the watermark of the moment the user tapped the button. */
export function phoneInfoOf(user: WechatUser, appid: string, tappedAtMs: number): PhoneInfo {
  const phone = user.phone ?? { countryCode: '86', purePhoneNumber: '' };
  return {
    phoneNumber:
      phone.countryCode === '86'
        ? phone.purePhoneNumber
        : `+${phone.countryCode}${phone.purePhoneNumber}`,
    purePhoneNumber: phone.purePhoneNumber,
    countryCode: phone.countryCode,
    watermark: { timestamp: Math.floor(tappedAtMs / 1000), appid },
  };
}

/**
 * `POST /wxa/business/getuserphonenumber` for app `appid` (the route, after its access token and
 * body checks, and GenAuth's `phoneCode` logins): a pending `wechat.getuserphonenumber` fault
 * first; then a phone code of `appid`, unused and younger than 5 minutes, becomes `phone_info`,
 * and anything else is 40029. With `openid`, the code must also belong to that user.
 * @throws {WechatError} 40029 (a `FaultedError` when faulted)
 */
export function exchangePhoneCode(
  ctx: Context,
  appid: string,
  code: unknown,
  openid?: string,
): PhoneInfo {
  throwFault(ctx.store.wechat.faults, 'wechat.getuserphonenumber', appid);
  const state = ctx.store.wechat;
  const record = typeof code === 'string' ? state.phoneCodes.get(code) : undefined;
  const now = ctx.clock.now();
  if (
    !record ||
    record.appid !== appid ||
    record.usedAt !== null ||
    now - record.issuedAt >= RULES.codeTtlMs ||
    (openid !== undefined && record.openid !== openid)
  ) {
    throw wechatError(40029);
  }
  const user = state.users.find(record.appid, record.openid);
  if (!user?.phone) throw wechatError(40029);
  record.usedAt = now;
  return phoneInfoOf(user, appid, record.issuedAt);
}
