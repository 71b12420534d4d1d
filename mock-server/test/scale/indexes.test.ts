import { createMockServer } from '../../src';
import {
  createUser,
  deleteUser,
  findByIdentity,
  findUser,
  updateFields,
} from '../../src/genauth/model/users';
import { gql, login, LOGIN_BY_EMAIL, poolHeaders, rsa } from '../genauth/kit';

describe('GenAuth user indexes', () => {
  const mock = createMockServer();
  const ctx = mock.context;
  const pool = () => [...mock.store.genauth.pools.values()][0]!;
  afterEach(() => mock.reset());

  it('follows an e-mail change over the wire: the old e-mail is gone, the new one logs in', async () => {
    const account = mock.store.fixtures.genauth.accounts[0]!;
    const { headers } = await login(mock);
    const next = 'Moved.Account@Example.com';
    await gql(
      mock,
      'mutation s($e: String!) { sendEmail(email: $e, scene: CHANGE_EMAIL) { code } }',
      { e: next },
      headers,
    );
    const code = mock.store.genauth.messages.at(-1)!.code;
    const changed = await gql(
      mock,
      'mutation u($e: String!, $c: String!) { updateEmail(email: $e, emailCode: $c) { email } }',
      { e: next, c: code },
      headers,
    );
    expect(changed.errors).toBeUndefined();
    const by = (email: string) =>
      gql(
        mock,
        LOGIN_BY_EMAIL,
        { input: { email, password: rsa(account.password!) } },
        poolHeaders(mock),
      );
    expect((await by(account.email!)).errors?.[0]?.message.code).toBe(2004);
    expect((await by('moved.account@example.com')).data?.['loginByEmail']).toMatchObject({
      id: expect.any(String),
    });
  });

  it('keeps every field index in step with create, update and delete', () => {
    const p = pool();
    const user = createUser(ctx, p, {
      registerSource: ['basic:email'],
      email: 'Index.Me@Example.com',
      username: 'index-me',
      phone: '13900000001',
      externalId: 'ext-1',
    });
    expect(findUser(p, 'email', 'index.me@EXAMPLE.com')).toBe(user);
    expect(findUser(p, 'username', 'INDEX-ME')).toBeUndefined();
    expect(findUser(p, 'externalId', 'ext-1')).toBe(user);
    updateFields(p, user, { email: 'new@example.com', phone: null, username: 'renamed' });
    expect(findUser(p, 'email', 'Index.Me@Example.com')).toBeUndefined();
    expect(findUser(p, 'email', 'NEW@example.com')).toBe(user);
    expect(findUser(p, 'phone', '13900000001')).toBeUndefined();
    expect(findUser(p, 'username', 'index-me')).toBeUndefined();
    expect(findUser(p, 'username', 'renamed')).toBe(user);
    updateFields(p, user, { email: 'NEW@Example.com' });
    expect(findUser(p, 'email', 'new@example.com')).toBe(user);
    updateFields(p, user, { nickname: 'only a nickname' });
    expect(findUser(p, 'email', 'new@example.com')).toBe(user);
    deleteUser(p, user);
    expect(findUser(p, 'email', 'new@example.com')).toBeUndefined();
    expect(findUser(p, 'externalId', 'ext-1')).toBeUndefined();
  });

  it('finds identities and answers the first holder in pool order, like a scan', () => {
    const p = pool();
    const identity = {
      provider: 'wechat:miniprogram',
      connectionId: 'conn-x',
      extIdpId: 'conn-x',
      openid: 'o-index',
      userIdInIdp: 'o-index',
      isSocial: true,
      type: 'openid',
    };
    const first = createUser(ctx, p, { registerSource: ['x'] });
    const second = createUser(ctx, p, {
      registerSource: ['x'],
      unionid: 'u-shared',
      identities: [identity],
    });
    expect(findByIdentity(p, 'conn-x', 'o-index')).toBe(second);
    updateFields(p, first, { unionid: 'u-shared' });
    expect(findUser(p, 'unionid', 'u-shared')).toBe(first);
    updateFields(p, second, { identities: [] });
    expect(findByIdentity(p, 'conn-x', 'o-index')).toBeUndefined();
    updateFields(p, first, { identities: [identity] });
    expect(findByIdentity(p, 'conn-x', 'o-index')).toBe(first);
  });
});
