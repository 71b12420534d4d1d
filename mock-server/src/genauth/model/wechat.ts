import type { WechatConnectionFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../../context';
import { sleep } from '../../timers';
import {
  DecryptError,
  WechatError,
  type Code2SessionResult,
  type PhoneInfo,
} from '../../wechat/contract';
import { decryptData } from '../../wechat/crypto';
import { faultDelay } from '../../wechat/faults';
import { code2Session, exchangePhoneCode } from '../../wechat/model';
import { fail } from '../errors';
import type { Tenant } from './tenancy';
import type { IdentityRecord, UserRecord } from './types';
import { editableProfile } from './defaults';
import { addIdentity, createUser, findByIdentity, findUser, touch, updateFields } from './users';
import { optionalString } from './validate';

/** `registerSource` of users created by the mini-program connection. */
export const WECHAT_SOURCE = 'wechat:miniprogram:default';

/** The WeChat connection of the calling app (else the pool's first); none → 2502. */
export function connectionOf(t: Tenant): WechatConnectionFixture {
  const conn = t.app?.connection ?? [...t.pool.apps.values()].find((a) => a.connection)?.connection;
  if (!conn) throw fail(2502, { appId: t.app?.id ?? null });
  return conn;
}

/** A WeChat failure as GenAuth reports it: 2500 / 2501 with the WeChat code in `data`. */
function wechatFailure(e: unknown): unknown {
  if (e instanceof WechatError) return fail(2500, { errcode: e.errcode, errmsg: e.errmsg });
  if (e instanceof DecryptError) return fail(2501, { errcode: e.code, errmsg: e.message });
  return e;
}

/** Runs a WeChat call, turning its failures into GenAuth 2500 / 2501 with the WeChat code in `data`. */
export function viaWechat<T>(call: () => T): T {
  try {
    return call();
  } catch (e) {
    throw wechatFailure(e);
  }
}

/**
 * Runs a faultable WeChat model operation like {@link viaWechat}; a fault it takes is answered
 * after the fault's delay (on the mock's timers), as the HTTP route answers it.
 */
export async function viaFaultableWechat<T>(ctx: Context, call: () => T): Promise<T> {
  try {
    return call();
  } catch (e) {
    await sleep(ctx.options.timers, faultDelay(e));
    throw wechatFailure(e);
  }
}

/**
 * Exchanges a `wx.login` code with the connection's appid and secret (jscode2session, whose
 * pending faults apply here too).
 */
export const exchangeLoginCode = (
  ctx: Context,
  conn: WechatConnectionFixture,
  code: string,
): Promise<Code2SessionResult> =>
  viaFaultableWechat(ctx, () =>
    code2Session(ctx, { appid: conn.appid, secret: conn.secret, js_code: code }),
  );

/** The encrypted-data pair, or null when neither is sent; only one of them → 2231. */
export function encryptedPair(
  body: Record<string, unknown>,
): { iv: string; encryptedData: string } | null {
  const iv = optionalString(body['iv'], 'iv');
  const encryptedData = optionalString(body['encryptedData'], 'encryptedData');
  if (!iv && !encryptedData) return null;
  if (!iv || !encryptedData) throw fail(2231, { field: iv ? 'encryptedData' : 'iv' });
  return { iv, encryptedData };
}

/** Decrypts WeChat data with the session key, checking the watermark appid. */
export const decryptWechat = (
  conn: WechatConnectionFixture,
  session: Code2SessionResult,
  pair: { iv: string; encryptedData: string },
) => viaWechat(() => decryptData(session.session_key, pair.encryptedData, pair.iv, conn.appid));

/**
 * WeChat's answer for a phone-button code of the connection's mini-program, watermark included
 * (getuserphonenumber, whose pending faults apply here too, after their delay): failures → 2500.
 */
export const phoneInfoOfCode = (
  ctx: Context,
  conn: WechatConnectionFixture,
  code: string,
): Promise<PhoneInfo> => viaFaultableWechat(ctx, () => exchangePhoneCode(ctx, conn.appid, code));

/** Applies a WeChat profile (`getUserInfo` fields) to a user. */
export function applyWechatProfile(
  ctx: Context,
  user: UserRecord,
  info: Record<string, unknown>,
): void {
  const s = (k: string) =>
    typeof info[k] === 'string' && info[k] !== '' ? (info[k] as string) : undefined;
  const nick = s('nickName');
  if (nick) user.nickname = nick;
  const avatar = s('avatarUrl');
  if (avatar) user.photo = avatar;
  const gender = info['gender'];
  if (gender === 1 || gender === 2 || gender === 0)
    editableProfile(user)['gender'] = gender === 1 ? 'M' : gender === 2 ? 'F' : 'U';
  for (const k of ['city', 'province', 'country'] as const) {
    const v = s(k);
    if (v) editableProfile(user)[k] = v;
  }
  touch(ctx, user);
}

/** The GenAuth identity of a WeChat session on `conn` (its openid, the unionid when known). */
export function identityOf(
  conn: WechatConnectionFixture,
  session: Code2SessionResult,
): IdentityRecord {
  return {
    provider: 'wechat:miniprogram',
    connectionId: conn.id,
    extIdpId: conn.id,
    openid: session.openid,
    userIdInIdp: session.unionid ?? session.openid,
    isSocial: true,
    type: 'openid',
  };
}

/** What a phone bound from WeChat sets besides the number. */
const VERIFIED_PHONE = { phoneVerified: true, phoneCountryCode: '+86' } as const;

/**
 * Finds the user of a WeChat session (this connection's openid, then the unionid, then the
 * phone when given), binds the identity, or creates the user. Returns it and whether it is new.
 */
export function userForSession(
  ctx: Context,
  t: Tenant,
  conn: WechatConnectionFixture,
  session: Code2SessionResult,
  phone: string | null,
): { user: UserRecord; created: boolean } {
  const pool = t.pool;
  const byIdentity = findByIdentity(pool, conn.id, session.openid);
  const byPhone = phone ? findUser(pool, 'phone', phone) : undefined;
  const found = byPhone ?? byIdentity ?? findUser(pool, 'unionid', session.unionid);
  if (!found) {
    const user = createUser(ctx, pool, {
      registerSource: [WECHAT_SOURCE],
      openid: session.openid,
      unionid: session.unionid ?? null,
      identities: [identityOf(conn, session)],
      ...(phone ? { phone, ...VERIFIED_PHONE } : {}),
    });
    return { user, created: true };
  }
  if (byIdentity !== found) {
    // The identity binds to the user found: the phone's account wins over one that held it.
    if (byIdentity)
      updateFields(pool, byIdentity, {
        identities: byIdentity.identities.filter(
          (i) => !(i.connectionId === conn.id && i.openid === session.openid),
        ),
      });
    addIdentity(pool, found, identityOf(conn, session));
  }
  // Only what the user lacks: a repeat login changes no field and no index.
  const patch: Partial<UserRecord> = {};
  if (found.openid == null) patch.openid = session.openid;
  if (found.unionid == null && session.unionid != null) patch.unionid = session.unionid;
  if (phone && !found.phone) Object.assign(patch, { phone, ...VERIFIED_PHONE });
  if (Object.keys(patch).length > 0) updateFields(pool, found, patch);
  touch(ctx, found);
  return { user: found, created: false };
}
