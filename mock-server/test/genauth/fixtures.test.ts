import { createFixtures, DEMO_APPID } from '@genauth-wxapp/fixtures';
import { demoBanner } from '../../src/genauth/demo';

describe('GenAuth fixtures', () => {
  it('are deterministic per seed and differ across seeds', () => {
    expect(createFixtures('a').genauth).toEqual(createFixtures('a').genauth);
    expect(createFixtures('a').genauth.pools[0]!.id).not.toBe(
      createFixtures('b').genauth.pools[0]!.id,
    );
  });

  it('wire the default app to the WeChat demo app with its real secret', () => {
    const f = createFixtures();
    const demo = f.wechat.apps.find((a) => a.appid === DEMO_APPID)!;
    expect(f.genauth.apps[0]!.connection).toMatchObject({ appid: DEMO_APPID, secret: demo.secret });
    expect(f.genauth.apps[0]!.poolId).toBe(f.genauth.pools[0]!.id);
  });

  it('give every account of the default pool a distinct login and a demo password', () => {
    const f = createFixtures();
    const main = f.genauth.accounts.filter((a) => a.poolId === f.genauth.pools[0]!.id);
    const logins = main.flatMap((a) => [a.email, a.username, a.phone].filter(Boolean));
    expect(new Set(logins).size).toBe(logins.length);
    for (const a of main) expect(a.password).toMatch(/^Demo-\w{6}-9$/);
  });
});

describe('demo banner', () => {
  it('prints the pool, the app, every demo account with its password, directory accounts and the outbox', () => {
    const f = createFixtures();
    const text = demoBanner(f, 'http://127.0.0.1:3000').join('\n');
    const g = f.genauth;
    expect(text).toContain(`userPoolId ${g.pools[0]!.id}`);
    expect(text).toContain(`appId ${g.apps[0]!.id}`);
    for (const a of g.accounts.filter((x) => x.poolId === g.pools[0]!.id))
      expect(text).toContain(a.password!);
    for (const d of g.directory) expect(text).toContain(`${d.username}  password ${d.password}`);
    expect(text).toContain('GET http://127.0.0.1:3000/__mock/v1/messages?to=<phone|email>');
  });
});
