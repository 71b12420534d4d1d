import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY, DEMO_UNIONID } from '@genauth-wxapp/fixtures';

import { expectWechatError, wechatHarness } from './helpers';

describe('GET /sns/jscode2session', () => {
  const h = wechatHarness();
  const { mock } = h;
  const fx = () => mock.store.fixtures.wechat;

  it('answers {session_key, openid, unionid} once per code, then 40163', async () => {
    const { code } = await h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const ok = await h.exchange(code).expect(200);
    expect(ok.body).toEqual({
      session_key: DEMO_SESSION_KEY,
      openid: DEMO_OPENID,
      unionid: DEMO_UNIONID,
    });
    expect(ok.headers['content-type']).toMatch(/application\/json/);
    expectWechatError(await h.exchange(code), 40163, mock);
  });

  it('omits unionid for an app without open-platform binding', async () => {
    const unbound = fx().apps.find((a) => a.openPlatformId === null)!;
    const { code, openid } = await h.login(unbound.appid);
    const res = await h.exchange(code, unbound.appid).expect(200);
    expect(Object.keys(res.body as object).sort()).toEqual(['openid', 'session_key']);
    expect((res.body as { openid: string }).openid).toBe(openid);
  });

  it('gives one person the same unionid in both bound apps', async () => {
    const [, sibling] = fx().apps;
    const shared = fx().users.find(
      (u) =>
        u.appid === sibling!.appid && fx().users.some((o) => o !== u && o.unionid === u.unionid),
    )!;
    const twin = fx().users.find((u) => u.unionid === shared.unionid && u !== shared)!;
    const a = await h.exchange(
      (await h.login(shared.appid, { openid: shared.openid })).code,
      shared.appid,
    );
    const b = await h.exchange(
      (await h.login(twin.appid, { openid: twin.openid })).code,
      twin.appid,
    );
    expect(a.body.unionid).toBe(shared.unionid);
    expect(b.body.unionid).toBe(shared.unionid);
    expect(a.body.openid).not.toBe(b.body.openid);
  });

  it('checks parameters in order: 41002, 41004, 41008, 40013, 40125', async () => {
    const secret = h.secretOf(DEMO_APPID);
    const get = (q: Record<string, string>) => h.http().get('/sns/jscode2session').query(q);
    expectWechatError(await get({ secret, js_code: 'x' }), 41002, mock);
    expectWechatError(await get({ appid: DEMO_APPID, js_code: 'x' }), 41004, mock);
    expectWechatError(await get({ appid: DEMO_APPID, secret }), 41008, mock);
    expectWechatError(await get({ appid: 'wx0000000000000000', secret, js_code: 'x' }), 40013);
    expectWechatError(
      await get({ appid: DEMO_APPID, secret: 'f'.repeat(32), js_code: 'x' }),
      40125,
    );
  });

  it("answers 40029 for an unknown code, another app's code and an expired code", async () => {
    expectWechatError(await h.exchange('0716AVll20uHk94SLDml27etM946AVlq'), 40029, mock);
    const sibling = fx().apps[1]!.appid;
    const { code } = await h.login(DEMO_APPID);
    expectWechatError(await h.exchange(code, sibling), 40029, mock);
    mock.clock.advance(5 * 60_000 - 1);
    await h.exchange(code).expect(200);
    const late = await h.login(DEMO_APPID);
    mock.clock.advance(5 * 60_000);
    expectWechatError(await h.exchange(late.code), 40029, mock);
  });

  it('answers 40226 for a blocked user', async () => {
    const blocked = fx().users.find((u) => u.blocked)!;
    const { code } = await h.login(blocked.appid, { openid: blocked.openid });
    expectWechatError(await h.exchange(code, blocked.appid), 40226, mock);
  });

  it('answers 45011 after 100 calls per user in a minute, and works again the next minute', async () => {
    const { codes, openid } = await h.login(DEMO_APPID, { count: 102 });
    mock.clock.set(Math.ceil(mock.clock.now() / 60_000) * 60_000);
    for (let i = 0; i < 100; i++) await h.exchange(codes![i]!).expect(200);
    expectWechatError(await h.exchange(codes![100]!), 45011, mock);
    const again = await h.login(DEMO_APPID, { openid });
    expectWechatError(await h.exchange(again.code), 45011, mock);
    mock.clock.advance(60_000);
    const next = await h.exchange(codes![100]!).expect(200);
    expect(next.body.openid).toBe(openid);
  });

  it('lets exactly one of many concurrent exchanges of one code succeed', async () => {
    const { code } = await h.login(DEMO_APPID);
    const secret = h.secretOf(DEMO_APPID);
    const target = `${mock.url}/sns/jscode2session?appid=${DEMO_APPID}&secret=${secret}&js_code=${code}&grant_type=authorization_code`;
    const bodies = (await Promise.all(
      Array.from({ length: 25 }, () => fetch(target).then((r) => r.json())),
    )) as { errcode?: number; session_key?: string }[];
    expect(bodies.filter((b) => b.session_key !== undefined)).toHaveLength(1);
    expect(bodies.filter((b) => b.errcode === 40163)).toHaveLength(24);
  });

  it('rotates the session_key on every login by default', async () => {
    const first = await h.login(DEMO_APPID);
    const k1 = (await h.exchange(first.code)).body.session_key as string;
    const second = await h.login(DEMO_APPID, { openid: first.openid });
    const k2 = (await h.exchange(second.code)).body.session_key as string;
    expect(k1).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(k2).not.toBe(k1);
  });

  it('reads only the query: a body, repeated or non-string parameters never change state', async () => {
    const { code } = await h.login(DEMO_APPID);
    const before = h.stateText();
    const secret = h.secretOf(DEMO_APPID);
    const post = await h
      .http()
      .post('/sns/jscode2session')
      .send({ appid: DEMO_APPID, secret, js_code: code });
    expectWechatError(post, 41002, mock);
    const repeated = await h
      .http()
      .get(
        `/sns/jscode2session?appid=${DEMO_APPID}&appid=${DEMO_APPID}&secret=${secret}&js_code=${code}`,
      );
    expectWechatError(repeated, 40013, mock);
    const twoCodes = await h
      .http()
      .get(
        `/sns/jscode2session?appid=${DEMO_APPID}&secret=${secret}&js_code=${code}&js_code=${code}`,
      );
    expectWechatError(twoCodes, 40029, mock);
    const junk = await h.http().get('/sns/jscode2session?appid=%ZZ&secret=%&js_code=%00');
    expectWechatError(junk, 40013, mock);
    expect(h.stateText()).toBe(before);
    await h.exchange(code).expect(200);
  });
});

describe('GET /sns/jscode2session with sessionKeyPolicy "never"', () => {
  const never = wechatHarness({ sessionKeyPolicy: 'never' });

  it('keeps the session_key across logins', async () => {
    const first = await never.login(DEMO_APPID);
    const k1 = (await never.exchange(first.code)).body.session_key as string;
    const second = await never.login(DEMO_APPID, { openid: first.openid });
    expect((await never.exchange(second.code)).body.session_key).toBe(k1);
  });
});

describe('errors and the minted-value stream', () => {
  const a = wechatHarness();
  const b = wechatHarness();

  it('a rejected request never shifts the codes minted after it', async () => {
    expectWechatError(await a.exchange('unknown-code'), 40029);
    expectWechatError(await a.http().get('/sns/jscode2session'), 41002);
    expect(await a.login(DEMO_APPID)).toEqual(await b.login(DEMO_APPID));
  });
});
