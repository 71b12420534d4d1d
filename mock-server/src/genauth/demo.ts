import { DEMO_APPID, DEMO_OPENID, type Fixtures } from '@genauth-wxapp/fixtures';

import type { MockDemo, MockDemoWechatUser } from '../control/types';

/** The demo WeChat user: the fixtures' pinned one, else the first user of the first app. */
function demoWechatUser(fixtures: Fixtures): MockDemoWechatUser | null {
  const { apps, users } = fixtures.wechat;
  const user =
    users.find((u) => u.appid === DEMO_APPID && u.openid === DEMO_OPENID) ??
    users.find((u) => u.appid === apps[0]?.appid);
  if (!user) return null;
  return {
    appid: user.appid,
    openid: user.openid,
    unionid: user.unionid ?? null,
    sessionKey: user.sessionKey ?? null,
  };
}

/**
 * The `demo` section of `GET /__mock/v1/state` and of the CLI banner: the default pool, its apps
 * and the demo accounts with their plaintext demo passwords (the store keeps only hashes).
 */
export function demoSection(fixtures: Fixtures): MockDemo | undefined {
  const g = fixtures.genauth;
  const pool = g.pools[0];
  if (!pool) return undefined;
  const inPool = <T extends { poolId: string }>(list: T[]) =>
    list.filter((x) => x.poolId === pool.id);
  return {
    userPoolId: pool.id,
    userPoolName: pool.name,
    apps: inPool(g.apps).map((a) => ({
      appId: a.id,
      name: a.name,
      tokenAlgorithm: a.tokenAlgorithm,
      wechatAppid: a.connection?.appid ?? null,
      extIdpConnidentifier: a.connection?.identifier ?? null,
    })),
    accounts: inPool(g.accounts).map((a) => ({
      id: a.id,
      email: a.email,
      username: a.username,
      phone: a.phone,
      subAccount: a.subAccount,
      password: a.password,
    })),
    directory: inPool(g.directory).map((d) => ({
      kind: d.kind,
      username: d.username,
      password: d.password,
    })),
    fixedCodes: g.fixedCodes,
    otherUserPoolId: g.pools[1]?.id ?? null,
    wechat: demoWechatUser(fixtures),
  };
}

/** Banner lines the CLI prints for the GenAuth side. */
export function demoBanner(fixtures: Fixtures, baseUrl: string): string[] {
  const demo = demoSection(fixtures);
  if (!demo) return [];
  const app = demo.apps[0];
  const lines = [
    `GenAuth   host ${baseUrl}  userPoolId ${demo.userPoolId}${app ? `  appId ${app.appId} (${app.name}, WeChat ${app.wechatAppid ?? '-'})` : ''}`,
  ];
  if (app?.extIdpConnidentifier)
    lines.push(`  v3       extIdpConnidentifier ${app.extIdpConnidentifier} (${baseUrl}/api/v3)`);
  for (const a of demo.accounts) {
    const login = [a.email, a.username, a.phone, a.subAccount].filter(Boolean).join(' / ');
    lines.push(`  account  ${login}  password ${a.password ?? '-'}`);
  }
  for (const d of demo.directory)
    lines.push(`  ${d.kind.padEnd(8)} ${d.username}  password ${d.password}`);
  for (const c of demo.fixedCodes) lines.push(`  code     ${c.to} → ${c.code}`);
  lines.push(`  codes    GET ${baseUrl}/__mock/v1/messages?to=<phone|email>`);
  return lines;
}
