import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { LOGIN_BY_EMAIL, gql, poolHeaders, rsa } from '../genauth/kit';
import { wechatHarness } from '../wechat/helpers';

describe('POST /__mock/v1/{wechat,genauth}/users/bulk: users in bulk', () => {
  const h = wechatHarness();
  const { mock } = h;
  const post = (path: string, body: unknown) =>
    h
      .http()
      .post(`/__mock/v1${path}`)
      .send(body as object);
  const poolId = () => mock.store.fixtures.genauth.pools[0]!.id;
  const unbound = () => [...mock.store.wechat.apps.values()].find((a) => !a.openPlatformId)!;

  /** Posts `body`, expects `status` and `error` (and the field in the message), and no change. */
  async function refused(
    path: string,
    body: unknown,
    status: number,
    error: string,
    field?: string,
  ) {
    const before = h.stateText();
    const res = await post(path, body).expect(status);
    expect(res.body).toEqual({ error, message: expect.any(String) });
    if (field) expect(res.body.message).toContain(`"${field}"`);
    expect(h.stateText()).toBe(before);
  }

  it('creates count WeChat users with the default profile and answers a summary', async () => {
    const before = mock.store.wechat.users.size;
    const res = await post('/wechat/users/bulk', { appid: DEMO_APPID, count: 500 }).expect(201);
    expect(res.body).toEqual({
      appid: DEMO_APPID,
      created: 500,
      firstOpenid: expect.stringMatching(/^o[A-Za-z0-9_-]{27}$/),
      lastOpenid: expect.stringMatching(/^o[A-Za-z0-9_-]{27}$/),
    });
    expect(mock.store.wechat.users.size).toBe(before + 500);
    const last = mock.store.wechat.users.find(DEMO_APPID, res.body.lastOpenid);
    expect(last).toMatchObject({ nickName: '微信用户', phone: null, blocked: false });

    const ids = await post('/wechat/users/bulk', { appid: DEMO_APPID, count: 3, returnIds: true });
    expect(ids.status).toBe(201);
    expect(ids.body.openids).toHaveLength(3);
    expect(ids.body.openids[0]).toBe(ids.body.firstOpenid);
    expect(ids.body.openids[2]).toBe(ids.body.lastOpenid);
  });

  it('creates WeChat users from specs, each field as given', async () => {
    const res = await post('/wechat/users/bulk', {
      appid: DEMO_APPID,
      users: [
        { openid: 'oBulkSpec000001', nickName: 'A', phone: '13800000001', gender: 2 },
        { openid: 'oBulkSpec000002', blocked: true, language: 'en', city: '' },
        { phone: { countryCode: '1', purePhoneNumber: '5550100' } },
      ],
    }).expect(201);
    expect(res.body).toMatchObject({ created: 3, firstOpenid: 'oBulkSpec000001' });
    const users = mock.store.wechat.users;
    expect(users.find(DEMO_APPID, 'oBulkSpec000001')).toMatchObject({
      nickName: 'A',
      gender: 2,
      phone: { countryCode: '86', purePhoneNumber: '13800000001' },
    });
    expect(users.find(DEMO_APPID, 'oBulkSpec000002')).toMatchObject({ blocked: true });
    expect(users.find(DEMO_APPID, res.body.lastOpenid)?.phone).toEqual({
      countryCode: '1',
      purePhoneNumber: '5550100',
    });
  });

  it('refuses bad WeChat input with a 400 naming the field, and creates nobody', async () => {
    const path = '/wechat/users/bulk';
    const app = DEMO_APPID;
    await refused(path, { count: 1 }, 400, 'invalid_field', 'appid');
    await refused(path, { appid: app }, 400, 'invalid_field', 'count');
    await refused(path, { appid: app, count: 1, users: [{}] }, 400, 'invalid_field', 'count');
    await refused(path, { appid: app, count: 0 }, 400, 'invalid_field', 'count');
    await refused(path, { appid: app, count: 100_001 }, 400, 'invalid_field', 'count');
    await refused(path, { appid: app, count: 1.5 }, 400, 'invalid_field', 'count');
    await refused(path, { appid: app, count: '10' }, 400, 'invalid_field', 'count');
    await refused(path, { appid: app, users: [] }, 400, 'invalid_field', 'users');
    await refused(path, { appid: app, users: {} }, 400, 'invalid_field', 'users');
    await refused(path, { appid: app, users: [{}, 3] }, 400, 'invalid_field', 'users[1]');
    await refused(path, { appid: app, count: 1, extra: 1 }, 400, 'invalid_field', 'extra');
    await refused(path, { appid: app, count: 1, returnIds: 1 }, 400, 'invalid_field', 'returnIds');
    const bad: [Record<string, unknown>, string][] = [
      [{ foo: 1 }, 'users[1].foo'],
      [{ openid: 'short' }, 'users[1].openid'],
      [{ gender: 3 }, 'users[1].gender'],
      [{ language: 'fr' }, 'users[1].language'],
      [{ phone: 'abc' }, 'users[1].phone'],
      [{ phone: { countryCode: '86' } }, 'users[1].phone'],
      [{ blocked: 'yes' }, 'users[1].blocked'],
      [{ nickName: '' }, 'users[1].nickName'],
      [{ city: 1 }, 'users[1].city'],
      [{ sessionKey: 'abc' }, 'users[1].sessionKey'],
      [{ unionid: 'oUnion' }, 'users[1].unionid'],
    ];
    for (const [spec, field] of bad) {
      await refused(
        path,
        { appid: unbound().appid, users: [{}, spec, {}] },
        400,
        'invalid_field',
        field,
      );
    }
    const malformed = await h
      .http()
      .post(`/__mock/v1${path}`)
      .set('content-type', 'application/json')
      .send('{"appid"');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('invalid_json');
  });

  it('answers 404 for an unknown app and 409 for a taken or repeated openid', async () => {
    const path = '/wechat/users/bulk';
    await refused(path, { appid: 'wx0000000000000000', count: 5 }, 404, 'unknown_app');
    await refused(
      path,
      { appid: DEMO_APPID, users: [{}, { openid: DEMO_OPENID }] },
      409,
      'user_exists',
    );
    const twice = {
      appid: DEMO_APPID,
      users: [{ openid: 'oTwiceTwice' }, { openid: 'oTwiceTwice' }],
    };
    await refused(path, twice, 409, 'user_exists');
  });

  it('creates users who log in: wx.login, then jscode2session', async () => {
    const res = await post('/wechat/users/bulk', { appid: DEMO_APPID, count: 10 }).expect(201);
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID, openid: res.body.lastOpenid });
    const exchanged = await h.exchange(code).expect(200);
    expect(exchanged.body).toMatchObject({
      openid: res.body.lastOpenid,
      session_key: expect.any(String),
    });
  });

  it('creates GenAuth accounts who log in by e-mail with their password', async () => {
    const users = Array.from({ length: 1000 }, (_, i) => ({
      email: `bulk${i}@example.com`,
      ...(i % 2 === 0 ? { password: 'bulk-pass-1' } : {}),
      nickname: `n${i}`,
    }));
    const res = await post('/genauth/users/bulk', { poolId: poolId(), users }).expect(201);
    expect(res.body).toEqual({
      poolId: poolId(),
      created: 1000,
      firstId: expect.stringMatching(/^[0-9a-f]{24}$/),
      lastId: expect.stringMatching(/^[0-9a-f]{24}$/),
    });
    const body = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 'bulk998@example.com', password: rsa('bulk-pass-1') } },
      poolHeaders(mock),
    );
    expect(body.errors).toBeUndefined();
    const logged = body.data?.['loginByEmail'] as { id: string; token: string };
    expect(logged).toEqual({ id: expect.any(String), token: expect.any(String) });
    const wrong = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 'bulk998@example.com', password: rsa('not-it') } },
      poolHeaders(mock),
    );
    expect(wrong.data?.['loginByEmail'] ?? null).toBeNull();

    const ids = await post('/genauth/users/bulk', {
      poolId: poolId(),
      users: [{ username: 'bulk-a' }, { phone: '13700000001' }],
      returnIds: true,
    }).expect(201);
    expect(ids.body.ids).toEqual([ids.body.firstId, ids.body.lastId]);
  });

  it('refuses bad GenAuth input, unknown pools and taken identifiers, creating nobody', async () => {
    const path = '/genauth/users/bulk';
    const pool = poolId();
    await refused(path, { users: [{}] }, 400, 'invalid_field', 'poolId');
    await refused(path, { poolId: pool }, 400, 'invalid_field', 'users');
    await refused(path, { poolId: pool, users: [] }, 400, 'invalid_field', 'users');
    await refused(path, { poolId: pool, users: [{}], more: 1 }, 400, 'invalid_field', 'more');
    const tooMany = Array.from({ length: 100_001 }, () => ({}));
    await refused(path, { poolId: pool, users: tooMany }, 400, 'invalid_field', 'users');
    const bad: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'users[1].email'],
      [{ email: 7 }, 'users[1].email'],
      [{ phone: '12ab' }, 'users[1].phone'],
      [{ password: '' }, 'users[1].password'],
      [{ passwordHash: 'plain' }, 'users[1].passwordHash'],
      [
        { password: 'x12345', passwordHash: `scrypt$ab$${'0'.repeat(64)}` },
        'users[1].passwordHash',
      ],
      [{ passwordLevel: 2 }, 'users[1].passwordLevel'],
      [{ identities: [] }, 'users[1].identities'],
    ];
    for (const [spec, field] of bad) {
      await refused(path, { poolId: pool, users: [{}, spec, {}] }, 400, 'invalid_field', field);
    }
    await refused(path, { poolId: 'nopool', users: [{}] }, 404, 'unknown_pool');
    const taken = mock.store.fixtures.genauth.accounts.find((a) => a.poolId === pool && a.email)!;
    const dupes = [{ email: 'fresh@example.com' }, { email: taken.email!.toUpperCase() }];
    await refused(path, { poolId: pool, users: dupes }, 409, 'user_exists');
    const repeated = [{ username: 'same-name' }, { username: 'same-name' }];
    await refused(path, { poolId: pool, users: repeated }, 409, 'user_exists');
  });

  it('is the same in process: mock.control.{wechat,genauth}.bulkCreateUsers', () => {
    const w = mock.control.wechat.bulkCreateUsers({ appid: DEMO_APPID, count: 2, returnIds: true });
    expect(w).toMatchObject({
      appid: DEMO_APPID,
      created: 2,
      openids: [w.firstOpenid, w.lastOpenid],
    });
    const g = mock.control.genauth.bulkCreateUsers({
      poolId: poolId(),
      users: [{ email: 'p@x.io' }],
    });
    expect(g).toMatchObject({ created: 1, firstId: g.lastId });
    expect(() => mock.control.genauth.bulkCreateUsers({ poolId: 'nopool', users: [{}] })).toThrow(
      expect.objectContaining({ status: 404, error: 'unknown_pool' }),
    );
  });
});
