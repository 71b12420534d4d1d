import type { Router } from 'express';

import type { Context } from '../../context';
import { fail } from '../errors';
import { requireCaller } from '../model/session';
import { deleteUser, touch, updateFields } from '../model/users';
import { requireString } from '../model/validate';
import { bodyOf, jsonBody, ok, rest } from './envelope';

/** Positive integer query parameter with a default; anything else → 2510. */
function intParam(value: unknown, fallback: number, field: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw fail(2510, { field });
  return n;
}

/** Routes of the signed-in user: logout, orgs, security level, applications, link / unlink. */
export function meRoutes(router: Router, ctx: Context): void {
  router.get(
    '/api/v2/logout',
    rest(ctx, async (_req, res, tenant) => {
      const caller = await requireCaller(ctx, tenant());
      ctx.store.genauth.revoked.add(caller.token.token);
      ok(res, undefined, '退出登录成功');
    }),
  );

  router.get(
    '/api/v2/users/me/orgs',
    rest(ctx, async (_req, res, tenant) => {
      const t = tenant();
      const { user } = await requireCaller(ctx, t);
      const orgs = t.pool.orgs.filter((o) => o.members.includes(user.id));
      ok(
        res,
        orgs.map((o) => [
          { id: o.id, orgId: o.id, name: o.name, code: o.code, userPoolId: t.pool.pool.id },
        ]),
      );
    }),
  );

  router.get(
    '/api/v2/users/me/security-level',
    rest(ctx, async (_req, res, tenant) => {
      const { user } = await requireCaller(ctx, tenant());
      const email = user.email !== null;
      const phone = user.phone !== null;
      const password = user.passwordHash !== null;
      const score = 40 + (email ? 20 : 0) + (phone ? 20 : 0) + (password ? 20 : 0);
      ok(res, {
        score,
        email,
        phone,
        password,
        passwordSecurityLevel: user.passwordLevel,
        mfa: false,
      });
    }),
  );

  router.get(
    '/api/v2/users/me/applications/allowed',
    rest(ctx, async (req, res, tenant) => {
      const t = tenant();
      await requireCaller(ctx, t);
      const q = req.query as Record<string, unknown>;
      const page = intParam(q['page'], 1, 'page');
      const limit = intParam(q['limit'], 10, 'limit');
      const apps = [...t.pool.apps.values()].map((a) => ({
        id: a.id,
        name: a.name,
        userPoolId: a.poolId,
        description: null,
        logo: null,
        identifier: a.id,
        protocol: 'oidc',
      }));
      ok(res, { totalCount: apps.length, list: apps.slice((page - 1) * limit, page * limit) });
    }),
  );

  router.post(
    '/api/v2/users/link',
    jsonBody(ctx),
    rest(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const t = tenant();
      const primaryToken = requireString(body['primaryUserToken'], 'primaryUserToken');
      const secondaryToken = requireString(body['secondaryUserToken'], 'secondaryUserToken');
      const primary = await requireCaller(ctx, t, primaryToken);
      const secondary = await requireCaller(ctx, t, secondaryToken);
      if (primary.user === secondary.user) throw fail(2231, { field: 'secondaryUserToken' });
      if (secondary.user.identities.length === 0)
        throw fail(2231, { field: 'secondaryUserToken' }, '副账号没有可关联的身份源');
      deleteUser(t.pool, secondary.user);
      updateFields(t.pool, primary.user, {
        identities: [...primary.user.identities, ...secondary.user.identities],
        unionid: primary.user.unionid ?? secondary.user.unionid,
        openid: primary.user.openid ?? secondary.user.openid,
      });
      ctx.store.genauth.revoked.add(secondaryToken);
      touch(ctx, primary.user);
      ok(res, undefined, '绑定成功');
    }),
  );

  router.post(
    '/api/v2/users/unlink',
    jsonBody(ctx),
    rest(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const primaryToken = requireString(body['primaryUserToken'], 'primaryUserToken');
      const provider = requireString(body['provider'], 'provider');
      const t = tenant();
      const { user } = await requireCaller(ctx, t, primaryToken);
      const before = user.identities.length;
      const kept = user.identities.filter((i) => i.provider !== provider);
      if (kept.length === before) throw fail(2004, { provider }, '用户未绑定此身份源');
      if (kept.length === 0 && !user.email && !user.phone && !(user.username && user.passwordHash))
        throw fail(2217);
      updateFields(t.pool, user, { identities: kept });
      touch(ctx, user);
      ok(res, undefined, '解绑成功');
    }),
  );
}
