import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { expectWechatError, wechatHarness } from './helpers';

const MIN = 60_000;

describe('access tokens', () => {
  const h = wechatHarness();
  const { mock } = h;

  const token = (q: Record<string, string> = {}) =>
    h
      .http()
      .get('/cgi-bin/token')
      .query({
        grant_type: 'client_credential',
        appid: DEMO_APPID,
        secret: h.secretOf(DEMO_APPID),
        ...q,
      });
  const stable = (body: unknown) =>
    h
      .http()
      .post('/cgi-bin/stable_token')
      .send(body as object);
  const stableBody = (extra: Record<string, unknown> = {}) => ({
    grant_type: 'client_credential',
    appid: DEMO_APPID,
    secret: h.secretOf(DEMO_APPID),
    ...extra,
  });
  /** A token-taking endpoint: checksession of the demo user. */
  const use = (accessToken?: string) =>
    h
      .http()
      .get('/wxa/checksession')
      .query({ ...(accessToken !== undefined && { access_token: accessToken }), openid: 'nobody' });

  it('GET /cgi-bin/token: a new token per call, the previous one valid 5 more minutes', async () => {
    const first = (await token().expect(200)).body as { access_token: string; expires_in: number };
    expect(first.expires_in).toBe(7200);
    expect(first.access_token.length).toBeGreaterThanOrEqual(100);
    const second = (await token()).body as { access_token: string };
    expect(second.access_token).not.toBe(first.access_token);
    mock.clock.advance(5 * MIN - 1);
    expectWechatError(await use(first.access_token), 40003);
    mock.clock.advance(1);
    expectWechatError(await use(first.access_token), 40001, mock);
    expectWechatError(await use(second.access_token), 40003);
  });

  it('token-taking endpoints answer 41001 / 40001 / 42001', async () => {
    const { access_token } = (await token()).body as { access_token: string };
    expectWechatError(await use(), 41001, mock);
    expectWechatError(await use(''), 41001, mock);
    expectWechatError(await use('not-a-token'), 40001, mock);
    mock.clock.advance(7200 * 1000);
    expectWechatError(await use(access_token), 42001, mock);
  });

  it('GET /cgi-bin/token checks grant_type, appid and secret', async () => {
    expectWechatError(await token({ grant_type: 'password' }), 40002, mock);
    expectWechatError(await token({ appid: '' }), 41002, mock);
    expectWechatError(await token({ secret: '' }), 41004, mock);
    expectWechatError(await token({ appid: 'wx0000000000000000' }), 40013, mock);
    expectWechatError(await token({ secret: '0'.repeat(32) }), 40125, mock);
  });

  it('POST /cgi-bin/stable_token: the same token until its last 5 minutes', async () => {
    const a = (await stable(stableBody()).expect(200)).body as {
      access_token: string;
      expires_in: number;
    };
    expect(a.expires_in).toBe(7200);
    mock.clock.advance(60 * MIN);
    const b = (await stable(stableBody({ force_refresh: false }))).body as typeof a;
    expect(b).toEqual({ access_token: a.access_token, expires_in: 3600 });
    mock.clock.advance(55 * MIN);
    const c = (await stable(stableBody())).body as typeof a;
    expect(c.access_token).not.toBe(a.access_token);
    expect(c.expires_in).toBe(7200);
    expectWechatError(await use(a.access_token), 40003);
    mock.clock.advance(5 * MIN);
    expectWechatError(await use(a.access_token), 42001, mock);
    expectWechatError(await use(c.access_token), 40003);
  });

  it('stable_token force_refresh: replaces at once, not within 30 s, at most 20 a day', async () => {
    const a = (await stable(stableBody())).body as { access_token: string };
    const b = (await stable(stableBody({ force_refresh: true }))).body as { access_token: string };
    expect(b.access_token).not.toBe(a.access_token);
    expectWechatError(await use(a.access_token), 40001, mock);
    mock.clock.advance(29_999);
    const same = (await stable(stableBody({ force_refresh: true }))).body as {
      access_token: string;
    };
    expect(same.access_token).toBe(b.access_token);
    for (let i = 2; i <= 20; i++) {
      mock.clock.advance(30_000);
      await stable(stableBody({ force_refresh: true })).expect(200);
    }
    mock.clock.advance(30_000);
    expectWechatError(await stable(stableBody({ force_refresh: true })), 45009, mock);
    await stable(stableBody()).expect(200);
    mock.clock.advance(24 * 60 * MIN);
    const fresh = (await stable(stableBody({ force_refresh: true }))).body as {
      access_token?: string;
    };
    expect(fresh.access_token).toBeDefined();
  });

  it('keeps the two families isolated', async () => {
    const s = (await stable(stableBody())).body as { access_token: string };
    const t1 = (await token()).body as { access_token: string };
    const t2 = (await token()).body as { access_token: string };
    mock.clock.advance(5 * MIN);
    expectWechatError(await use(t1.access_token), 40001);
    expectWechatError(await use(s.access_token), 40003);
    expectWechatError(await use(t2.access_token), 40003);
    await stable(stableBody({ force_refresh: true })).expect(200);
    expectWechatError(await use(t2.access_token), 40003);
  });

  it('stable_token bad input: method, body, types — never a 500, never a state change', async () => {
    const before = h.stateText();
    expectWechatError(await h.http().get('/cgi-bin/stable_token'), 43002, mock);
    expectWechatError(await h.http().put('/cgi-bin/stable_token').send(stableBody()), 43002);
    expectWechatError(await h.http().post('/cgi-bin/stable_token'), 44002, mock);
    const malformed = await h
      .http()
      .post('/cgi-bin/stable_token')
      .set('content-type', 'application/json')
      .send('{"grant_type":');
    expectWechatError(malformed, 47001, mock);
    expectWechatError(await stable([1, 2]), 47001);
    expectWechatError(await stable(stableBody({ force_refresh: 'yes' })), 47001);
    expectWechatError(await stable(stableBody({ grant_type: undefined })), 40002);
    expectWechatError(await stable(stableBody({ appid: undefined })), 41002);
    expectWechatError(await stable(stableBody({ secret: undefined })), 41004);
    expectWechatError(await stable(stableBody({ appid: 42 })), 40013);
    expectWechatError(await stable(stableBody({ secret: 'x' })), 40125);
    const huge = await h
      .http()
      .post('/cgi-bin/stable_token')
      .send({ ...stableBody(), pad: 'x'.repeat(mock.context.options.bodyLimit) });
    expectWechatError(huge, 47001, mock);
    expect(h.stateText()).toBe(before);
    const text = await h
      .http()
      .post('/cgi-bin/stable_token')
      .set('content-type', 'text/plain')
      .send(JSON.stringify(stableBody()));
    expect(text.body).toMatchObject({ expires_in: 7200 });
  });
});

describe('cgi-bin/token bad input and unknown WeChat paths', () => {
  const h = wechatHarness();
  const { mock } = h;

  it('reads only the query and never changes state on errors', async () => {
    const before = h.stateText();
    const body = {
      grant_type: 'client_credential',
      appid: DEMO_APPID,
      secret: h.secretOf(DEMO_APPID),
    };
    expectWechatError(await h.http().post('/cgi-bin/token').send(body), 40002, mock);
    const repeated = await h
      .http()
      .get(
        `/cgi-bin/token?grant_type=client_credential&appid=${DEMO_APPID}&appid=x&secret=${body.secret}`,
      );
    expectWechatError(repeated, 40013, mock);
    const twoGrants = await h
      .http()
      .get(
        `/cgi-bin/token?grant_type=client_credential&grant_type=client_credential&appid=${DEMO_APPID}&secret=${body.secret}`,
      );
    expectWechatError(twoGrants, 40002, mock);
    expect(h.stateText()).toBe(before);
  });

  it.each(['/sns/userinfo', '/cgi-bin/nope', '/wxa/getwxacodeunlimit'])(
    'answers 404 in the WeChat shape naming %s',
    async (path) => {
      const res = await h.http().get(path).expect(404);
      expect(res.body).toEqual({ errcode: 40066, errmsg: expect.stringContaining(path) });
      expect(res.body.errmsg).toMatch(/, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    },
  );
});
