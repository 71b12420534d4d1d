import * as accounts from '../../model/accounts';
import * as profile from '../../model/profile';
import { sendCode } from '../../model/codes';
import { requireCaller, assertSelf } from '../../model/session';
import { findTenant } from '../../model/tenancy';
import { checkToken, issueToken, userArn } from '../../model/tokens';
import { findUser } from '../../model/users';
import { requireEmail } from '../../model/validate';
import { tenantClaims } from '../../request';
import type { GraphqlContext, Resolver } from '../context';

/**
 * The arguments (or the `input` argument) as the model expects them, with the client IP. The
 * schema has already checked their shape and types, so this is a typed view, not a cast of
 * unchecked data.
 */
const typed = <T>(value: unknown, g: GraphqlContext): T =>
  ({ clientIp: g.ip, ...(value as object) }) as T;

const STATUS_MESSAGES = { 2020: '未登录', 2206: '登录信息已过期', 2207: '登录信息有误' } as const;

/** Register, login, codes, password reset, login status and token refresh. */
export const accountResolvers: Record<string, Resolver> = {
  registerByEmail: ({ input }, g) => accounts.registerByEmail(g.ctx, g.tenant(), typed(input, g)),
  registerByUsername: ({ input }, g) =>
    accounts.registerByUsername(g.ctx, g.tenant(), typed(input, g)),
  registerByPhoneCode: ({ input }, g) =>
    accounts.registerByPhoneCode(g.ctx, g.tenant(), typed(input, g)),
  loginByEmail: ({ input }, g) => accounts.loginByEmail(g.ctx, g.tenant(), typed(input, g)),
  loginByUsername: ({ input }, g) => accounts.loginByUsername(g.ctx, g.tenant(), typed(input, g)),
  loginByPhoneCode: ({ input }, g) => accounts.loginByPhoneCode(g.ctx, g.tenant(), typed(input, g)),
  loginByPhonePassword: ({ input }, g) =>
    accounts.loginByPhonePassword(g.ctx, g.tenant(), typed(input, g)),
  loginBySubAccount: (args, g) => accounts.loginBySubAccount(g.ctx, g.tenant(), typed(args, g)),

  sendEmail: ({ email, scene }, g) => {
    const to = requireEmail(email);
    sendCode(g.ctx, g.tenant().pool, 'email', to, String(scene));
    return { code: 200, message: '发送成功' };
  },
  resetPassword: (args, g) => profile.resetPassword(g.ctx, g.tenant().pool, typed(args, g)),
  checkPasswordStrength: ({ password }) => profile.checkPasswordStrength(String(password)),
  isUserExists: ({ email, phone, username }, g) => {
    const pool = g.tenant().pool;
    return Boolean(
      findUser(pool, 'email', email as string) ??
      findUser(pool, 'phone', phone as string) ??
      findUser(pool, 'username', username as string),
    );
  },

  /** Never an error: a missing, bad or expired token is reported as data with `status: false`. */
  checkLoginStatus: async ({ token }, g) => {
    const explicit = typeof token === 'string' && token !== '' ? token : null;
    const tenant = explicit
      ? findTenant(g.ctx, { ...tenantClaims(g.headers), bearer: explicit })
      : g.tenant();
    const check = await checkToken(g.ctx, tenant.pool, explicit ?? tenant.bearer);
    if (!check.ok) {
      return {
        code: check.code,
        message: STATUS_MESSAGES[check.code],
        status: false,
        exp: null,
        iat: null,
        data: null,
      };
    }
    const poolId = tenant.pool.pool.id;
    return {
      code: 200,
      message: '已登录',
      status: true,
      exp: check.exp,
      iat: check.iat,
      data: { id: check.userId, userPoolId: poolId, arn: userArn(poolId, check.userId) },
    };
  },

  refreshToken: async ({ id }, g) => {
    const tenant = g.tenant();
    const caller = await requireCaller(g.ctx, tenant);
    assertSelf(caller, id);
    return issueToken(g.ctx, tenant.pool, tenant.app, caller.user);
  },
};
