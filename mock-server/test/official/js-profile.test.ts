/**
 * The official AuthenticationClient's signed-in methods against the mock: current user, profile,
 * password / phone / e-mail changes, bindings, UDF, tokens, logout, orgs, security level,
 * applications, link / unlink, authorized resources, LDAP / AD.
 */
import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { rejection, storage, wxClient, type WxClient, officialMock } from './harness';
import { lastCode, wxLogin } from './mockkit';

const mock = officialMock();
const fx = () => mock.store.fixtures.genauth;
const ids = () => ({ userPoolId: fx().pools[0]!.id, appId: fx().apps[0]!.id });
const alice = () => fx().accounts[0]!;
let sdk: WxClient;

beforeEach(async () => {
  sdk = wxClient(mock.url, ids());
  await sdk.loginByEmail(alice().email, alice().password);
});

describe('current user and profile', () => {
  it('getCurrentUser returns the user with the current token; null (and onError) without a login', async () => {
    const token = storage.get('_authing_token');
    const me = await sdk.getCurrentUser();
    expect(me).toMatchObject({ id: alice().id, email: alice().email, token });
    storage.clear();
    const calls: unknown[][] = [];
    const anon = wxClient(mock.url, {
      ...ids(),
      onError: (...a: unknown[]) => calls.push(a),
    } as never);
    expect(await anon.getCurrentUser()).toBeNull();
    expect(calls[0]).toEqual([2020, '尚未登录，无权限访问此请求', null]);
  });

  it('updateProfile keeps the token in storage; e-mail 2225, phone 2226, unionid refused', async () => {
    const token = storage.get('_authing_token');
    const user = await sdk.updateProfile({ nickname: '新昵称', city: '杭州' });
    expect(user).toMatchObject({ nickname: '新昵称', city: '杭州', token });
    expect(storage.get('_authing_token')).toBe(token);
    expect(await rejection(sdk.updateProfile({ email: 'x@example.com' }))).toMatchObject({
      code: 2225,
    });
    expect(await rejection(sdk.updateProfile({ phone: '13000000000' }))).toMatchObject({
      code: 2226,
    });
    expect(await rejection(sdk.updateProfile({ unionid: 'u' }))).toMatchObject({ code: 2018 });
    expect((await sdk.getCurrentUser()).email).toBe(alice().email);
  });

  it('updatePassword needs the right old password (2201 / 2203) and stores nothing', async () => {
    expect(await rejection(sdk.updatePassword('N3w-password'))).toMatchObject({ code: 2201 });
    expect(await rejection(sdk.updatePassword('N3w-password', 'wrong-old'))).toMatchObject({
      code: 2203,
    });
    const before = storage.get('_authing_user');
    await sdk.updatePassword('N3w-password', alice().password);
    expect(storage.get('_authing_user')).toBe(before);
    await expect(sdk.loginByEmail(alice().email, 'N3w-password')).resolves.toMatchObject({
      id: alice().id,
    });
  });

  it('updatePhone / updateEmail verify the new and old codes', async () => {
    await sdk.sendSmsCode('13911112222');
    await sdk.sendSmsCode(alice().phone);
    const phoneUser = await sdk.updatePhone(
      '13911112222',
      await lastCode(mock, '13911112222'),
      alice().phone,
      '123456',
    );
    expect(phoneUser.phone).toBe('13911112222');
    await sdk.sendEmail('next@example.com', 'CHANGE_EMAIL');
    expect(await rejection(sdk.updateEmail('next@example.com', '000000'))).toMatchObject({
      code: 2001,
    });
    const emailUser = await sdk.updateEmail(
      'next@example.com',
      await lastCode(mock, 'next@example.com'),
    );
    expect(emailUser.email).toBe('next@example.com');
  });
});

describe('bindings', () => {
  it('bindPhone / unbindPhone / bindEmail / unbindEmail on a WeChat user; 2035, 2200, 2219', async () => {
    storage.clear();
    const wx = wxClient(mock.url, ids());
    await wx.loginByCode((await wxLogin(mock, DEMO_APPID)).code);
    expect(await rejection(wx.bindPhone(alice().phone, '123456'))).toMatchObject({ code: 2035 });
    await wx.sendSmsCode('13722223333');
    const bound = await wx.bindPhone('13722223333', await lastCode(mock, '13722223333'));
    expect(bound).toMatchObject({ phone: '13722223333', phoneVerified: true });
    expect(storage.get('_authing_user')).toMatchObject({ phone: '13722223333' });
    expect(await rejection(wx.unbindEmail())).toMatchObject({ code: 2219 });
    expect(await rejection(wx.bindEmail(alice().email, '654321'))).toMatchObject({ code: 2200 });
    await wx.sendEmail('wx@example.com', 'VERIFY_EMAIL');
    await wx.bindEmail('wx@example.com', await lastCode(mock, 'wx@example.com'));
    expect((await wx.unbindPhone()).phone).toBeNull();
    expect((await wx.unbindEmail()).email).toBeNull();
    expect(storage.get('_authing_token')).toEqual(expect.any(String));
  });

  it('refuses to unbind the last way to sign in (2217)', async () => {
    storage.clear();
    const phoneOnly = fx().accounts[2]!;
    const c = wxClient(mock.url, ids());
    await c.loginByPhonePassword(phoneOnly.phone, phoneOnly.password);
    expect(await rejection(c.unbindPhone())).toMatchObject({
      code: 2217,
      message: '只有一种登录方式，不能解绑',
    });
  });
});

describe('user-defined data', () => {
  it('setUdv / listUdv / removeUdv and the UDF helpers keep types (STRING unquoted)', async () => {
    await sdk.setUdv('school', 'pku');
    await sdk.setUdv('age', 18);
    await sdk.setUdfValue({ vip: true, birthday: 946684800000, prefs: { theme: 'dark' } });
    const list = await sdk.listUdv();
    expect(list).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'school', dataType: 'STRING', value: 'pku', label: '学校' }),
        expect.objectContaining({ key: 'age', dataType: 'NUMBER', value: 18 }),
      ]),
    );
    expect(await sdk.getUdfValue()).toMatchObject({
      school: 'pku',
      age: 18,
      vip: true,
      prefs: { theme: 'dark' },
    });
    await sdk.removeUdv('age');
    await sdk.removeUdfValue('vip');
    expect(Object.keys(await sdk.getUdfValue()).sort()).toEqual(['birthday', 'prefs', 'school']);
  });

  it('an undefined key (2400) or a wrong type (2401) changes nothing', async () => {
    expect(await rejection(sdk.setUdv('nope', 1))).toMatchObject({ code: 2400 });
    expect(await rejection(sdk.setUdfValue({ school: 'x', age: 'old' }))).toMatchObject({
      code: 2401,
    });
    expect(await sdk.getUdfValue()).toEqual({});
  });
});

describe('tokens', () => {
  it('checkLoginStatus reports 200, and 2020 / 2207 / 2206 as data', async () => {
    const token = storage.get('_authing_token') as string;
    expect(await sdk.checkLoginStatus()).toMatchObject({
      code: 200,
      message: '已登录',
      status: true,
      data: { id: alice().id },
    });
    expect(await sdk.checkLoginStatus(`${token}x`)).toMatchObject({
      code: 2207,
      status: false,
      exp: null,
      iat: null,
    });
    mock.clock.advance(16 * 24 * 3600 * 1000);
    expect(await sdk.checkLoginStatus()).toMatchObject({ code: 2206, status: false });
    storage.clear();
    expect(await wxClient(mock.url, ids()).checkLoginStatus()).toMatchObject({
      code: 2020,
      status: false,
    });
  });

  it('refreshToken stores a new valid token', async () => {
    const old = storage.get('_authing_token');
    mock.clock.advance(1000);
    const refreshed = await sdk.refreshToken();
    expect(refreshed).toEqual({
      token: expect.any(String),
      iat: expect.any(Number),
      exp: refreshed.iat + 15 * 24 * 3600,
    });
    expect(storage.get('_authing_token')).toBe(refreshed.token);
    expect(refreshed.token).not.toBe(old);
    expect((await sdk.checkLoginStatus()).status).toBe(true);
  });

  it('logout revokes the token server-side and clears storage', async () => {
    const token = storage.get('_authing_token') as string;
    await sdk.logout();
    expect(storage.has('_authing_token')).toBe(false);
    expect(storage.has('_authing_user')).toBe(false);
    expect(await sdk.checkLoginStatus(token)).toMatchObject({ code: 2206, status: false });
    const again = wxClient(mock.url, { ...ids(), token } as never);
    expect(await rejection(again.logout())).toMatchObject({ code: 2206 });
  });
});

describe('REST profile routes', () => {
  it('listOrgs, getSecurityLevel, listApplications', async () => {
    const orgs = (await sdk.listOrgs()) as { name: string }[][];
    expect(orgs).toHaveLength(1);
    expect(orgs[0]![0]!.name).toBe(fx().orgs[0]!.name);
    expect(await sdk.getSecurityLevel()).toEqual({
      score: 100,
      email: true,
      phone: true,
      password: true,
      passwordSecurityLevel: expect.any(Number),
      mfa: false,
    });
    const apps = await sdk.listApplications({ page: 1, limit: 1 });
    expect(apps.totalCount).toBe(2);
    expect(apps.list).toEqual([expect.objectContaining({ id: fx().apps[0]!.id })]);
  });

  it('listAuthorizedResources filters by namespace and type', async () => {
    const all = await sdk.listAuthorizedResources('default');
    expect(all.totalCount).toBe(2);
    const api = await sdk.listAuthorizedResources('default', { resourceType: 'API' });
    expect(api.list).toEqual([{ code: '/api/orders', type: 'API', actions: ['GET', 'POST'] }]);
  });

  it('linkAccount moves the WeChat identity onto the primary account; unLinkAccount removes it', async () => {
    const primary = storage.get('_authing_token') as string;
    storage.clear();
    const wx = wxClient(mock.url, ids());
    const secondary = (await wx.loginByCode((await wxLogin(mock, DEMO_APPID)).code))
      .token as string;
    expect(
      await wx.linkAccount({ primaryUserToken: primary, secondaryUserToken: secondary }),
    ).toEqual({ code: 200, message: '绑定成功' });
    const c = wxClient(mock.url, { ...ids(), token: primary } as never);
    expect((await c.getCurrentUser()).identities).toHaveLength(1);
    expect(
      await c.unLinkAccount({ primaryUserToken: primary, provider: 'wechat:miniprogram' }),
    ).toEqual({ code: 200, message: '解绑成功' });
    expect((await c.getCurrentUser()).identities).toHaveLength(0);
  });

  it('loginByLdap / loginByAd check the fixture directory (2333 on a wrong password)', async () => {
    storage.clear();
    const [ldap, ad] = fx().directory;
    const c = wxClient(mock.url, { ...ids(), websocketHost: mock.url } as never);
    const user = await c.loginByLdap(ldap!.username, ldap!.password);
    expect(user).toMatchObject({ email: ldap!.email, token: expect.any(String) });
    expect(storage.get('_authing_token')).toBe(user.token);
    expect((await c.loginByAd(ad!.username, ad!.password)).email).toBe(ad!.email);
    expect(await rejection(c.loginByLdap(ldap!.username, 'wrong'))).toMatchObject({ code: 2333 });
  });
});
