import type { Context } from '../../context';
import { fail } from '../errors';
import { consume, findCode } from './codes';
import { decryptPassword, hashPassword, newSalt, passwordLevel, verifyPassword } from './passwords';
import { assertSelf, type Caller } from './session';
import type { PoolState } from './types';
import { editableProfile } from './defaults';
import { profileValue, SETTABLE_PROFILE_FIELDS } from './profile-fields';
import { findUser, loginMethods, touch, updateFields, userView } from './users';
import { checkPasswordLength, requireEmail, requirePhone } from './validate';

/** `updateUser` input keys the mock refuses, with the code each gets. */
const FORBIDDEN: Record<string, 2225 | 2226 | 2018 | 2019> = {
  email: 2225,
  phone: 2226,
  unionid: 2018,
  openid: 2018,
  password: 2019,
  emailVerified: 2018,
  phoneVerified: 2018,
  blocked: 2018,
  loginsCount: 2018,
  lastLogin: 2018,
  lastIP: 2018,
  tokenExpiredAt: 2018,
};

const view = (pool: PoolState, caller: Caller) => userView(pool, caller.user, caller.token);

/**
 * `updateUser`: only the caller (else 2018); e-mail 2225, phone 2226, unionid/openid and admin
 * fields 2018, password 2019, a taken username 2026. Nothing changes unless every key passes.
 */
export function updateUser(
  ctx: Context,
  pool: PoolState,
  caller: Caller,
  id: unknown,
  input: Record<string, unknown>,
) {
  assertSelf(caller, id);
  for (const [key, value] of Object.entries(input)) {
    const code = FORBIDDEN[key];
    if (code !== undefined && value !== undefined && value !== null) {
      throw fail(code, { field: key }, code === 2018 ? `不能直接修改 ${key}` : undefined);
    }
  }
  const user = caller.user;
  if (typeof input['username'] === 'string') {
    const other = findUser(pool, 'username', input['username']);
    if (other && other !== user) throw fail(2026);
  }
  const profile = SETTABLE_PROFILE_FIELDS.filter((f) => f in input).map(
    (f) => [f, profileValue(f, input[f]) ?? null] as const,
  );
  for (const [f, value] of profile) editableProfile(user)[f] = value;
  if ('username' in input)
    updateFields(pool, user, { username: (input['username'] as string | null) ?? null });
  if (typeof input['nickname'] === 'string' || input['nickname'] === null)
    user.nickname = input['nickname'] as string | null;
  if (typeof input['photo'] === 'string') user.photo = input['photo'];
  if ('oauth' in input) user.oauth = (input['oauth'] as string | null) ?? null;
  if ('externalId' in input)
    updateFields(pool, user, { externalId: (input['externalId'] as string | null) ?? null });
  touch(ctx, user);
  return view(pool, caller);
}

/** `updatePassword`: 2016 bad ciphertext, 2201 old password missing, 2203 old password wrong. */
export function updatePassword(
  ctx: Context,
  pool: PoolState,
  caller: Caller,
  newPassword: string,
  oldPassword?: string | null,
) {
  const next = decryptPassword(newPassword);
  checkPasswordLength(next);
  const user = caller.user;
  if (user.passwordHash !== null) {
    if (!oldPassword) throw fail(2201);
    if (!verifyPassword(decryptPassword(oldPassword), user.passwordHash)) throw fail(2203);
  }
  user.passwordHash = hashPassword(next, newSalt(ctx.random));
  user.passwordLevel = passwordLevel(next);
  touch(ctx, user);
  return view(pool, caller);
}

/** `updatePhone`: new phone taken 2035, same 2230, old phone mismatch 2038, codes 2001/2300. */
export function updatePhone(
  ctx: Context,
  pool: PoolState,
  caller: Caller,
  a: { phone: string; phoneCode: string; oldPhone?: string | null; oldPhoneCode?: string | null },
) {
  const phone = requirePhone(a.phone);
  const user = caller.user;
  if (user.phone === phone) throw fail(2230);
  const other = findUser(pool, 'phone', phone);
  if (other && other !== user) throw fail(2035);
  const codes = [findCode(ctx, pool, 'sms', phone, a.phoneCode)];
  if (a.oldPhone) {
    if (a.oldPhone !== user.phone) throw fail(2038);
    codes.push(findCode(ctx, pool, 'sms', a.oldPhone, a.oldPhoneCode));
  }
  consume(...codes);
  updateFields(pool, user, {
    phone,
    phoneVerified: true,
    phoneCountryCode: user.phoneCountryCode ?? '+86',
  });
  touch(ctx, user);
  return view(pool, caller);
}

/** `updateEmail`: new e-mail taken 2200, same 2229, old e-mail mismatch 2037, codes 2001/2300. */
export function updateEmail(
  ctx: Context,
  pool: PoolState,
  caller: Caller,
  a: { email: string; emailCode: string; oldEmail?: string | null; oldEmailCode?: string | null },
) {
  const email = requireEmail(a.email);
  const user = caller.user;
  if (user.email?.toLowerCase() === email.toLowerCase()) throw fail(2229);
  const other = findUser(pool, 'email', email);
  if (other && other !== user) throw fail(2200);
  const codes = [findCode(ctx, pool, 'email', email, a.emailCode)];
  if (a.oldEmail) {
    if (a.oldEmail.toLowerCase() !== user.email?.toLowerCase()) throw fail(2037);
    codes.push(findCode(ctx, pool, 'email', a.oldEmail, a.oldEmailCode));
  }
  consume(...codes);
  updateFields(pool, user, { email, emailVerified: true });
  touch(ctx, user);
  return view(pool, caller);
}

/** `bindPhone`: the caller already has a phone, or the phone is someone's → 2035. */
export function bindPhone(
  ctx: Context,
  pool: PoolState,
  caller: Caller,
  phone: string,
  phoneCode: string,
) {
  requirePhone(phone);
  if (caller.user.phone || findUser(pool, 'phone', phone)) throw fail(2035);
  consume(findCode(ctx, pool, 'sms', phone, phoneCode));
  updateFields(pool, caller.user, { phone, phoneVerified: true, phoneCountryCode: '+86' });
  touch(ctx, caller.user);
  return view(pool, caller);
}

/** `bindEmail`: the caller already has an e-mail, or the e-mail is someone's → 2200. */
export function bindEmail(
  ctx: Context,
  pool: PoolState,
  caller: Caller,
  email: string,
  emailCode: string,
) {
  requireEmail(email);
  if (caller.user.email || findUser(pool, 'email', email)) throw fail(2200);
  consume(findCode(ctx, pool, 'email', email, emailCode));
  updateFields(pool, caller.user, { email, emailVerified: true });
  touch(ctx, caller.user);
  return view(pool, caller);
}

/** `unbindPhone`: no phone → 2218, the last way to sign in → 2217. */
export function unbindPhone(ctx: Context, pool: PoolState, caller: Caller) {
  const user = caller.user;
  if (!user.phone) throw fail(2218);
  if (loginMethods(user) <= 1) throw fail(2217);
  updateFields(pool, user, { phone: null, phoneVerified: false, phoneCountryCode: null });
  touch(ctx, user);
  return view(pool, caller);
}

/** `unbindEmail`: no e-mail → 2219, the last way to sign in → 2217. */
export function unbindEmail(ctx: Context, pool: PoolState, caller: Caller) {
  const user = caller.user;
  if (!user.email) throw fail(2219);
  if (loginMethods(user) <= 1) throw fail(2217);
  updateFields(pool, user, { email: null, emailVerified: false });
  touch(ctx, user);
  return view(pool, caller);
}

/** `resetPassword` by phone or e-mail code: 2231 neither given, 2016, 2004 unknown, 2001/2300 code. */
export function resetPassword(
  ctx: Context,
  pool: PoolState,
  a: { phone?: string | null; email?: string | null; code: string; newPassword: string },
) {
  if (!a.phone && !a.email) throw fail(2231, { field: 'phone|email' });
  const next = decryptPassword(a.newPassword);
  checkPasswordLength(next);
  const user = a.phone ? findUser(pool, 'phone', a.phone) : findUser(pool, 'email', a.email);
  if (!user) throw fail(2004);
  const message = a.phone
    ? findCode(ctx, pool, 'sms', a.phone, a.code)
    : findCode(ctx, pool, 'email', a.email as string, a.code);
  consume(message);
  user.passwordHash = hashPassword(next, newSalt(ctx.random));
  user.passwordLevel = passwordLevel(next);
  touch(ctx, user);
  return { code: 200, message: '重置密码成功！' };
}

/** `checkPasswordStrength` (plaintext): at least 6 characters. */
export function checkPasswordStrength(password: string) {
  const valid = password.length >= 6;
  return { valid, message: valid ? '密码验证成功' : '密码长度不能少于 6 位' };
}
