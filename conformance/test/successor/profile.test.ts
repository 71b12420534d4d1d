/** The successor SDK's profile calls: user info, profile and avatar updates, password, WeChat binding. */
import type { GenauthAccountFixture } from '@genauth-wxapp/fixtures';

import { mockPerFile, sdkFor, tenancy, type SdkUnderTest } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./taro').taroModule, { virtual: true });

const { mock, url } = mockPerFile();

/** An SDK signed in with the demo account's password. */
async function signedIn(): Promise<SdkUnderTest & { account: GenauthAccountFixture }> {
  const t = tenancy(mock);
  const account = mock.store.fixtures.genauth.accounts[0]!;
  const s = await sdkFor(url(), t);
  const [err] = await s.sdk.loginByPassword({
    passwordPayload: { email: account.email, password: account.password },
  });
  expect(err).toBeNull();
  return { ...s, account };
}

describe('@authing/miniapp-taro 5.1.18 profile', () => {
  test('getUserInfo sends the raw token and the query; withCustomData / withIdentities add their fields', async () => {
    const { sdk, account } = await signedIn();
    const [err, me] = await sdk.getUserInfo();
    expect(err).toBeNull();
    expect(me).toMatchObject({
      userId: account.id,
      email: account.email,
      username: account.username,
    });
    expect(me.identities).toBeUndefined();
    const sent = mock.control.journal.list({ path: '/api/v3/get-profile' }).at(-1)!;
    expect(sent.headers['authorization']).toMatch(/^ey/);
    const [, more] = await sdk.getUserInfo({ withCustomData: true, withIdentities: true });
    expect(more.identities).toEqual([]);
    expect(typeof more.customData).toBe('object');
  });

  test('updateUserInfo changes the profile; a field it may not set is 2510', async () => {
    const { sdk } = await signedIn();
    const [err, me] = await sdk.updateUserInfo({ nickname: 'Bob', city: '杭州', gender: 'M' });
    expect(err).toBeNull();
    expect(me).toMatchObject({ nickname: 'Bob', city: '杭州', gender: 'M' });
    const [, again] = await sdk.getUserInfo();
    expect(again.nickname).toBe('Bob');
    const [bad] = await sdk.updateUserInfo({ email: 'x@example.com' });
    expect(bad).toMatchObject({ statusCode: 400, apiCode: 2510 });
  });

  test('updateAvatar picks with chooseImage, uploads to /api/v2/upload and sets the photo', async () => {
    const { sdk, bridge } = await signedIn();
    const [err, upload] = await sdk.updateAvatar();
    expect(err).toBeNull();
    expect(upload.code).toBe(200);
    expect(upload.data.url).toContain('/api/v2/upload/files/avatar/');
    expect(bridge.media.calls[0]).toEqual({
      api: 'chooseImage',
      options: { count: 1, sourceType: ['album', 'camera'], sizeType: ['original'] },
    });
    const [, me] = await sdk.getUserInfo();
    expect(me.photo).toBe(upload.data.url);
    const image = await fetch(upload.data.url);
    expect(image.headers.get('content-type')).toBe('image/png');
  });

  test('updateAvatar: a cancelled picker is an error tuple', async () => {
    const { sdk, bridge } = await signedIn();
    bridge.media.next('cancel');
    const [err] = await sdk.updateAvatar();
    expect(err!.message).toContain('cancel');
  });

  test('updatePassword needs the old password; then the old one is 2333 and the new one signs in', async () => {
    const { sdk, account, t } = await signedIn();
    const [wrong] = await sdk.updatePassword({ newPassword: 'Fresh-pass-1', oldPassword: 'nope' });
    expect(wrong).toMatchObject({ statusCode: 400, apiCode: 2203 });
    const [err, env] = await sdk.updatePassword({
      newPassword: 'Fresh-pass-1',
      oldPassword: account.password,
    });
    expect(err).toBeNull();
    expect(env).toEqual({ statusCode: 200, message: '' });
    const fresh = await sdkFor(url(), t);
    const [old] = await fresh.sdk.loginByPassword({
      passwordPayload: { email: account.email, password: account.password },
    });
    expect(old).toMatchObject({ statusCode: 403, apiCode: 2333 });
    const [ok] = await fresh.sdk.loginByPassword({
      passwordPayload: { email: account.email, password: 'Fresh-pass-1' },
    });
    expect(ok).toBeNull();
  });

  test('bindWxByCode binds the WeChat identity of a fresh wx.login; bindPlatformByCode is the same call', async () => {
    const { sdk, bridge, account, t } = await signedIn();
    const [err, user] = await sdk.bindWxByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(err).toBeNull();
    expect(user.userId).toBe(account.id);
    expect(user.identities).toHaveLength(1);
    const [again] = await sdk.bindPlatformByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(again).toBeNull();
    // The bound WeChat user now signs in to the account.
    const wx = await sdkFor(url(), t, { openid: bridge.client.openid! });
    await wx.sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    const [, me] = await wx.sdk.getUserInfo();
    expect(me.userId).toBe(account.id);
  });

  test('bindWxByCode refuses a WeChat user already bound to another account (409)', async () => {
    const t = tenancy(mock);
    const other = await sdkFor(url(), t);
    await other.sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    const { bridge, t: signedInTenancy } = await signedIn();
    const state = bridge.storage.get(`authing:${signedInTenancy.appId}:login-state`) as object;
    // The other account's login state on the device of the bound WeChat user.
    const taken = await sdkFor(url(), t, { openid: other.bridge.client.openid! });
    await taken.sdk.saveLoginState(state);
    const [err] = await taken.sdk.bindWxByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
    expect(err).toMatchObject({ statusCode: 409, apiCode: 2026 });
  });
});
