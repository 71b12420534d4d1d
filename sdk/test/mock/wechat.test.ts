import { GenAuthError, TOKEN_KEY, USER_KEY } from '../../src/node';

import type { MockHarness } from '../helpers/mock';
import { useMockHarness, tempImage } from '../helpers/mock';
import { failure } from '../helpers/failure';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

const WECHAT = '/connections/social/wechat-miniprogram';

describe('loginByCode', () => {
  it('logs in with a wx.login code, stores user and token, sends the official request', async () => {
    const { client, storage } = h.client();
    const { code, openid } = await h.wxLogin();
    const user = await client.loginByCode(code);
    expect(user.openid).toBe(openid);
    expect(typeof user.token).toBe('string');
    expect(storage.get(TOKEN_KEY)).toBe(user.token);
    expect(storage.get(USER_KEY)).toEqual(user);
    const sent = await h.last(`${WECHAT}/auth`);
    expect(sent.method).toBe('POST');
    expect(sent.body).toEqual({ code });
    expect(sent.headers).toMatchObject({
      'x-authing-app-id': h.app.appId,
      'x-authing-userpool-id': h.demo.userPoolId,
      'x-authing-request-from': 'wxapp',
      'x-authing-sdk-version': 'genauth-wxapp:0.1.0',
    });
    expect(sent.headers['authorization']).toBeUndefined();
  });

  it('fetches a code itself when none is given, and the same WeChat user gets the same account', async () => {
    const { client } = h.client();
    const first = await client.loginByCode();
    const { code } = await h.wxLogin(first.openid!);
    const again = await client.loginByCode(code);
    expect(again.id).toBe(first.id);
    expect((await h.last(`${WECHAT}/auth`)).headers['authorization']).toBe(`Bearer ${first.token}`);
  });

  it('applies the profile from rawData and from iv + encryptedData', async () => {
    const { client } = h.client();
    const { code, openid } = await h.wxLogin();
    const info = await h.userInfo(openid);
    const viaRaw = await client.loginByCode(code, { rawData: info.rawData });
    expect(viaRaw.nickname).toBe(info.userInfo['nickName']);
    const { code: code2 } = await h.wxLogin(openid);
    const info2 = await h.userInfo(openid);
    const viaCipher = await client.loginByCode(code2, {
      iv: info2.iv,
      encryptedData: info2.encryptedData,
    });
    expect(viaCipher.id).toBe(viaRaw.id);
    expect((await h.last(`${WECHAT}/auth`)).body).toEqual({
      code: code2,
      iv: info2.iv,
      encryptedData: info2.encryptedData,
    });
  });

  it('a spent code is a server error carrying the WeChat errcode; onError fires once; storage untouched', async () => {
    const onError = jest.fn();
    const { client, storage } = h.client({ onError });
    const { code } = await h.wxLogin();
    await client.loginByCode(code);
    const before = storage.get(TOKEN_KEY);
    const error = await failure(client.loginByCode(code));
    expect(error.kind).toBe('server');
    expect(error.code).not.toBe(200);
    expect(error.data).toMatchObject({ errcode: 40163 });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(error.code, error.message, error.data);
    expect(storage.get(TOKEN_KEY)).toBe(before);
  });
});

describe('getPhone and loginByPhone', () => {
  it('getPhone (legacy iv + encryptedData) returns the phone and stores nothing', async () => {
    const { client, storage } = h.client();
    const { code, openid } = await h.wxLogin();
    const button = await h.phoneNumber(openid);
    const phone = await client.getPhone(code, button.iv, button.encryptedData);
    expect(phone.purePhoneNumber).toMatch(/^\d{11}$/);
    expect(phone.countryCode).toBe('86');
    expect(phone.openid).toBe(openid);
    expect(storage.map.size).toBe(0);
    expect((await h.last(`${WECHAT}/getphone`)).body).toEqual({
      code,
      iv: button.iv,
      encryptedData: button.encryptedData,
    });
  });

  it('getPhone with the current phone-button code (e.detail.code)', async () => {
    const { client } = h.client();
    const { openid } = await h.wxLogin();
    const button = await h.phoneNumber(openid);
    const { code } = await h.wxLogin(openid);
    const phone = await client.getPhone(code, { phoneCode: button.code });
    expect(phone.purePhoneNumber).toMatch(/^\d{11}$/);
    expect((await h.last(`${WECHAT}/getphone`)).body).toEqual({ code, phoneCode: button.code });
  });

  it('loginByPhone (legacy and phone code) logs in with that phone and stores the user', async () => {
    const { client, storage } = h.client();
    const { code, openid } = await h.wxLogin();
    const button = await h.phoneNumber(openid);
    const user = await client.loginByPhone(code, button.iv, button.encryptedData);
    expect(user.phone).toMatch(/^\d{11}$/);
    expect(storage.get(USER_KEY)).toEqual(user);
    const button2 = await h.phoneNumber(openid);
    const again = await client.loginByPhone(undefined, { phoneCode: button2.code });
    expect(again.id).toBe(user.id);
    expect((await h.last(`${WECHAT}/auth-by-phone`)).body).toMatchObject({
      phoneCode: button2.code,
    });
  });
});

describe('updateAvatar', () => {
  it('uploads a chooseAvatar temp path and saves the URL as photo', async () => {
    const { client, storage } = h.client();
    await client.loginByCode();
    const user = await client.updateAvatar(tempImage());
    expect(user.photo).toMatch(/^http/);
    expect((storage.get(USER_KEY) as { photo: string }).photo).toBe(user.photo);
    const upload = await h.last('/api/v2/upload');
    expect(upload.method).toBe('POST');
    expect(upload.query).toEqual({ folder: 'avatar' });
    const served = await fetch(user.photo!);
    expect(served.status).toBe(200);
    const update = await h.last('/graphql/v2');
    expect(update.body).toMatchObject({ variables: { id: user.id, input: { photo: user.photo } } });
  });

  it('lets the user pick an image; a cancelled picker is a cancelled error and nothing is sent', async () => {
    const path = tempImage();
    const picks = [async () => path, async () => Promise.reject(cancelled())];
    const { client } = h.client({ chooseImage: () => picks.shift()!() });
    await client.loginByCode();
    await expect(client.updateAvatar()).resolves.toMatchObject({ photo: expect.any(String) });
    const before = (await h.requests('/api/v2/upload')).length;
    const error = await failure(client.updateAvatar());
    expect(error.kind).toBe('cancelled');
    expect((await h.requests('/api/v2/upload')).length).toBe(before);
  });

  it('needs a login state', async () => {
    const { client } = h.client();
    expect(await failure(client.updateAvatar(tempImage()))).toMatchObject({
      kind: 'not-logged-in',
      code: 2020,
    });
  });
});

function cancelled(): GenAuthError {
  // what createWxRuntime produces for `chooseMedia:fail cancel`
  return new GenAuthError({ kind: 'cancelled', code: -1, message: 'chooseMedia:fail cancel' });
}
