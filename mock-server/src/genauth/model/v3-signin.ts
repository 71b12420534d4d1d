/** GenAuth v3 sign-in: password, passcode and the WeChat mini-program connections. */
import type { WechatConnectionFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../../context';
import type { Code2SessionResult } from '../../wechat/contract';
import { fail } from '../errors';
import { consume, findCode } from './codes';
import { decryptPassword, verifyPassword } from './passwords';
import type { Tenant } from './tenancy';
import type { UserRecord } from './types';
import { findByIdentity, findUser, recordLogin, updateFields } from './users';
import { loginTokenData, type LoginTokenData } from './v3-tokens';
import {
  applyWechatProfile,
  decryptWechat,
  exchangeLoginCode,
  phoneInfoOfCode,
  userForSession,
} from './wechat';

/** How a v3 password arrives: plaintext, or encrypted with a key of `GET /api/v3/system`. */
export type PasswordEncryptType = 'none' | 'rsa' | 'sm2';

/** The login options of v3 sign-ins that the mock honours. */
export interface SigninOptions {
  scope: string | null;
  clientIp: string | null;
  autoRegister?: boolean;
}

/** The plaintext of a v3 password: rsa under the `.well-known` / system key (else 2016); the mock holds no SM2 key (2510). */
export function plainPassword(password: string, type: PasswordEncryptType): string {
  if (type === 'rsa') return decryptPassword(password);
  if (type === 'sm2') throw fail(2510, { passwordEncryptType: 'sm2' }, '不支持 sm2 加密的密码');
  return password;
}

/** Counts a login and answers the token set: blocked users → 2005. */
export async function signInV3(
  ctx: Context,
  t: Tenant,
  user: UserRecord,
  opts: SigninOptions,
): Promise<LoginTokenData> {
  if (user.blocked) throw fail(2005);
  const data = await loginTokenData(ctx, t, user, opts.scope);
  recordLogin(ctx, user, opts.clientIp);
  return data;
}

/** The account a v3 password login names: `account` is an e-mail, phone, username or sub-account. */
function accountOf(t: Tenant, by: { field: string; value: string }): UserRecord | undefined {
  const pool = t.pool;
  if (by.field !== 'account')
    return findUser(pool, by.field as 'email' | 'phone' | 'username', by.value);
  return (
    findUser(pool, 'email', by.value) ??
    findUser(pool, 'phone', by.value) ??
    findUser(pool, 'username', by.value) ??
    findUser(pool, 'subAccount', by.value)
  );
}

/**
 * `signin` with `connection: PASSWORD`: an unknown account, an account without a password and a
 * wrong password are all 2333, as the real server answers them.
 */
export async function signInByPassword(
  ctx: Context,
  t: Tenant,
  by: { field: string; value: string },
  password: string,
  type: PasswordEncryptType,
  opts: SigninOptions,
): Promise<LoginTokenData> {
  const plain = plainPassword(password, type);
  const user = accountOf(t, by);
  if (!user || !verifyPassword(plain, user.passwordHash)) throw fail(2333);
  return signInV3(ctx, t, user, opts);
}

/**
 * `signin` with `connection: PASSCODE`: the code sent to the phone or e-mail (2001 wrong or used,
 * 2300 expired); an unknown account → 2004. The code is spent only when the login succeeds.
 */
export async function signInByPassCode(
  ctx: Context,
  t: Tenant,
  to: { channel: 'sms' | 'email'; value: string },
  passCode: string,
  opts: SigninOptions,
): Promise<LoginTokenData> {
  const message = findCode(ctx, t.pool, to.channel, to.value, passCode);
  const user = findUser(t.pool, to.channel === 'sms' ? 'phone' : 'email', to.value);
  if (!user) throw fail(2004);
  const data = await signInV3(ctx, t, user, opts);
  consume(message);
  return data;
}

/**
 * The user of a WeChat session with an authorised phone: an existing user (by openid, then
 * unionid) gets the phone only if it has none and nobody holds it; a new WeChat user becomes the
 * phone's account when there is one, else a new user with the phone.
 */
export function userForPhoneLogin(
  ctx: Context,
  t: Tenant,
  conn: WechatConnectionFixture,
  session: Code2SessionResult,
  phone: string,
): UserRecord {
  const pool = t.pool;
  const known =
    findByIdentity(pool, conn.id, session.openid) ?? findUser(pool, 'unionid', session.unionid);
  if (!known) return userForSession(ctx, t, conn, session, phone).user;
  const { user } = userForSession(ctx, t, conn, session, null);
  if (!user.phone && !findUser(pool, 'phone', phone))
    updateFields(pool, user, { phone, phoneVerified: true, phoneCountryCode: '+86' });
  return user;
}

/**
 * `wechat_mini_program_code`: the `wx.login` code → the user (created on first login); the
 * getUserProfile `iv` + `encryptedData`, when sent, decrypt under its session and set the profile.
 */
export async function signInByWechatCode(
  ctx: Context,
  t: Tenant,
  conn: WechatConnectionFixture,
  payload: { code: string; pair: { iv: string; encryptedData: string } | null },
  opts: SigninOptions,
): Promise<LoginTokenData> {
  const session = await exchangeLoginCode(ctx, conn, payload.code);
  const profile = payload.pair ? decryptWechat(conn, session, payload.pair) : null;
  const { user } = userForSession(ctx, t, conn, session, null);
  if (profile) applyWechatProfile(ctx, user, profile);
  return signInV3(ctx, t, user, opts);
}

/** `wechat_mini_program_code_and_phone`: the `wx.login` code plus the phone button's code. */
export async function signInByWechatCodeAndPhone(
  ctx: Context,
  t: Tenant,
  conn: WechatConnectionFixture,
  payload: { code: string; phoneCode: string },
  opts: SigninOptions,
): Promise<LoginTokenData> {
  // A phone code needs no session: exchanged first, so a bad one leaves the login code unspent.
  const { purePhoneNumber } = await phoneInfoOfCode(ctx, conn, payload.phoneCode);
  const session = await exchangeLoginCode(ctx, conn, payload.code);
  const user = userForPhoneLogin(ctx, t, conn, session, purePhoneNumber);
  return signInV3(ctx, t, user, opts);
}

/** `wechat_mini_program_phone`: the `wx.login` code plus the legacy encrypted phone number. */
export async function signInByWechatPhone(
  ctx: Context,
  t: Tenant,
  conn: WechatConnectionFixture,
  payload: { code: string; pair: { iv: string; encryptedData: string } },
  opts: SigninOptions,
): Promise<LoginTokenData> {
  const session = await exchangeLoginCode(ctx, conn, payload.code);
  const decrypted = decryptWechat(conn, session, payload.pair);
  const phone =
    typeof decrypted['purePhoneNumber'] === 'string' ? decrypted['purePhoneNumber'] : '';
  if (!phone)
    throw fail(2501, { errcode: -41003, errmsg: 'no purePhoneNumber in the decrypted data' });
  const user = userForPhoneLogin(ctx, t, conn, session, phone);
  return signInV3(ctx, t, user, opts);
}
