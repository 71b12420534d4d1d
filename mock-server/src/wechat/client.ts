import { buildWechatUser, makeFaker, type WechatAppFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../context';
import { WechatModelError } from './contract';
import { encryptData, rawDataSignature } from './crypto';
import { recordEncryptedMsg } from './encrypted-msgs';
import { phoneInfoOf } from './model';
import { takePhoneCall } from './phone-quota';
import { ensureSession, loginSession } from './sessions';
import { userKey, type WechatUser } from './state';

/**
 * The simulated WeChat client: what `wx.login`, `getUserInfo` and the getPhoneNumber button hand
 * to a page. The control surface exposes these; refusals are {@link WechatModelError}s.
 */

/** The app `appid`. @throws {WechatModelError} `unknown_app` */
export function requireApp(ctx: Context, appid: string): WechatAppFixture {
  const app = ctx.store.wechat.apps.get(appid);
  if (!app) throw new WechatModelError('unknown_app', `no WeChat app with appid "${appid}"`);
  return app;
}

/** The user `openid` of app `appid`. @throws {WechatModelError} `unknown_app`, `unknown_user` */
export function requireUser(ctx: Context, appid: string, openid: string): WechatUser {
  requireApp(ctx, appid);
  const user = ctx.store.wechat.users.get(userKey(appid, openid));
  if (!user) {
    throw new WechatModelError('unknown_user', `no user "${openid}" in WeChat app "${appid}"`);
  }
  return user;
}

/** A new WeChat user of `appid`, drawn from a faker seeded by the mock's random stream. */
export function createUser(ctx: Context, appid: string): WechatUser {
  const app = requireApp(ctx, appid);
  const user = buildWechatUser(makeFaker(ctx.random.hex(16)), app);
  ctx.store.wechat.users.set(userKey(appid, user.openid), user);
  return user;
}

/**
 * `wx.login`: mints `count` single-use 32-character codes (5 minutes) for the user (a new user
 * when `openid` is absent) and applies the session-key policy once; `sessionKey` pins the key.
 */
export function login(
  ctx: Context,
  input: { appid: string; openid?: string; sessionKey?: string; count?: number },
): { code: string; openid: string; codes: string[] } {
  const user =
    input.openid === undefined
      ? createUser(ctx, input.appid)
      : requireUser(ctx, input.appid, input.openid);
  loginSession(ctx, user, input.sessionKey);
  const now = ctx.clock.now();
  const codes: string[] = [];
  for (let i = 0; i < (input.count ?? 1); i++) {
    const code = ctx.random.alnum(32);
    ctx.store.wechat.codes.set(code, {
      code,
      appid: user.appid,
      openid: user.openid,
      issuedAt: now,
      usedAt: null,
    });
    codes.push(code);
  }
  return { code: codes[0] as string, openid: user.openid, codes };
}

/**
 * The key the client encrypts with: the live session's, or a new session's when the user has none
 * (the WeChat client always holds a login state).
 */
function liveKey(ctx: Context, user: WechatUser): string {
  return ensureSession(ctx, user).sessionKey;
}

/**
 * `getUserInfo` with credentials: `userInfo`, its `rawData` and sha1 `signature`, and
 * `encryptedData` (openId, profile, unionId, watermark) under the user's current session key.
 */
export function userInfo(ctx: Context, appid: string, openid: string) {
  const user = requireUser(ctx, appid, openid);
  const sessionKey = liveKey(ctx, user);
  const info = {
    nickName: user.nickName,
    gender: user.gender,
    language: user.language,
    city: user.city,
    province: user.province,
    country: user.country,
    avatarUrl: user.avatarUrl,
  };
  const rawData = JSON.stringify(info);
  const plaintext = {
    openId: user.openid,
    ...info,
    ...(user.unionid !== null && { unionId: user.unionid }),
    watermark: { timestamp: ctx.clock.nowSeconds(), appid },
  };
  const iv = ctx.random.base64(16);
  return {
    userInfo: info,
    rawData,
    signature: rawDataSignature(rawData, sessionKey),
    encryptedData: encryptData(sessionKey, plaintext, iv),
    iv,
  };
}

/** What a phone-number button hands the page when the app has no quota left (errno 1400001). */
export function noQuotaDetail(realtime: boolean): { errMsg: string; errno: 1400001 } {
  const api = realtime ? 'getRealtimePhoneNumber' : 'getPhoneNumber';
  return { errMsg: `${api}:fail no quota`, errno: 1400001 };
}

/** The fast-verify button's success detail: a phone code plus the legacy encrypted payload. */
export interface FastVerifyDetail {
  errMsg: string;
  code: string;
  encryptedData: string;
  iv: string;
}

/** The real-time button's success detail: a phone code only. */
export interface RealtimeDetail {
  errMsg: string;
  code: string;
}

/**
 * A tap on a phone-number button: the fast-verify one (`getPhoneNumber`) gives a new single-use
 * 64-hex phone code plus the legacy `encryptedData` (phone number and watermark) under the user's
 * current session key; the real-time one (`getRealtimePhoneNumber`) only the code. Either uses a
 * call of its product's quota; with none left it gives the errno 1400001 detail and mints nothing.
 * @throws {WechatModelError} `unknown_app`, `unknown_user`, `no_phone`
 */
export function phoneButton(
  ctx: Context,
  appid: string,
  openid: string,
  realtime: boolean,
): FastVerifyDetail | RealtimeDetail | ReturnType<typeof noQuotaDetail> {
  const user = requireUser(ctx, appid, openid);
  if (!user.phone) {
    throw new WechatModelError('no_phone', `user "${openid}" has no phone number`);
  }
  if (!takePhoneCall(ctx.store.wechat, appid, realtime ? 'realtime' : 'fastVerify')) {
    return noQuotaDetail(realtime);
  }
  const sessionKey = realtime ? '' : liveKey(ctx, user);
  const now = ctx.clock.now();
  const code = ctx.random.hex(64);
  ctx.store.wechat.phoneCodes.set(code, { code, appid, openid, issuedAt: now, usedAt: null });
  if (realtime) return { errMsg: 'getRealtimePhoneNumber:ok', code };
  const info = phoneInfoOf(user, appid, now);
  const legacy = {
    phoneNumber: info.phoneNumber,
    purePhoneNumber: info.purePhoneNumber,
    countryCode: info.countryCode,
    watermark: { appid, timestamp: info.watermark.timestamp },
  };
  const iv = ctx.random.base64(16);
  const encryptedData = encryptData(sessionKey, legacy, iv);
  recordEncryptedMsg(ctx, appid, encryptedData);
  return { errMsg: 'getPhoneNumber:ok', code, encryptedData, iv };
}

/**
 * The fast-verify button's success detail ({@link phoneButton} with `realtime` false).
 * @throws {WechatModelError} `no_quota` once the app's quota is used up, and as {@link phoneButton}
 */
export function phoneNumber(ctx: Context, appid: string, openid: string): FastVerifyDetail {
  const detail = phoneButton(ctx, appid, openid, false);
  if ('errno' in detail) {
    throw new WechatModelError('no_quota', `${detail.errMsg} (errno ${detail.errno})`);
  }
  return detail as FastVerifyDetail;
}
