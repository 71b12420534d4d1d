import { createFixtures, DEMO_APPID } from '@genauth-wxapp/fixtures';

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
