import { TOKEN_KEY, USER_KEY, type AuthenticationClient } from '../../src/node';

import type { MockHarness } from '../helpers/mock';
import { useMockHarness } from '../helpers/mock';
import { failure } from '../helpers/failure';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

const variables = async () =>
  ((await h.last('/graphql/v2')).body as { variables: Record<string, unknown> }).variables;

const full = () => h.account((a) => a.email && a.phone && a.subAccount);

async function loggedIn(options: Parameters<MockHarness['client']>[0] = {}) {
  const a = full();
  const made = h.client(options);
  const user = await made.client.loginByEmail(a.email!, a.password);
  return { ...made, user, account: a };
}

async function newWechatUser(client: AuthenticationClient) {
  return client.loginByCode();
}

describe('the current user', () => {
  it('getCurrentUser returns and stores the user with identities', async () => {
    const { client, storage, user } = await loggedIn();
    storage.remove(USER_KEY);
    const current = await client.getCurrentUser();
    expect(current).toMatchObject({ id: user.id, identities: expect.any(Array) });
    expect(storage.get(USER_KEY)).toEqual(current);
    expect(await variables()).toEqual({});
  });

  it('getCurrentUser is null when logged out, and onError still fires once', async () => {
    const onError = jest.fn();
    const { client } = h.client({ onError });
    await expect(client.getCurrentUser()).resolves.toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBe(2020);
  });

  it('updateProfile sends id + input (password dropped) and stores the result', async () => {
    const { client, storage, user } = await loggedIn();
    const updated = await client.updateProfile({
      nickname: '新昵称',
      password: 'ignored',
    } as never);
    expect(updated.nickname).toBe('新昵称');
    expect(await variables()).toEqual({ id: user.id, input: { nickname: '新昵称' } });
    expect((storage.get(USER_KEY) as { nickname: string }).nickname).toBe('新昵称');
    expect(storage.get(TOKEN_KEY)).toBe(updated.token);
  });

  it('updateProfile refuses email changes (2225) and needs a login state', async () => {
    const { client } = await loggedIn();
    expect(await failure(client.updateProfile({ email: 'x@example.com' }))).toMatchObject({
      kind: 'server',
      code: 2225,
    });
    const { client: anonymous } = h.client();
    expect(await failure(anonymous.updateProfile({ nickname: 'x' }))).toMatchObject({
      kind: 'not-logged-in',
      code: 2020,
      message: '请先登录！',
    });
  });

  it('works from a token alone (accessToken option), reading the user id from the JWT', async () => {
    const { user } = await loggedIn();
    const { client } = h.client({ accessToken: user.token! });
    expect(client.checkLoggedIn()).toBe(user.id);
    await expect(client.updateProfile({ nickname: 'tok' })).resolves.toMatchObject({ id: user.id });
  });
});

describe('credentials of the logged-in user', () => {
  it('updatePassword encrypts both passwords and stores nothing', async () => {
    const { client, storage, account } = await loggedIn();
    const before = [...storage.map.entries()];
    const user = await client.updatePassword('Changed-Pass-1', account.password);
    expect(user.id).toBe(account.id);
    expect(await variables()).toEqual({
      newPassword: expect.any(String),
      oldPassword: expect.any(String),
    });
    expect([...storage.map.entries()]).toEqual(before);
    await expect(client.loginByEmail(account.email!, 'Changed-Pass-1')).resolves.toMatchObject({
      id: account.id,
    });
    const wrongOld = await failure(client.updatePassword('Other-Pass-1', 'not-the-old-1'));
    expect(wrongOld.code).toBe(2203);
  });

  it('bindPhone / unbindPhone / bindEmail / unbindEmail / updatePhone / updateEmail', async () => {
    const { client, storage } = h.client();
    const wx = await newWechatUser(client);
    await client.sendSmsCode('13900002222');
    const bound = await client.bindPhone('13900002222', await h.lastCode('13900002222'));
    expect(bound.phone).toBe('13900002222');
    expect((storage.get(USER_KEY) as { phone: string }).phone).toBe('13900002222');
    await client.sendSmsCode('13900003333');
    const changed = await client.updatePhone('13900003333', await h.lastCode('13900003333'));
    expect(changed.phone).toBe('13900003333');
    expect(await variables()).toEqual({ phone: '13900003333', phoneCode: expect.any(String) });
    expect((storage.get(USER_KEY) as { phone: string }).phone).toBe('13900002222'); // not stored
    const unbound = await client.unbindPhone();
    expect(unbound.phone).toBeFalsy();
    expect(await variables()).toEqual({});

    await client.sendEmail('wx.user@example.com', 'VERIFY_EMAIL');
    const withEmail = await client.bindEmail(
      'wx.user@example.com',
      await h.lastCode('wx.user@example.com'),
    );
    expect(withEmail).toMatchObject({ id: wx.id, email: 'wx.user@example.com' });
    await client.sendEmail('wx.user2@example.com', 'CHANGE_EMAIL');
    const code = await h.lastCode('wx.user2@example.com');
    await expect(client.updateEmail('wx.user2@example.com', code)).resolves.toMatchObject({
      email: 'wx.user2@example.com',
    });
    await expect(client.unbindEmail()).resolves.toMatchObject({ id: wx.id });
    await expect(client.bindPhone('13900004444', '000000')).rejects.toMatchObject({ code: 2001 });
  });
});

describe('tokens and logout', () => {
  it('refreshToken stores only the new token', async () => {
    const { client, storage, user } = await loggedIn();
    const refreshed = await client.refreshToken();
    expect(typeof refreshed.token).toBe('string');
    expect(typeof refreshed.exp).toBe('number');
    expect(storage.get(TOKEN_KEY)).toBe(refreshed.token);
    expect((storage.get(USER_KEY) as { token: string }).token).toBe(user.token);
    expect(await variables()).toEqual({});
  });

  it('logout revokes the token and clears storage; a failed logout keeps it', async () => {
    const { client, storage, user } = await loggedIn();
    await expect(client.logout()).resolves.toBeUndefined();
    const sent = await h.last('/api/v2/logout');
    expect(sent.query).toEqual({ app_id: h.app.appId });
    expect(sent.headers['authorization']).toBe(`Bearer ${user.token}`);
    expect(storage.map.size).toBe(0);
    await expect(client.checkLoginStatus(user.token!)).resolves.toMatchObject({ status: false });

    const onError = jest.fn();
    const { client: stale, storage: staleStorage } = h.client({ token: user.token!, onError });
    const error = await failure(stale.logout());
    expect(error.kind).toBe('server');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(staleStorage.get(TOKEN_KEY)).toBe(user.token);
  });
});

describe('user-defined data', () => {
  it('setUdv / listUdv / removeUdv / setUdfValue / getUdfValue / removeUdfValue', async () => {
    const { client, user } = await loggedIn();
    expect(await client.listUdv()).toEqual([]);
    expect(await variables()).toEqual({ targetType: 'USER', targetId: user.id });
    const keyOf = (type: string) => h.udfs.find((d) => d.dataType === type)!.key;
    const numberKey = keyOf('NUMBER');
    const stringKey = keyOf('STRING');
    const dateKey = keyOf('DATETIME');
    const afterSet = await client.setUdv(numberKey, 18);
    expect(await variables()).toMatchObject({ key: numberKey, value: '18' });
    expect(afterSet.find((d) => d.key === numberKey)?.value).toBe(18);
    await client.setUdfValue({ [stringKey]: 'ucla', [numberKey]: 20 });
    expect(await variables()).toMatchObject({
      udvList: [
        { key: stringKey, value: '"ucla"' },
        { key: numberKey, value: '20' },
      ],
    });
    await expect(client.getUdfValue()).resolves.toMatchObject({
      [stringKey]: 'ucla',
      [numberKey]: 20,
    });
    const listed = await client.setUdv(dateKey, 1700000000000);
    expect(listed.find((d) => d.key === dateKey)?.value).toEqual(new Date(1700000000000));
    expect(listed.find((d) => d.key === stringKey)?.value).toBe('ucla');
    const removed = await client.removeUdv(numberKey);
    expect(removed.find((d) => d.key === numberKey)?.value ?? null).toBeNull();
    await client.removeUdfValue(stringKey);
    expect(await client.getUdfValue()).not.toHaveProperty(stringKey, 'ucla');
    await expect(client.setUdfValue({})).rejects.toMatchObject({ kind: 'invalid-argument' });
    await expect(client.setUdv('no_such_field', 1)).rejects.toMatchObject({
      kind: 'server',
      code: 2400,
    });
  });
});

describe('me endpoints', () => {
  it('listOrgs, getSecurityLevel, listApplications, listAuthorizedResources', async () => {
    const { client, user } = await loggedIn();
    expect(Array.isArray(await client.listOrgs())).toBe(true);
    const level = await client.getSecurityLevel();
    expect(typeof level.score).toBe('number');
    const apps = await client.listApplications({ page: 1, limit: 5 });
    expect(apps).toMatchObject({ totalCount: expect.any(Number), list: expect.any(Array) });
    expect((await h.last('/api/v2/users/me/applications/allowed')).query).toEqual({
      page: '1',
      limit: '5',
    });
    const resources = await client.listAuthorizedResources('default');
    expect(resources).toMatchObject({ totalCount: expect.any(Number), list: expect.any(Array) });
    expect(await variables()).toEqual({ id: user.id, namespace: 'default' });
    for (const r of resources.list)
      for (const value of Object.values(r)) expect(value).toBeTruthy();
  });

  it('me endpoints without a token are 2020 server errors', async () => {
    const { client } = h.client();
    expect(await failure(client.getSecurityLevel())).toMatchObject({ kind: 'server', code: 2020 });
  });

  it('linkAccount / unLinkAccount answer the official constants', async () => {
    const { client, user } = await loggedIn();
    const { client: wxClient } = h.client();
    const social = await newWechatUser(wxClient);
    await expect(
      client.linkAccount({ primaryUserToken: user.token!, secondaryUserToken: social.token! }),
    ).resolves.toEqual({ code: 200, message: '绑定成功' });
    expect((await h.last('/api/v2/users/link')).body).toEqual({
      primaryUserToken: user.token,
      secondaryUserToken: social.token,
    });
    await expect(
      client.unLinkAccount({ primaryUserToken: user.token!, provider: 'wechat:miniprogram' }),
    ).resolves.toEqual({ code: 200, message: '解绑成功' });
    expect((await h.last('/api/v2/users/unlink')).body).toEqual({
      primaryUserToken: user.token,
      provider: 'wechat:miniprogram',
    });
  });
});
