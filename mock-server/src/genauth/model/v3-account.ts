/** GenAuth v3 account management of the signed-in user: password, e-mail, phone, deletion, WeChat binding. */
import type { WechatConnectionFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../../context';
import { fail } from '../errors';
import { consume, findCode } from './codes';
import { hashPassword, newSalt, passwordLevel, verifyPassword } from './passwords';
import type { PoolState, UserRecord } from './types';
import { deleteUser, findByIdentity, findUser, touch, updateFields } from './users';
import { issueVerifyToken, takeVerifyToken } from './v3-pending';
import { plainPassword, type PasswordEncryptType } from './v3-signin';
import { checkPasswordLength, requireEmail, requirePhone } from './validate';
import { exchangeLoginCode, identityOf } from './wechat';
import type { Tenant } from './tenancy';

const sameEmail = (a: string | null, b: string) => a?.toLowerCase() === b.toLowerCase();

/** `update-password`: 2029 too short, 2201 old password missing, 2203 wrong; only `newPassword` may be encrypted. */
export function updatePasswordV3(
  ctx: Context,
  user: UserRecord,
  a: { newPassword: string; oldPassword: string | null; type: PasswordEncryptType },
): void {
  const next = plainPassword(a.newPassword, a.type);
  checkPasswordLength(next);
  if (user.passwordHash !== null) {
    if (!a.oldPassword) throw fail(2201);
    if (!verifyPassword(a.oldPassword, user.passwordHash)) throw fail(2203);
  }
  user.passwordHash = hashPassword(next, newSalt(ctx.random));
  user.passwordLevel = passwordLevel(next);
  touch(ctx, user);
}

/** `bind-email`: the user has an e-mail or it is someone's → 2200; the code 2001/2300. */
export function bindEmailV3(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  email: string,
  passCode: string,
): void {
  requireEmail(email);
  if (user.email || findUser(pool, 'email', email)) throw fail(2200);
  consume(findCode(ctx, pool, 'email', email, passCode));
  updateFields(pool, user, { email, emailVerified: true });
  touch(ctx, user);
}

/** `bind-phone`: the user has a phone or it is someone's → 2035; the code 2001/2300. */
export function bindPhoneV3(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  a: { phone: string; passCode: string; countryCode: string | null },
): void {
  requirePhone(a.phone);
  if (user.phone || findUser(pool, 'phone', a.phone)) throw fail(2035);
  consume(findCode(ctx, pool, 'sms', a.phone, a.passCode));
  updateFields(pool, user, {
    phone: a.phone,
    phoneVerified: true,
    phoneCountryCode: a.countryCode ?? '+86',
  });
  touch(ctx, user);
}

/**
 * `verify-update-email-request` (EMAIL_PASSCODE): same e-mail 2229, taken 2200, old e-mail
 * mismatch 2037, codes 2001/2300 (spent here); answers the `updateEmailToken`.
 */
export function verifyUpdateEmail(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  a: { newEmail: string; newCode: string; oldEmail: string | null; oldCode: string | null },
): { updateEmailToken: string; tokenExpiresIn: number } {
  const email = requireEmail(a.newEmail);
  if (sameEmail(user.email, email)) throw fail(2229);
  const other = findUser(pool, 'email', email);
  if (other && other !== user) throw fail(2200);
  const codes = [findCode(ctx, pool, 'email', email, a.newCode)];
  if (a.oldEmail !== null) {
    if (!sameEmail(user.email, a.oldEmail)) throw fail(2037);
    codes.push(findCode(ctx, pool, 'email', user.email as string, a.oldCode));
  }
  consume(...codes);
  const { token, tokenExpiresIn } = issueVerifyToken(ctx, pool.pool.id, user.id, {
    kind: 'email',
    email,
  });
  return { updateEmailToken: token, tokenExpiresIn };
}

/** `update-email`: the token of {@link verifyUpdateEmail} (single use); taken meanwhile → 2200. */
export function updateEmailV3(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  token: string,
): void {
  const { email } = takeVerifyToken(ctx, pool.pool.id, user.id, 'email', token);
  const other = findUser(pool, 'email', email);
  if (other && other !== user) throw fail(2200);
  updateFields(pool, user, { email, emailVerified: true });
  touch(ctx, user);
}

/**
 * `verify-update-phone-request` (PHONE_PASSCODE): same phone 2230, taken 2035, old phone
 * mismatch 2038, codes 2001/2300 (spent here); answers the `updatePhoneToken`.
 */
export function verifyUpdatePhone(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  a: {
    newPhone: string;
    newCode: string;
    newCountryCode: string | null;
    oldPhone: string | null;
    oldCode: string | null;
  },
): { updatePhoneToken: string; tokenExpiresIn: number } {
  const phone = requirePhone(a.newPhone);
  if (user.phone === phone) throw fail(2230);
  const other = findUser(pool, 'phone', phone);
  if (other && other !== user) throw fail(2035);
  const codes = [findCode(ctx, pool, 'sms', phone, a.newCode)];
  if (a.oldPhone !== null) {
    if (a.oldPhone !== user.phone) throw fail(2038);
    codes.push(findCode(ctx, pool, 'sms', a.oldPhone, a.oldCode));
  }
  consume(...codes);
  const { token, tokenExpiresIn } = issueVerifyToken(ctx, pool.pool.id, user.id, {
    kind: 'phone',
    phone,
    countryCode: a.newCountryCode,
  });
  return { updatePhoneToken: token, tokenExpiresIn };
}

/** `update-phone`: the token of {@link verifyUpdatePhone} (single use); taken meanwhile → 2035. */
export function updatePhoneV3(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  token: string,
): void {
  const change = takeVerifyToken(ctx, pool.pool.id, user.id, 'phone', token);
  const other = findUser(pool, 'phone', change.phone);
  if (other && other !== user) throw fail(2035);
  updateFields(pool, user, {
    phone: change.phone,
    phoneVerified: true,
    phoneCountryCode: change.countryCode ?? user.phoneCountryCode ?? '+86',
  });
  touch(ctx, user);
}

/** How `verify-delete-account-request` proves the user: a code to its own phone or e-mail, or its password. */
export type DeleteProof =
  | { method: 'PHONE_PASSCODE'; phone: string; passCode: string }
  | { method: 'EMAIL_PASSCODE'; email: string; passCode: string }
  | { method: 'PASSWORD'; password: string; type: PasswordEncryptType };

/**
 * `verify-delete-account-request`: a phone or e-mail that is not the user's → 2038 / 2037, codes
 * 2001/2300, a wrong password 2333 (none set 2027); answers the `deleteAccountToken`.
 */
export function verifyDeleteAccount(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  proof: DeleteProof,
): { deleteAccountToken: string; tokenExpiresIn: number } {
  if (proof.method === 'PHONE_PASSCODE') {
    if (proof.phone !== user.phone) throw fail(2038);
    consume(findCode(ctx, pool, 'sms', proof.phone, proof.passCode));
  } else if (proof.method === 'EMAIL_PASSCODE') {
    if (!sameEmail(user.email, proof.email)) throw fail(2037);
    consume(findCode(ctx, pool, 'email', user.email as string, proof.passCode));
  } else {
    if (user.passwordHash === null) throw fail(2027);
    if (!verifyPassword(plainPassword(proof.password, proof.type), user.passwordHash))
      throw fail(2333);
  }
  const { token, tokenExpiresIn } = issueVerifyToken(ctx, pool.pool.id, user.id, {
    kind: 'delete',
  });
  return { deleteAccountToken: token, tokenExpiresIn };
}

/** `delete-account`: the token of {@link verifyDeleteAccount}; the user's tokens die with it. */
export function deleteAccountV3(
  ctx: Context,
  pool: PoolState,
  user: UserRecord,
  token: string,
): void {
  takeVerifyToken(ctx, pool.pool.id, user.id, 'delete', token);
  deleteUser(pool, user);
}

/**
 * `/connections/social/wechat-miniprogram/bind`: links the WeChat identity of `code` to the
 * signed-in user. An identity another user holds → 2026 (nothing changes).
 */
export async function bindWechat(
  ctx: Context,
  t: Tenant,
  user: UserRecord,
  conn: WechatConnectionFixture,
  code: string,
): Promise<UserRecord> {
  const session = await exchangeLoginCode(ctx, conn, code);
  const holder =
    findByIdentity(t.pool, conn.id, session.openid) ??
    (session.unionid ? findUser(t.pool, 'unionid', session.unionid) : undefined);
  if (holder && holder !== user)
    throw fail(2026, { openid: session.openid }, '该微信账号已绑定其他用户');
  if (holder === user) return user;
  updateFields(t.pool, user, {
    identities: [...user.identities, identityOf(conn, session)],
    openid: user.openid ?? session.openid,
    unionid: user.unionid ?? session.unionid ?? null,
  });
  touch(ctx, user);
  return user;
}
