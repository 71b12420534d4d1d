/**
 * The official authing-wxapp-sdk@4.3.22-alpha.7, unmodified, through its four WeChat methods
 * against the mock (real wx.login codes and real encrypted data from the control surface).
 */
import {
  DEMO_APPID,
  DEMO_NICKNAME,
  DEMO_OPENID,
  DEMO_PHONE,
  DEMO_UNIONID,
} from '@genauth-wxapp/fixtures';

import { pickedFiles, rejection, storage, wxClient, officialMock } from './harness';
import { wxLogin } from './mockkit';

const mock = officialMock();
const fx = () => mock.store.fixtures.genauth;
const client = (onError?: unknown) =>
  wxClient(mock.url, {
    userPoolId: fx().pools[0]!.id,
    appId: fx().apps[0]!.id,
    ...(onError ? { onError } : {}),
  });

const userInfo = (openid: string) => mock.control.wechat.userInfo({ appid: DEMO_APPID, openid });
const phoneNumber = (openid: string) =>
  mock.control.wechat.phoneNumber({ appid: DEMO_APPID, openid });

describe('loginByCode', () => {
  it('creates a user for a new WeChat user, then returns the same account, storing user and token', async () => {
    const sdk = client();
    const { code, openid } = await wxLogin(mock, DEMO_APPID);
    const user = await sdk.loginByCode(code);
    expect(user).toMatchObject({
      openid,
      registerSource: ['wechat:miniprogram:default'],
      userPoolId: fx().pools[0]!.id,
    });
    expect(user.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(storage.get('_authing_token')).toBe(user.token);
    expect(storage.get('_authing_user')).toMatchObject({ id: user.id });

    const again = await sdk.loginByCode((await wxLogin(mock, DEMO_APPID, openid)).code);
    expect(again.id).toBe(user.id);
    expect(again.loginsCount).toBe(2);
    expect((await sdk.checkLoginStatus()).status).toBe(true);
  });

  it('takes the profile from rawData', async () => {
    const { code } = await wxLogin(mock, DEMO_APPID);
    const rawData = JSON.stringify({
      nickName: '小明',
      avatarUrl: 'https://wx.example/a.png',
      gender: 1,
    });
    const user = await client().loginByCode(code, { rawData });
    expect(user).toMatchObject({
      nickname: '小明',
      photo: 'https://wx.example/a.png',
      gender: 'M',
    });
  });

  it('decrypts iv + encryptedData with the session key of the code (demo user, unionid)', async () => {
    const { code } = await wxLogin(mock, DEMO_APPID, DEMO_OPENID);
    const { iv, encryptedData } = await userInfo(DEMO_OPENID);
    const user = await client().loginByCode(code, { iv, encryptedData });
    expect(user).toMatchObject({
      nickname: DEMO_NICKNAME,
      openid: DEMO_OPENID,
      unionid: DEMO_UNIONID,
    });
    const me = await client().getCurrentUser();
    expect(me.identities).toEqual([
      expect.objectContaining({
        provider: 'wechat:miniprogram',
        openid: DEMO_OPENID,
        userIdInIdp: DEMO_UNIONID,
      }),
    ]);
  });

  it('maps a used code to 2500 with the WeChat errcode in data and fires onError', async () => {
    const { code } = await wxLogin(mock, DEMO_APPID);
    await client().loginByCode(code);
    storage.clear();
    const calls: unknown[][] = [];
    const err = await rejection(client((...a: unknown[]) => calls.push(a)).loginByCode(code));
    expect(JSON.parse((err as Error).message)).toMatchObject({
      code: 2500,
      data: { errcode: 40163 },
    });
    expect(calls).toEqual([[2500, '微信登录失败', expect.objectContaining({ errcode: 40163 })]]);
    expect(storage.has('_authing_token')).toBe(false);
  });

  it('surfaces a wrong appSecret in the GenAuth connection as 2500 / errcode 40125', async () => {
    const pool = mock.store.genauth.pools.get(fx().pools[0]!.id)!;
    const app = fx().apps[0]!;
    pool.apps.set(app.id, { ...app, connection: { ...app.connection!, secret: 'not-the-secret' } });
    const { code } = await wxLogin(mock, DEMO_APPID);
    const err = await rejection(client().loginByCode(code));
    expect(err).toMatchObject({ code: 2500, message: '微信登录失败', data: { errcode: 40125 } });
  });

  it('rejects encryptedData that does not decrypt with 2501 (-41003)', async () => {
    const { code } = await wxLogin(mock, DEMO_APPID, DEMO_OPENID);
    const { iv } = await userInfo(DEMO_OPENID);
    const bad = Buffer.alloc(32, 7).toString('base64');
    const err = await rejection(client().loginByCode(code, { iv, encryptedData: bad }));
    expect(err).toMatchObject({ code: 2501, data: { errcode: -41003 } });
  });
});

describe('getPhone and loginByPhone', () => {
  it('getPhone decrypts the phone and stores nothing', async () => {
    const { code } = await wxLogin(mock, DEMO_APPID, DEMO_OPENID);
    const { iv, encryptedData } = await phoneNumber(DEMO_OPENID);
    const phone = await client().getPhone(code, iv, encryptedData);
    expect(phone).toEqual({
      countryCode: '86',
      phoneNumber: DEMO_PHONE,
      purePhoneNumber: DEMO_PHONE,
      openid: DEMO_OPENID,
      unionid: DEMO_UNIONID,
    });
    expect(storage.size).toBe(0);
  });

  it('loginByPhone binds the WeChat identity to the account that owns the phone', async () => {
    const account = fx().accounts[0]!;
    mock.control.wechat.upsertUser({
      appid: DEMO_APPID,
      openid: DEMO_OPENID,
      phone: account.phone,
    });
    const { code } = await wxLogin(mock, DEMO_APPID, DEMO_OPENID);
    const { iv, encryptedData } = await phoneNumber(DEMO_OPENID);
    const user = await client().loginByPhone(code, iv, encryptedData);
    expect(user).toMatchObject({ id: account.id, phone: account.phone, openid: DEMO_OPENID });
    expect(storage.get('_authing_token')).toBe(user.token);
  });

  it('loginByPhone creates a user with the phone when nobody has it', async () => {
    const { code } = await wxLogin(mock, DEMO_APPID, DEMO_OPENID);
    const { iv, encryptedData } = await phoneNumber(DEMO_OPENID);
    const user = await client().loginByPhone(code, iv, encryptedData);
    expect(user).toMatchObject({ phone: DEMO_PHONE, phoneVerified: true, unionid: DEMO_UNIONID });
    expect(fx().accounts.some((a) => a.id === user.id)).toBe(false);
  });
});

describe('updateAvatar', () => {
  it('uploads through wx.uploadFile (anonymous multipart) and saves the returned URL', async () => {
    // The upload accepts images only (by magic bytes): a PNG signature then some bytes.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('PNG-BYTES')]);
    pickedFiles.set('wxfile://tmp/avatar.png', png);
    const sdk = client();
    await sdk.loginByCode((await wxLogin(mock, DEMO_APPID)).code);
    const user = await sdk.updateAvatar();
    expect(user.photo).toMatch(new RegExp(`^${mock.url}/api/v2/upload/files/avatar/`));
    expect(storage.get('_authing_user')).toMatchObject({ photo: user.photo });
    expect(storage.get('_authing_token')).toBe(user.token);
    const served = await fetch(user.photo as string);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(png);
  });

  it('refuses to start without a login (请先登录！)', async () => {
    await expect(client().updateAvatar()).rejects.toThrow('请先登录！');
  });
});
