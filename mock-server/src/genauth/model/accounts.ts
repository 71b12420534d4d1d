import type { Context } from '../../context';
import { fail } from '../errors';
import { consume, findCode } from './codes';
import { decryptPassword, hashPassword, newSalt, passwordLevel, verifyPassword } from './passwords';
import { signIn } from './session';
import type { Tenant } from './tenancy';
import type { UserRecord } from './types';
import { decodeUdv, parseParams } from './udv';
import { SETTABLE_PROFILE_FIELDS } from './profile-fields';
import { createUser, findUser, userView } from './users';
import { checkPasswordLength, requireEmail, requirePhone, requireString } from './validate';

/** Common options of register inputs. */
export interface RegisterOptions {
  profile?: Record<string, unknown> | null;
  forceLogin?: boolean | null;
  generateToken?: boolean | null;
  clientIp?: string | null;
  params?: string | null;
}

type Identifier = { email: string } | { username: string } | { phone: string };

function passwordFields(ctx: Context, password: string) {
  checkPasswordLength(password);
  return {
    passwordHash: hashPassword(password, newSalt(ctx.random)),
    passwordLevel: passwordLevel(password),
  };
}

function profileFields(profile: Record<string, unknown> | null | undefined) {
  const out: Partial<UserRecord> = {};
  if (!profile) return out;
  const fields: Record<string, string | null> = {};
  for (const f of SETTABLE_PROFILE_FIELDS)
    if (typeof profile[f] === 'string') fields[f] = profile[f];
  if (Object.keys(fields).length > 0) out.profile = fields;
  if (typeof profile['nickname'] === 'string') out.nickname = profile['nickname'];
  if (typeof profile['photo'] === 'string') out.photo = profile['photo'];
  return out;
}

/**
 * Registers a user (duplicate → 2026). Every input is checked before anything is stored; the
 * User carries a token only with `forceLogin` or `generateToken`, as on the real server.
 */
async function register(
  ctx: Context,
  tenant: Tenant,
  id: Identifier,
  password: string | null,
  source: string,
  opts: RegisterOptions,
  verify?: () => void,
) {
  const pool = tenant.pool;
  if ('email' in id && findUser(pool, 'email', id.email)) throw fail(2026);
  if ('username' in id && findUser(pool, 'username', id.username)) throw fail(2026);
  if ('phone' in id && findUser(pool, 'phone', id.phone)) throw fail(2026);
  const pw = password === null ? {} : passwordFields(ctx, password);
  const udv = parseParams(opts.params).map((p) => decodeUdv(pool, p.key, p.value));
  verify?.();
  const user = createUser(ctx, pool, {
    ...profileFields(opts.profile),
    ...pw,
    ...id,
    ...('phone' in id ? { phoneVerified: true, phoneCountryCode: '+86' } : {}),
    registerSource: [source],
    ...(udv.length > 0 ? { udv: new Map(udv) } : {}),
  });
  if (opts.forceLogin || opts.generateToken)
    return signIn(ctx, tenant, user, opts.clientIp ?? null, true);
  return userView(pool, user, null, true);
}

/** `registerByEmail`: malformed e-mail 2003, bad ciphertext 2016, duplicate 2026. */
export function registerByEmail(
  ctx: Context,
  t: Tenant,
  input: { email: string; password: string } & RegisterOptions,
) {
  const email = requireEmail(input.email);
  return register(ctx, t, { email }, decryptPassword(input.password), 'basic:email', input);
}

/** `registerByUsername`: bad ciphertext 2016, duplicate 2026. */
export function registerByUsername(
  ctx: Context,
  t: Tenant,
  input: { username: string; password: string } & RegisterOptions,
) {
  const username = requireString(input.username, 'username');
  return register(
    ctx,
    t,
    { username },
    decryptPassword(input.password),
    'basic:username-password',
    input,
  );
}

/** `registerByPhoneCode`: the SMS code is spent only when everything else passed. */
export function registerByPhoneCode(
  ctx: Context,
  t: Tenant,
  input: { phone: string; code: string; password?: string | null } & RegisterOptions,
) {
  const phone = requirePhone(input.phone);
  const password = input.password ? decryptPassword(input.password) : null;
  return register(ctx, t, { phone }, password, 'basic:phone-code', input, () => {
    consume(findCode(ctx, t.pool, 'sms', phone, input.code));
  });
}

/** Options of the password logins. */
export interface LoginOptions {
  autoRegister?: boolean | null;
  clientIp?: string | null;
  params?: string | null;
}

/**
 * Password login by one identifier: bad ciphertext → 2016, unknown account → 2004 (or a new
 * account with `autoRegister`), no password set → 2027, wrong password → 2333.
 */
async function loginWithPassword(
  ctx: Context,
  t: Tenant,
  field: 'email' | 'username' | 'phone' | 'subAccount',
  value: string,
  encrypted: string,
  opts: LoginOptions,
) {
  const password = decryptPassword(encrypted);
  const user = findUser(t.pool, field, value);
  if (!user) {
    if (opts.autoRegister && field !== 'subAccount') {
      const source =
        field === 'email'
          ? 'basic:email'
          : field === 'phone'
            ? 'basic:phone-password'
            : 'basic:username-password';
      return register(ctx, t, { [field]: value } as Identifier, password, source, {
        ...opts,
        forceLogin: true,
      });
    }
    throw fail(2004);
  }
  if (user.passwordHash === null) throw fail(2027);
  if (!verifyPassword(password, user.passwordHash)) throw fail(2333);
  return signIn(ctx, t, user, opts.clientIp ?? null);
}

/** `loginByEmail` (password RSA-encrypted). */
export const loginByEmail = (
  ctx: Context,
  t: Tenant,
  i: { email: string; password: string } & LoginOptions,
) => loginWithPassword(ctx, t, 'email', requireEmail(i.email), i.password, i);

/** `loginByUsername` (password RSA-encrypted). */
export const loginByUsername = (
  ctx: Context,
  t: Tenant,
  i: { username: string; password: string } & LoginOptions,
) => loginWithPassword(ctx, t, 'username', requireString(i.username, 'username'), i.password, i);

/** `loginByPhonePassword` (password RSA-encrypted). */
export const loginByPhonePassword = (
  ctx: Context,
  t: Tenant,
  i: { phone: string; password: string } & LoginOptions,
) => loginWithPassword(ctx, t, 'phone', requirePhone(i.phone), i.password, i);

/** `loginBySubAccount`: the account name is the fixture `subAccount`. */
export const loginBySubAccount = (
  ctx: Context,
  t: Tenant,
  a: { account: string; password: string; clientIp?: string | null },
) =>
  loginWithPassword(ctx, t, 'subAccount', requireString(a.account, 'account'), a.password, {
    clientIp: a.clientIp ?? null,
  });

/** SMS-code login: wrong or used code → 2001, expired → 2300, unknown phone → 2004 (or created with autoRegister). */
export async function loginByPhoneCode(
  ctx: Context,
  t: Tenant,
  i: { phone: string; code: string } & LoginOptions,
) {
  const phone = requirePhone(i.phone);
  const message = findCode(ctx, t.pool, 'sms', phone, i.code);
  const user = findUser(t.pool, 'phone', phone);
  if (!user) {
    if (!i.autoRegister) throw fail(2004);
    return register(ctx, t, { phone }, null, 'basic:phone-code', { ...i, forceLogin: true }, () =>
      consume(message),
    );
  }
  if (user.blocked) throw fail(2005);
  consume(message);
  return signIn(ctx, t, user, i.clientIp ?? null);
}
