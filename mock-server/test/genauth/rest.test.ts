import { constants, publicEncrypt } from 'node:crypto';

import { DEMO_APPID, DEMO_OPENID, DEMO_PHONE } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createMockServer } from '../../src';
import { PASSWORD_PUBLIC_KEY } from '../../src/genauth/keys';
import { gql, LOGIN_BY_EMAIL, poolHeaders, rsa } from './kit';

const lines: string[] = [];
const mock = createMockServer({ log: (l) => lines.push(l) });
beforeEach(() => {
  mock.reset();
  lines.length = 0;
});
const g = () => mock.store.fixtures.genauth;
const me = { appid: DEMO_APPID, openid: DEMO_OPENID };

describe('GET /api/v2/.well-known', () => {
  it('serves the bundled PEM public key in the real envelope', async () => {
    const res = await request(mock.app).get('/api/v2/.well-known');
    expect(res.body).toEqual({
      code: 200,
      message: '获取成功',
      data: { publicKey: PASSWORD_PUBLIC_KEY },
    });
    expect(PASSWORD_PUBLIC_KEY).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
  });

  it('accepts ciphertexts one byte shorter than the modulus (leading zero dropped)', async () => {
    const a = g().accounts[0]!;
    let short: Buffer | undefined;
    for (let i = 0; i < 20000 && !short; i++) {
      const c = publicEncrypt(
        { key: PASSWORD_PUBLIC_KEY, padding: constants.RSA_PKCS1_PADDING },
        Buffer.from(a.password!),
      );
      if (c[0] === 0) short = c.subarray(1);
    }
    expect(short).toHaveLength(127);
    const res = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: a.email, password: short!.toString('base64') } },
      poolHeaders(mock),
    );
    expect(res.data).toMatchObject({ loginByEmail: { id: a.id } });
  });
});

describe('message outbox', () => {
  it('GET /__mock/v1/messages?to= lists sent codes; a log line names the code', async () => {
    await request(mock.app)
      .post('/api/v2/sms/send')
      .set(poolHeaders(mock))
      .send({ phone: '13912345678' });
    const res = await request(mock.app).get('/__mock/v1/messages?to=13912345678');
    expect(res.body.messages).toEqual([
      expect.objectContaining({
        channel: 'sms',
        to: '13912345678',
        code: expect.stringMatching(/^\d{6}$/),
        used: false,
        poolId: g().pools[0]!.id,
      }),
    ]);
    expect(
      lines.some((l) => l.includes(res.body.messages[0].code) && l.includes('13912345678')),
    ).toBe(true);
    const other = await request(mock.app).get(
      `/__mock/v1/messages?to=13912345678&pool=${g().pools[1]!.id}`,
    );
    expect(other.body.messages).toEqual([]);
    const missing = await request(mock.app).get('/__mock/v1/messages');
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: 'invalid_field',
      message: '"to" must be a phone number or e-mail',
    });
  });

  it('uses the fixed fixture code and the same seed replays the same random codes', async () => {
    await request(mock.app)
      .post('/api/v2/sms/send')
      .set(poolHeaders(mock))
      .send({ phone: g().accounts[0]!.phone });
    const fixed = await request(mock.app).get(`/__mock/v1/messages?to=${g().accounts[0]!.phone}`);
    expect(fixed.body.messages[0].code).toBe('123456');
    const send = async () => {
      await request(mock.app)
        .post('/api/v2/sms/send')
        .set(poolHeaders(mock))
        .send({ phone: '13700000000' });
      return (await request(mock.app).get('/__mock/v1/messages?to=13700000000')).body.messages.at(
        -1,
      ).code as string;
    };
    const first = await send();
    mock.reset();
    expect(await send()).toBe(first);
  });
});

describe('WeChat connection: phone-button code flow', () => {
  it('getphone and auth-by-phone accept {code?, phoneCode} exchanged through getuserphonenumber', async () => {
    const h = poolHeaders(mock);
    const button = mock.control.wechat.phoneNumber(me);
    const phone = await request(mock.app)
      .post('/connections/social/wechat-miniprogram/getphone')
      .set(h)
      .send({ phoneCode: button.code });
    expect(phone.body).toEqual({
      code: 200,
      message: '成功',
      data: {
        countryCode: '86',
        phoneNumber: DEMO_PHONE,
        purePhoneNumber: DEMO_PHONE,
        openid: null,
        unionid: null,
      },
    });
    const reused = await request(mock.app)
      .post('/connections/social/wechat-miniprogram/getphone')
      .set(h)
      .send({ phoneCode: button.code });
    expect(reused.body).toMatchObject({ code: 2500, data: { errcode: 40029 } });

    const login = mock.control.wechat.login(me);
    const again = mock.control.wechat.phoneNumber(me);
    const user = await request(mock.app)
      .post('/connections/social/wechat-miniprogram/auth-by-phone')
      .set(h)
      .send({ code: login.code, phoneCode: again.code });
    expect(user.body).toMatchObject({
      code: 200,
      data: {
        phone: DEMO_PHONE,
        openid: DEMO_OPENID,
        token: expect.any(String),
        newlyCreated: true,
      },
    });
  });

  it("auth-by-phone binds the WeChat identity to the phone's account, taking it off its holder", async () => {
    const h = poolHeaders(mock);
    const auth = (body: object) =>
      request(mock.app).post('/connections/social/wechat-miniprogram/auth').set(h).send(body);
    const first = await auth({ code: mock.control.wechat.login(me).code });
    const holder = (first.body as { data: { id: string } }).data.id;
    const { firstId: owner } = mock.control.genauth.bulkCreateUsers({
      poolId: g().pools[0]!.id,
      users: [{ phone: DEMO_PHONE }],
    });

    const byPhone = await request(mock.app)
      .post('/connections/social/wechat-miniprogram/auth-by-phone')
      .set(h)
      .send({
        code: mock.control.wechat.login(me).code,
        phoneCode: mock.control.wechat.phoneNumber(me).code,
      });
    expect(byPhone.body).toMatchObject({
      code: 200,
      data: { id: owner, phone: DEMO_PHONE, openid: DEMO_OPENID, newlyCreated: false },
    });
    expect(mock.control.genauth.getUser({ id: holder })['identities']).toEqual([]);
    const again = await auth({ code: mock.control.wechat.login(me).code });
    expect(again.body).toMatchObject({ code: 200, data: { id: owner } });
  });

  it('a known unionid is the same account through the connection of another app', async () => {
    const [hs, rs] = g().apps;
    const wxUser = mock.store.fixtures.wechat.users.find(
      (u) => u.appid === DEMO_APPID && u.unionid && u.openid !== DEMO_OPENID,
    )!;
    const viaApp = async (appId: string) => {
      const { code } = mock.control.wechat.login({ appid: DEMO_APPID, openid: wxUser.openid });
      const res = await request(mock.app)
        .post('/connections/social/wechat-miniprogram/auth')
        .set({ 'x-authing-app-id': appId })
        .send({ code });
      return res.body.data as {
        id: string;
        unionid: string;
        newlyCreated: boolean;
        identities: unknown[];
      };
    };
    const first = await viaApp(hs!.id);
    const second = await viaApp(rs!.id);
    expect(first).toMatchObject({ unionid: wxUser.unionid, newlyCreated: true });
    expect(second).toMatchObject({ id: first.id, newlyCreated: false });
    expect(second.identities).toHaveLength(2);
  });

  it('an app without a WeChat connection gets 2502', async () => {
    const pool = mock.store.genauth.pools.get(g().pools[0]!.id)!;
    for (const [id, app] of pool.apps) pool.apps.set(id, { ...app, connection: null });
    const res = await request(mock.app)
      .post('/connections/social/wechat-miniprogram/auth')
      .set(poolHeaders(mock))
      .send({ code: 'x' });
    expect(res.body).toMatchObject({ code: 2502, message: '未配置微信小程序连接' });
  });
});

describe('upload', () => {
  it('keeps the bytes and serves them back with their type', async () => {
    const res = await request(mock.app)
      .post('/api/v2/upload?folder=avatar')
      .attach('file', Buffer.from('GIF89a'), { filename: 'a.gif', contentType: 'image/gif' });
    expect(res.body).toMatchObject({
      code: 200,
      data: { key: expect.stringMatching(/^avatar\/[0-9a-f]+\.gif$/), url: expect.any(String) },
    });
    const path = new URL(res.body.data.url).pathname;
    const served = await request(mock.app).get(path);
    expect(served.headers['content-type']).toBe('image/gif');
    expect(served.body.toString()).toBe('GIF89a');
    expect((await request(mock.app).get('/api/v2/upload/files/avatar/missing.png')).status).toBe(
      404,
    );
  });
});

describe('state and reset', () => {
  it('state lists GenAuth pools with hashes only; the demo section holds the plaintext passwords', async () => {
    const state = (await request(mock.app).get('/__mock/v1/state')).body;
    const password = g().accounts[0]!.password!;
    expect(JSON.stringify(state.genauth)).not.toContain(password);
    expect(state.genauth.pools[0].users[0].passwordHash).toMatch(/^scrypt\$/);
    expect(state.demo.accounts[0]).toMatchObject({ email: g().accounts[0]!.email, password });
  });

  it('reset drops registered users and sent codes', async () => {
    const pool = () => mock.store.genauth.pools.get(g().pools[0]!.id)!;
    const fixtureUsers = pool().users.size;
    await request(mock.app)
      .post('/api/v2/sms/send')
      .set(poolHeaders(mock))
      .send({ phone: '13912345678' });
    const register = `mutation r($input: RegisterByEmailInput!) { registerByEmail(input: $input) { id } }`;
    await gql(
      mock,
      register,
      { input: { email: 'r@example.com', password: rsa('S3cret-pass') } },
      poolHeaders(mock),
    );
    expect(pool().users.size).toBe(fixtureUsers + 1);
    mock.reset();
    expect(mock.store.genauth.messages).toEqual([]);
    expect(pool().users.size).toBe(fixtureUsers);
  });
});
