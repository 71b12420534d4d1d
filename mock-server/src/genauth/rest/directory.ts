import type { Router } from 'express';

import type { Context } from '../../context';
import { fail } from '../errors';
import { signIn } from '../model/session';
import { createUser, findUser } from '../model/users';
import { requireString } from '../model/validate';
import { clientIp } from '../request';
import { bodyOf, jsonBody, ok, rest } from './envelope';

/**
 * `POST /api/v2/ldap/verify-user` and `/api/v2/ad/verify-user`: plaintext credentials checked
 * against the pool's fixture directory; unknown account → 2004, wrong password → 2333. The
 * first login creates the GenAuth user (found by e-mail afterwards).
 */
export function directoryRoutes(router: Router, ctx: Context): void {
  for (const kind of ['ldap', 'ad'] as const) {
    router.post(
      `/api/v2/${kind}/verify-user`,
      jsonBody(ctx),
      rest(ctx, async (req, res, tenant) => {
        const body = bodyOf(req);
        const username = requireString(body['username'], 'username');
        const password = requireString(body['password'], 'password');
        const t = tenant();
        const entry = t.pool.directory.find((d) => d.kind === kind && d.username === username);
        if (!entry) throw fail(2004);
        if (entry.password !== password) throw fail(2333);
        const provider = kind === 'ldap' ? 'ldap' : 'ad';
        const user =
          findUser(t.pool, 'email', entry.email) ??
          createUser(ctx, t.pool, {
            email: entry.email,
            emailVerified: true,
            nickname: entry.name,
            profile: { name: entry.name },
            registerSource: [provider],
            identities: [
              {
                provider,
                connectionId: null,
                extIdpId: null,
                openid: null,
                userIdInIdp: entry.username,
                isSocial: false,
                type: provider,
              },
            ],
          });
        ok(res, await signIn(ctx, t, user, clientIp(req)));
      }),
    );
  }
}
