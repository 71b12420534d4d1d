import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { sessionSignature } from '../../src/wechat/crypto';
import { expectWechatError, wechatHarness } from '../wechat/helpers';

describe('/__mock/v1/wechat: the simulated WeChat client', () => {
  const h = wechatHarness();
  const { mock } = h;
  const post = (path: string, body: unknown) =>
    h
      .http()
      .post(`/__mock/v1/wechat${path}`)
      .send(body as object);

  it('POST /login mints a 32-char code for a new user, or for a known one', async () => {
    const res = await post('/login', { appid: DEMO_APPID }).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['code', 'openid']);
    expect(res.body.code).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(res.body.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(mock.store.wechat.users.has(`${DEMO_APPID}:${res.body.openid}`)).toBe(true);
    const known = await post('/login', { appid: DEMO_APPID, openid: DEMO_OPENID }).expect(200);
    expect(known.body.openid).toBe(DEMO_OPENID);
    const many = await post('/login', { appid: DEMO_APPID, openid: DEMO_OPENID, count: 3 });
    expect(many.body.codes).toHaveLength(3);
    expect(many.body.code).toBe(many.body.codes[0]);
  });

  it('POST /login rejects bad input with 400/404 and changes nothing', async () => {
    const before = h.stateText();
    const expectError = async (body: unknown, status: number, error: string, field?: string) => {
      const res = await post('/login', body).expect(status);
      expect(res.body.error).toBe(error);
      if (field) expect(res.body.message).toContain(`"${field}"`);
    };
    await expectError({}, 400, 'invalid_field', 'appid');
    await expectError({ appid: 42 }, 400, 'invalid_field', 'appid');
    await expectError({ appid: DEMO_APPID, openid: 1 }, 400, 'invalid_field', 'openid');
    await expectError({ appid: DEMO_APPID, sessionKey: 'abc' }, 400, 'invalid_field', 'sessionKey');
    await expectError({ appid: DEMO_APPID, count: 0 }, 400, 'invalid_field', 'count');
    await expectError({ appid: DEMO_APPID, count: 1001 }, 400, 'invalid_field', 'count');
    await expectError({ appid: 'wx0000000000000000' }, 404, 'unknown_app');
    await expectError({ appid: DEMO_APPID, openid: 'oNobody' }, 404, 'unknown_user');
    const malformed = await h
      .http()
      .post('/__mock/v1/wechat/login')
      .set('content-type', 'application/json')
      .send('{appid')
      .expect(400);
    expect(malformed.body.error).toBe('invalid_json');
    expect(h.stateText()).toBe(before);
  });

  it('POST /user-info and /phone-number answer what the client hands a page', async () => {
    await post('/login', { appid: DEMO_APPID, openid: DEMO_OPENID });
    const info = await post('/user-info', { appid: DEMO_APPID, openid: DEMO_OPENID }).expect(200);
    expect(Object.keys(info.body).sort()).toEqual(
      ['encryptedData', 'iv', 'rawData', 'signature', 'userInfo'].sort(),
    );
    expect(info.body.userInfo).toMatchObject({ nickName: 'Band', gender: 1, country: 'CN' });
    expect(info.body.iv).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const phone = await post('/phone-number', { appid: DEMO_APPID, openid: DEMO_OPENID }).expect(
      200,
    );
    expect(phone.body).toEqual({
      errMsg: 'getPhoneNumber:ok',
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
      encryptedData: expect.any(String),
      iv: expect.any(String),
    });
  });

  it('refuses a phone number for a user without one, and unknown users, unchanged state', async () => {
    const noPhone = mock.store.fixtures.wechat.users.find((u) => u.phone === null)!;
    await post('/login', { appid: noPhone.appid, openid: noPhone.openid });
    const before = h.stateText();
    const res = await post('/phone-number', { appid: noPhone.appid, openid: noPhone.openid });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('no_phone');
    await post('/user-info', { appid: DEMO_APPID }).expect(400);
    await post('/user-info', { appid: DEMO_APPID, openid: 'oNobody' }).expect(404);
    await post('/phone-number', { openid: DEMO_OPENID }).expect(400);
    expect(h.stateText()).toBe(before);
  });

  it('POST /users creates and updates users; blocked users get 40226', async () => {
    const created = await post('/users', {
      appid: DEMO_APPID,
      openid: 'oTestUser0000000000000000001',
      nickName: '测试',
      avatarUrl: 'https://example.test/a.png',
      phone: '13900000000',
      unionid: 'oTestUnion000000000000000001',
    }).expect(201);
    expect(created.body.user).toMatchObject({
      openid: 'oTestUser0000000000000000001',
      nickName: '测试',
      phone: { countryCode: '86', purePhoneNumber: '13900000000' },
      unionid: 'oTestUnion000000000000000001',
      blocked: false,
    });
    const updated = await post('/users', {
      appid: DEMO_APPID,
      openid: 'oTestUser0000000000000000001',
      blocked: true,
      phone: null,
      nickname: '改名',
    }).expect(200);
    expect(updated.body.user).toMatchObject({ blocked: true, phone: null, nickName: '改名' });
    const { code } = await h.login(DEMO_APPID, { openid: 'oTestUser0000000000000000001' });
    expectWechatError(await h.exchange(code), 40226);
    const generated = await post('/users', { appid: DEMO_APPID }).expect(201);
    expect(generated.body.user.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
  });

  it('POST /users validates the whole body before changing anything', async () => {
    const before = h.stateText();
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await post('/users', { appid: DEMO_APPID, openid: DEMO_OPENID, ...body });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(`"${field}"`);
    };
    await bad({ nickName: 'ok', blocked: 'yes' }, 'blocked');
    await bad({ phone: 'abc' }, 'phone');
    await bad({ gender: 3 }, 'gender');
    await bad({ language: 'fr' }, 'language');
    await bad({ unionid: 5 }, 'unionid');
    await bad({ openid: 'bad id!' }, 'openid');
    const unbound = mock.store.fixtures.wechat.apps.find((a) => a.openPlatformId === null)!;
    const res = await post('/users', {
      appid: unbound.appid,
      unionid: 'oX0000000000000000000000000',
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('"unionid"');
    await post('/users', { appid: 'wx0000000000000000' }).expect(404);
    expect(h.stateText()).toBe(before);
  });

  it('GET /sessions shows the live session and POST /sessions/expire ends it', async () => {
    const token = await h.accessToken();
    const { code, openid } = await h.login(DEMO_APPID);
    const key = (await h.exchange(code)).body.session_key as string;
    const view = await h
      .http()
      .get('/__mock/v1/wechat/sessions')
      .query({ appid: DEMO_APPID, openid });
    expect(view.body.session).toMatchObject({ appid: DEMO_APPID, openid, sessionKey: key });
    expect((await post('/sessions/expire', { appid: DEMO_APPID, openid })).body).toEqual({
      expired: true,
    });
    const check = await h
      .http()
      .get('/wxa/checksession')
      .query({
        access_token: token,
        openid,
        signature: sessionSignature(key),
        sig_method: 'hmac_sha256',
      });
    expectWechatError(check, 87009);
    const after = await h
      .http()
      .get('/__mock/v1/wechat/sessions')
      .query({ appid: DEMO_APPID, openid });
    expect(after.body).toEqual({ session: null });
    await h.http().get('/__mock/v1/wechat/sessions').query({ appid: DEMO_APPID }).expect(400);
    await post('/sessions/expire', { appid: DEMO_APPID, openid: 'oNobody' }).expect(404);
  });
});
