import { DEMO_APPID, DEMO_OPENID, DEMO_PHONE } from '@genauth-wxapp/fixtures';

import { ManualTimers } from '../../src';
import { LOGIN_BY_EMAIL, poolHeaders, rsa, type Headers } from '../genauth/kit';
import { expectWechatError, wechatHarness } from '../wechat/helpers';

const AUTH = '/connections/social/wechat-miniprogram/auth';
const AUTH_BY_PHONE = '/connections/social/wechat-miniprogram/auth-by-phone';

/** Faults live in the model: the WeChat routes and GenAuth's in-process calls take the same ones. */
describe('faults taken by the model operations', () => {
  const timers = new ManualTimers();
  const h = wechatHarness({ timers });
  const { mock } = h;
  const inject = (fault: Record<string, unknown>) =>
    h.http().post('/__mock/v1/faults').send(fault).expect(201);
  const pending = async () =>
    (await h.http().get('/__mock/v1/faults').expect(200)).body.faults as unknown[];
  const headers = (): Headers => poolHeaders(mock);
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };

  /** Resolves with the answer of `call`, recording when it arrives. */
  function track<T>(call: PromiseLike<T>) {
    const state = { answered: false };
    const answer = Promise.resolve(call).then((res) => {
      state.answered = true;
      return res;
    });
    return { state, answer };
  }

  it('GenAuth loginByPhone with a phoneCode takes a getuserphonenumber fault (2500)', async () => {
    const { code } = h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const button = mock.control.wechat.phoneNumber(me);
    await inject({ route: 'wechat.getuserphonenumber', errcode: -1, appid: DEMO_APPID });
    const failed = await h
      .http()
      .post(AUTH_BY_PHONE)
      .set(headers())
      .send({ code, phoneCode: button.code })
      .expect(200);
    expect(failed.body).toMatchObject({
      code: 2500,
      data: { errcode: -1, errmsg: 'system error' },
    });
    expect(await pending()).toEqual([]);
    // The phone code was not spent: the WeChat route still exchanges it.
    const token = await h.accessToken();
    const ok = await h
      .http()
      .post('/wxa/business/getuserphonenumber')
      .query({ access_token: token })
      .send({ code: button.code })
      .expect(200);
    expect(ok.body.phone_info).toMatchObject({ purePhoneNumber: DEMO_PHONE });
  });

  it('holds GenAuth loginByCode for the delay of a jscode2session fault, on the timers', async () => {
    const { code } = h.login(DEMO_APPID, { openid: DEMO_OPENID });
    await inject({ route: 'wechat.jscode2session', errcode: 45011, delayMs: 500 });
    const { state, answer } = track(h.http().post(AUTH).set(headers()).send({ code }));
    await timers.whenPending();
    expect(timers.advance(499)).toBe(0);
    await h.http().get('/__mock/v1/faults').expect(200); // a full round trip meanwhile
    expect(state.answered).toBe(false);
    expect(timers.advance(1)).toBe(1);
    expect((await answer).body).toMatchObject({ code: 2500, data: { errcode: 45011 } });
    const ok = await h.http().post(AUTH).set(headers()).send({ code }).expect(200);
    expect(ok.body).toMatchObject({ code: 200, data: { openid: DEMO_OPENID } });
  });

  it('holds a getuserphonenumber answer on the route for its delay', async () => {
    const token = await h.accessToken();
    const button = mock.control.wechat.phoneNumber(me);
    await inject({ route: 'wechat.getuserphonenumber', errcode: 40029, delayMs: 30 });
    const { state, answer } = track(
      h
        .http()
        .post('/wxa/business/getuserphonenumber')
        .query({ access_token: token })
        .send({ code: button.code }),
    );
    await timers.whenPending();
    expect(state.answered).toBe(false);
    timers.advance(30);
    expectWechatError(await answer, 40029, mock);
  });
});

describe('faults on GenAuth operations (genauth.<operation>)', () => {
  const timers = new ManualTimers();
  const h = wechatHarness({ timers });
  const { mock } = h;
  const inject = (fault: Record<string, unknown>) => h.http().post('/__mock/v1/faults').send(fault);
  const headers = (): Headers => poolHeaders(mock);
  const account = () => mock.store.fixtures.genauth.accounts[0]!;
  const loginByEmail = () =>
    h
      .http()
      .post('/graphql/v2')
      .set(
        poolHeaders(
          mock,
          mock.store.fixtures.genauth.pools.findIndex((p) => p.id === account().poolId),
        ),
      )
      .send({
        query: LOGIN_BY_EMAIL,
        variables: { input: { email: account().email, password: rsa(account().password!) } },
      });

  it('answers a REST loginByCode with the GenAuth code, spending no WeChat code', async () => {
    const { code } = h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const added = await inject({ route: 'genauth.loginByCode', errcode: 1000 }).expect(201);
    expect(added.body.fault).toEqual({
      id: 1,
      route: 'genauth.loginByCode',
      errcode: 1000,
      errmsg: '系统繁忙',
      times: 1,
      appid: null,
      delayMs: 0,
    });
    const failed = await h.http().post(AUTH).set(headers()).send({ code }).expect(200);
    expect(failed.body).toEqual({ code: 1000, message: '系统繁忙', data: null });
    const ok = await h.http().post(AUTH).set(headers()).send({ code }).expect(200);
    expect(ok.body).toMatchObject({ code: 200, data: { openid: DEMO_OPENID } });
  });

  it('answers a GraphQL operation with a GraphQL error carrying the code', async () => {
    await inject({ route: 'genauth.loginByEmail', errcode: 2004, times: 1 }).expect(201);
    const failed = await loginByEmail().expect(200);
    expect(failed.body).toMatchObject({
      errors: [{ message: { code: 2004, message: '用户不存在' }, path: ['loginByEmail'] }],
      data: { loginByEmail: null },
    });
    const ok = await loginByEmail().expect(200);
    expect(ok.body.data.loginByEmail).toMatchObject({ token: expect.any(String) });
  });

  it('200 only delays the operation, which then succeeds', async () => {
    await inject({ route: 'genauth.loginByEmail', errcode: 200, delayMs: 1000 }).expect(201);
    let answered = false;
    const held = loginByEmail().then((res) => {
      answered = true;
      return res;
    });
    await timers.whenPending();
    expect(timers.advance(999)).toBe(0);
    expect(answered).toBe(false);
    timers.advance(1);
    expect((await held).body.data.loginByEmail).toMatchObject({ token: expect.any(String) });
  });

  it('scopes a GenAuth fault to a GenAuth app id', async () => {
    const apps = mock.store.fixtures.genauth.apps;
    const calling = headers()['x-authing-app-id']!;
    const other = apps.find((a) => a.id !== calling)!.id;
    await inject({ route: 'genauth.loginByCode', errcode: 1000, appid: other }).expect(201);
    const { code } = h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const ok = await h.http().post(AUTH).set(headers()).send({ code }).expect(200);
    expect(ok.body.code).toBe(200);
    expect((await h.http().get('/__mock/v1/faults')).body.faults).toHaveLength(1);
  });

  it('refuses a WeChat errcode on a GenAuth route, and an unknown GenAuth app', async () => {
    const wrong = await inject({ route: 'genauth.loginByCode', errcode: -1 }).expect(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_field' });
    expect(wrong.body.message).toContain('"errcode"');
    const wechatCode = await inject({ route: 'wechat.token', errcode: 1000 }).expect(400);
    expect(wechatCode.body.message).toContain('"errcode"');
    const app = await inject({ route: 'genauth.user', errcode: 1000, appid: DEMO_APPID });
    expect(app.status).toBe(404);
    expect(app.body.error).toBe('unknown_app');
    expect(mock.control.faults.list()).toEqual([]);
  });
});
