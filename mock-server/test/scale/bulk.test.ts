import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { createMockServer } from '../../src';
import { bulkCreateGenauthUsers } from '../../src/genauth/model/bulk';
import { hashPassword } from '../../src/genauth/model/passwords';
import { findUser } from '../../src/genauth/model/users';
import { bulkCreateWechatUsers } from '../../src/wechat/bulk';
import { login } from '../../src/wechat/client';
import { code2Session } from '../../src/wechat/model';
import { userKey } from '../../src/wechat/state';
import { gql, LOGIN_BY_EMAIL, poolHeaders, rsa } from '../genauth/kit';

describe('bulk creation', () => {
  const mock = createMockServer();
  const ctx = mock.context;
  const poolId = () => mock.store.fixtures.genauth.pools[0]!.id;
  afterEach(() => mock.reset());

  it('creates WeChat users that log in like any other, with unionids in bound apps', () => {
    const before = mock.store.wechat.users.size;
    const users = bulkCreateWechatUsers(ctx, DEMO_APPID, 1000);
    expect(mock.store.wechat.users.size).toBe(before + 1000);
    expect(new Set(users.map((u) => u.openid)).size).toBe(1000);
    expect(users[0]).toMatchObject({ appid: DEMO_APPID, nickName: '微信用户', phone: null });
    expect(users[0]!.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    expect(users[0]!.unionid).toMatch(/^o[A-Za-z0-9_-]{27}$/);
    const { code } = login(ctx, { appid: DEMO_APPID, openid: users[999]!.openid });
    const secret = mock.store.wechat.apps.get(DEMO_APPID)!.secret;
    expect(code2Session(ctx, { appid: DEMO_APPID, secret, js_code: code })).toMatchObject({
      openid: users[999]!.openid,
      unionid: users[999]!.unionid,
    });
  });

  it('takes specs, and refuses an existing openid before creating anything', () => {
    const [u] = bulkCreateWechatUsers(ctx, DEMO_APPID, [
      {
        openid: 'oBulkSpec0000000000000000001',
        phone: { countryCode: '86', purePhoneNumber: '13900000005' },
      },
    ]);
    expect(mock.store.wechat.users.get(userKey(DEMO_APPID, u!.openid))).toBe(u);
    const size = mock.store.wechat.users.size;
    expect(() => bulkCreateWechatUsers(ctx, DEMO_APPID, [{}, { openid: u!.openid }])).toThrow(
      /exists/,
    );
    expect(mock.store.wechat.users.size).toBe(size);
  });

  it('creates GenAuth users with a shared password (one scrypt) or a precomputed hash; both log in', async () => {
    const specs = Array.from({ length: 500 }, (_, i) => ({
      email: `Bulk${i}@Scale.Test`,
      password: 'S3cret-pass',
    }));
    const users = bulkCreateGenauthUsers(ctx, poolId(), specs);
    expect(new Set(users.map((u) => u.passwordHash)).size).toBe(1);
    const pool = mock.store.genauth.pools.get(poolId())!;
    expect(findUser(pool, 'email', 'bulk499@scale.test')).toBe(users[499]);
    const hashed = bulkCreateGenauthUsers(ctx, poolId(), [
      {
        username: 'bulk-hash',
        passwordHash: hashPassword('other-pass', 'ab'.repeat(16)),
        passwordLevel: 1,
      },
    ]);
    expect(hashed[0]).toMatchObject({
      username: 'bulk-hash',
      registerSource: ['basic:username-password'],
    });
    const byEmail = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 'bulk250@scale.test', password: rsa('S3cret-pass') } },
      poolHeaders(mock),
    );
    expect(byEmail.data?.['loginByEmail']).toMatchObject({ id: users[250]!.id });
    const wrong = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 'bulk250@scale.test', password: rsa('other-pass') } },
      poolHeaders(mock),
    );
    expect(wrong.errors?.[0]?.message.code).toBe(2333);
    const byUsername = await gql(
      mock,
      'mutation l($input: LoginByUsernameInput!) { loginByUsername(input: $input) { id } }',
      { input: { username: 'bulk-hash', password: rsa('other-pass') } },
      poolHeaders(mock),
    );
    expect(byUsername.data?.['loginByUsername']).toMatchObject({ id: hashed[0]!.id });
  });

  it('refuses a taken or repeated identifier (2026) and creates nothing', () => {
    const pool = mock.store.genauth.pools.get(poolId())!;
    const size = pool.users.size;
    const taken = mock.store.fixtures.genauth.accounts.find(
      (a) => a.poolId === poolId() && a.email,
    )!;
    const code = (specs: object[]) => {
      try {
        bulkCreateGenauthUsers(ctx, poolId(), specs);
      } catch (e) {
        return (e as { code: number }).code;
      }
      return 200;
    };
    expect(code([{ email: 'fresh@x.io' }, { email: taken.email!.toUpperCase() }])).toBe(2026);
    expect(code([{ phone: '13900000006' }, { phone: '13900000006' }])).toBe(2026);
    expect(code([{ email: 'not-an-email' }])).toBe(2003);
    expect(code([{ passwordHash: 'plain' }])).toBe(2510);
    expect(pool.users.size).toBe(size);
  });
});
