import { DEMO_APPID, DEMO_OPENID, DEMO_PHONE, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { ManualTimers } from '../../src';
import { sessionSignature } from '../../src/wechat/crypto';
import { poolHeaders } from '../genauth/kit';
import { expectWechatError, wechatHarness } from '../wechat/helpers';

describe('/__mock/v1/faults: WeChat errcode injection', () => {
  const h = wechatHarness();
  const { mock } = h;
  const otherAppid = () =>
    mock.store.fixtures.wechat.apps.find((a) => a.appid !== DEMO_APPID)!.appid;
  const inject = (fault: Record<string, unknown>) =>
    h.http().post('/__mock/v1/faults').send(fault).expect(201);
  const pending = async () =>
    (await h.http().get('/__mock/v1/faults').expect(200)).body.faults as { times: number }[];

  /** Each faultable route: a valid call, prepared before the fault, and its success check. */
  const routes: {
    route: string;
    errcode: number;
    prepare: () => Promise<() => Promise<{ status: number; body: Record<string, unknown> }>>;
    ok: (body: Record<string, unknown>) => void;
  }[] = [
    {
      route: 'wechat.jscode2session',
      errcode: -1,
      prepare: async () => {
        const { code } = await h.login(DEMO_APPID, { openid: DEMO_OPENID });
        return () => h.exchange(code);
      },
      ok: (body) => expect(body['session_key']).toBe(DEMO_SESSION_KEY),
    },
    {
      route: 'wechat.token',
      errcode: 45011,
      prepare: async () => () =>
        h
          .http()
          .get('/cgi-bin/token')
          .query({
            grant_type: 'client_credential',
            appid: DEMO_APPID,
            secret: h.secretOf(DEMO_APPID),
          }),
      ok: (body) => expect(body['access_token']).toEqual(expect.any(String)),
    },
    {
      route: 'wechat.stable_token',
      errcode: -1,
      prepare: async () => () =>
        h
          .http()
          .post('/cgi-bin/stable_token')
          .send({
            grant_type: 'client_credential',
            appid: DEMO_APPID,
            secret: h.secretOf(DEMO_APPID),
          }),
      ok: (body) => expect(body['access_token']).toEqual(expect.any(String)),
    },
    {
      route: 'wechat.getuserphonenumber',
      errcode: 40029,
      prepare: async () => {
        const token = await h.accessToken();
        const button = await h
          .http()
          .post('/__mock/v1/wechat/phone-number')
          .send({ appid: DEMO_APPID, openid: DEMO_OPENID })
          .expect(200);
        return () =>
          h
            .http()
            .post('/wxa/business/getuserphonenumber')
            .query({ access_token: token })
            .send({ code: button.body.code });
      },
      ok: (body) => expect(body['phone_info']).toMatchObject({ purePhoneNumber: DEMO_PHONE }),
    },
    ...(['checksession', 'resetusersessionkey'] as const).map((name) => ({
      route: `wechat.${name}`,
      errcode: -1,
      prepare: async () => {
        await h.login(DEMO_APPID, { openid: DEMO_OPENID });
        const token = await h.accessToken();
        return () =>
          h
            .http()
            .get(`/wxa/${name}`)
            .query({
              access_token: token,
              openid: DEMO_OPENID,
              signature: sessionSignature(DEMO_SESSION_KEY),
              sig_method: 'hmac_sha256',
            });
      },
      ok: (body: Record<string, unknown>) => expect(body).toMatchObject({ errcode: 0 }),
    })),
  ];

  it.each(routes)('$route answers $errcode once, changes nothing, then works', async (r) => {
    const call = await r.prepare();
    await inject({ route: r.route, errcode: r.errcode });
    const before = h.stateText();
    expectWechatError(await call(), r.errcode, mock);
    expect(h.stateText()).toBe(before);
    expect(await pending()).toEqual([]);
    const after = await call();
    expect(after.status).toBe(200);
    r.ok(after.body);
  });

  it('counts "times" down, oldest fault first, and lists what is left', async () => {
    const { code } = await h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const first = await inject({ route: 'wechat.jscode2session', errcode: -1, times: 2 });
    expect(first.body.fault).toEqual({
      id: 1,
      route: 'wechat.jscode2session',
      errcode: -1,
      errmsg: 'system error',
      times: 2,
      appid: null,
      delayMs: 0,
    });
    await inject({ route: 'wechat.jscode2session', errcode: 45011 });
    expectWechatError(await h.exchange(code), -1);
    expect(await pending()).toMatchObject([
      { id: 1, times: 1 },
      { id: 2, times: 1 },
    ]);
    expectWechatError(await h.exchange(code), -1);
    expectWechatError(await h.exchange(code), 45011);
    expect(await pending()).toEqual([]);
    expect((await h.exchange(code)).body.openid).toBe(DEMO_OPENID);
  });

  it('scopes a fault to an appid: by query, stable_token body, or access token', async () => {
    const other = otherAppid();
    await inject({ route: 'wechat.jscode2session', errcode: -1, appid: other });
    await inject({ route: 'wechat.stable_token', errcode: -1, appid: other });
    await inject({ route: 'wechat.checksession', errcode: -1, appid: other });
    const { code } = await h.login(DEMO_APPID, { openid: DEMO_OPENID });
    expect((await h.exchange(code)).body.openid).toBe(DEMO_OPENID);
    const stable = (appid: string) =>
      h
        .http()
        .post('/cgi-bin/stable_token')
        .send({ grant_type: 'client_credential', appid, secret: h.secretOf(appid) });
    expect((await stable(DEMO_APPID)).body.access_token).toEqual(expect.any(String));
    const check = async (appid: string, openid: string, key: string) =>
      h
        .http()
        .get('/wxa/checksession')
        .query({
          access_token: await h.accessToken(appid),
          openid,
          signature: sessionSignature(key),
          sig_method: 'hmac_sha256',
        });
    expect((await check(DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY)).body.errcode).toBe(0);
    expect(await pending()).toHaveLength(3);

    const otherUser = await h.login(other);
    expectWechatError(await h.exchange(otherUser.code, other), -1, mock);
    expectWechatError(await stable(other), -1, mock);
    expectWechatError(await check(other, otherUser.openid, 'any'), -1, mock);
    expect(await pending()).toEqual([]);
    expect((await h.exchange(otherUser.code, other)).body.openid).toBe(otherUser.openid);
  });

  it('matches the path as Express routes it (any case, a trailing slash)', async () => {
    await inject({ route: 'wechat.token', errcode: -1, times: 2 });
    expectWechatError(await h.http().get('/CGI-BIN/Token').query({ appid: DEMO_APPID }), -1);
    expectWechatError(await h.http().get('/cgi-bin/token/').query({ appid: DEMO_APPID }), -1);
    expect(await pending()).toEqual([]);
  });

  it('GenAuth loginByCode surfaces a jscode2session fault as 2500 with data.errcode -1', async () => {
    const headers = poolHeaders(mock);
    const { code } = await h.login(DEMO_APPID, { openid: DEMO_OPENID });
    await inject({ route: 'wechat.jscode2session', errcode: -1, appid: DEMO_APPID });
    const auth = () =>
      h.http().post('/connections/social/wechat-miniprogram/auth').set(headers).send({ code });
    const failed = await auth().expect(200);
    expect(failed.body).toMatchObject({
      code: 2500,
      data: { errcode: -1, errmsg: 'system error' },
    });
    const ok = await auth().expect(200);
    expect(ok.body).toMatchObject({ code: 200, data: { openid: DEMO_OPENID } });
  });

  it('rejects bad input with 400/404 naming the field, adding nothing', async () => {
    const expectError = async (body: unknown, status: number, error: string, field?: string) => {
      const res = await h
        .http()
        .post('/__mock/v1/faults')
        .send(body as object)
        .expect(status);
      expect(res.body.error).toBe(error);
      if (field) expect(res.body.message).toContain(`"${field}"`);
    };
    const base = { route: 'wechat.token', errcode: -1 };
    await expectError({ errcode: -1 }, 400, 'invalid_field', 'route');
    await expectError({ ...base, route: 'wechat.nope' }, 400, 'invalid_field', 'route');
    await expectError({ route: 'wechat.token' }, 400, 'invalid_field', 'errcode');
    await expectError({ ...base, errcode: 12345 }, 400, 'invalid_field', 'errcode');
    await expectError({ ...base, errcode: '-1' }, 400, 'invalid_field', 'errcode');
    await expectError({ ...base, times: 0 }, 400, 'invalid_field', 'times');
    await expectError({ ...base, times: 1.5 }, 400, 'invalid_field', 'times');
    await expectError({ ...base, delayMs: -1 }, 400, 'invalid_field', 'delayMs');
    await expectError({ ...base, delayMs: 60_001 }, 400, 'invalid_field', 'delayMs');
    await expectError({ ...base, appid: 7 }, 400, 'invalid_field', 'appid');
    await expectError({ ...base, time: 2 }, 400, 'invalid_field', 'time');
    await expectError([base], 400, 'invalid_field', 'body');
    await expectError({ ...base, appid: 'wx0000000000000000' }, 404, 'unknown_app');
    const malformed = await h
      .http()
      .post('/__mock/v1/faults')
      .set('content-type', 'application/json')
      .send('{route')
      .expect(400);
    expect(malformed.body.error).toBe('invalid_json');
    expect(await pending()).toEqual([]);
  });

  it('DELETE /faults and POST /reset clear pending faults', async () => {
    await inject({ route: 'wechat.token', errcode: -1, times: 5 });
    await inject({ route: 'wechat.checksession', errcode: 87009 });
    expect((await h.http().delete('/__mock/v1/faults').expect(200)).body).toEqual({ cleared: 2 });
    expect(await pending()).toEqual([]);
    await inject({ route: 'wechat.token', errcode: -1, times: 5 });
    await h.http().post('/__mock/v1/reset').send({}).expect(200);
    expect(await pending()).toEqual([]);
    const token = await h
      .http()
      .get('/cgi-bin/token')
      .query({
        grant_type: 'client_credential',
        appid: DEMO_APPID,
        secret: h.secretOf(DEMO_APPID),
      });
    expect(token.body.access_token).toEqual(expect.any(String));
  });
});

describe('/__mock/v1/faults: delayMs waits on the mock timers', () => {
  const timers = new ManualTimers();
  const h = wechatHarness({ timers });

  it('holds a faulted answer for delayMs', async () => {
    await h
      .http()
      .post('/__mock/v1/faults')
      .send({ route: 'wechat.token', errcode: -1, delayMs: 60 })
      .expect(201);
    let answered = false;
    const held = h
      .http()
      .get('/cgi-bin/token')
      .query({ appid: DEMO_APPID })
      .then((res) => {
        answered = true;
        return res;
      });
    await timers.whenPending();
    expect(timers.advance(59)).toBe(0);
    await h.http().get('/__mock/v1/faults').expect(200); // a full round trip meanwhile
    expect(answered).toBe(false);
    expect(timers.advance(1)).toBe(1);
    expectWechatError(await held, -1, h.mock);
  });
});
