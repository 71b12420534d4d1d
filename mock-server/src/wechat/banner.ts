import type { Fixtures } from '@genauth-wxapp/fixtures';

/** The WeChat endpoints the mock serves, for the CLI banner and docs. */
export const WECHAT_ENDPOINTS = [
  'GET  /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code',
  'GET  /cgi-bin/token?grant_type=client_credential&appid&secret',
  'POST /cgi-bin/stable_token {grant_type, appid, secret, force_refresh?}',
  'POST /wxa/business/getuserphonenumber?access_token {code, openid?}',
  'GET  /wxa/checksession?access_token&openid&signature&sig_method=hmac_sha256',
  'GET  /wxa/resetusersessionkey?access_token&openid&signature&sig_method=hmac_sha256',
] as const;

/** Banner lines for the WeChat half: endpoints, apps with their secrets, and the demo users. */
export function wechatBanner(fixtures: Fixtures, baseUrl: string): string[] {
  const { apps, users } = fixtures.wechat;
  const lines = ['WeChat (point your api.weixin.qq.com base URL here):'];
  for (const e of WECHAT_ENDPOINTS) lines.push(`  ${e.slice(0, 5)}${baseUrl}${e.slice(5)}`);
  lines.push('', 'WeChat mini-programs (appid / secret):');
  for (const app of apps) {
    const binding = app.openPlatformId ? `open platform ${app.openPlatformId}` : 'no unionid';
    lines.push(`  ${app.appid}  ${app.secret}  ${app.name} (${binding})`);
  }
  const demo = users[0];
  const label = (role: string, u: (typeof users)[number]) =>
    `  ${role.padEnd(9)} app ${u.appid}  openid ${u.openid}` +
    (u.unionid ? `  unionid ${u.unionid}` : '');
  lines.push('', 'WeChat users (log one in with POST /__mock/v1/wechat/login {appid, openid}):');
  if (demo) {
    lines.push(`${label('demo', demo)}  session key ${demo.sessionKey ?? '(minted)'}`);
  }
  const blocked = users.find((u) => u.blocked);
  if (blocked) lines.push(`${label('blocked', blocked)}  (jscode2session → 40226)`);
  const noPhone = users.find((u) => u.phone === null && !u.blocked);
  if (noPhone) lines.push(`${label('no phone', noPhone)}`);
  const twin = users.find(
    (u, i) => u.unionid && users.some((o, j) => j < i && o.unionid === u.unionid),
  );
  if (twin) {
    for (const u of users.filter((o) => o.unionid === twin.unionid))
      lines.push(label('two apps', u));
  }
  return lines;
}
