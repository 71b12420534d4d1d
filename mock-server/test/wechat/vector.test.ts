import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { decryptData, rawDataSignature } from '../../src/wechat/crypto';
import { wechatHarness } from './helpers';

/** End to end: the simulated client encrypts, the server answers the key, the backend decrypts. */
describe('encrypted data end to end', () => {
  const h = wechatHarness();
  const { mock } = h;

  const userInfo = (appid: string, openid: string) =>
    mock.control.wechat.userInfo({ appid, openid });
  const phone = (appid: string, openid: string) =>
    mock.control.wechat.phoneNumber({ appid, openid });

  it('reproduces the official vector user with a pinned session key', async () => {
    const { code } = await h.login(DEMO_APPID, {
      openid: DEMO_OPENID,
      sessionKey: DEMO_SESSION_KEY,
    });
    const { session_key } = (await h.exchange(code)).body as { session_key: string };
    expect(session_key).toBe(DEMO_SESSION_KEY);
    const res = userInfo(DEMO_APPID, DEMO_OPENID);
    const { rawData, signature, encryptedData, iv } = res;
    expect(signature).toBe(rawDataSignature(rawData, session_key));
    expect(JSON.parse(rawData)).toEqual(res.userInfo);
    expect(rawData).not.toMatch(/openId|unionId/);
    const plain = decryptData(session_key, encryptedData, iv, DEMO_APPID);
    expect(Object.keys(plain)).toEqual([
      'openId',
      'nickName',
      'gender',
      'language',
      'city',
      'province',
      'country',
      'avatarUrl',
      'unionId',
      'watermark',
    ]);
    expect(JSON.stringify(plain)).toBe(
      '{"openId":"oGZUI0egBJY1zhBYw2KhdUfwVJJE","nickName":"Band","gender":1,"language":"zh_CN","city":"Guangzhou","province":"Guangdong","country":"CN","avatarUrl":"http://wx.qlogo.cn/mmopen/vi_32/aSKcBBPpibyKNicHNTMM0qJVh8Kjgiak2AHWr8MHM4WgMEm7GFhsf8OYrySdbvAMvTsw3mo8ibKicsnfN5pRjl1p8HQ/0","unionId":"ocMvos6NjeKLIBqg5Mr9QjxrP1FA",' +
        `"watermark":{"timestamp":${mock.clock.nowSeconds()},"appid":"wx4f4bc4dec97d474b"}}`,
    );
  });

  it('pins any key given at login for an ordinary user', async () => {
    const key = 'HyVFkGl5F5OQWJZZaNzBBg==';
    const { code, openid } = await h.login(DEMO_APPID, { sessionKey: key });
    expect((await h.exchange(code)).body.session_key).toBe(key);
    const res = phone(DEMO_APPID, openid);
    const plain = decryptData(key, res.encryptedData, res.iv, DEMO_APPID);
    expect(Object.keys(plain)).toEqual([
      'phoneNumber',
      'purePhoneNumber',
      'countryCode',
      'watermark',
    ]);
    expect(plain['countryCode']).toBe('86');
  });

  it('after a rotating login, data encrypted under the old key no longer decrypts', async () => {
    const { code, openid } = await h.login(DEMO_APPID);
    const k1 = (await h.exchange(code)).body.session_key as string;
    const legacy = phone(DEMO_APPID, openid);
    expect(decryptData(k1, legacy.encryptedData, legacy.iv, DEMO_APPID)).toHaveProperty(
      'phoneNumber',
    );
    const again = await h.login(DEMO_APPID, { openid });
    const k2 = (await h.exchange(again.code)).body.session_key as string;
    expect(() => decryptData(k2, legacy.encryptedData, legacy.iv, DEMO_APPID)).toThrow();
    const fresh = userInfo(DEMO_APPID, openid);
    expect(decryptData(k2, fresh.encryptedData, fresh.iv, DEMO_APPID)).toHaveProperty(
      'openId',
      openid,
    );
  });

  it('leaves unionId out for an unbound app', async () => {
    const unbound = mock.store.fixtures.wechat.apps.find((a) => a.openPlatformId === null)!;
    const { code, openid } = await h.login(unbound.appid);
    const key = (await h.exchange(code, unbound.appid)).body.session_key as string;
    const res = userInfo(unbound.appid, openid);
    const plain = decryptData(key, res.encryptedData, res.iv, unbound.appid);
    expect(plain).not.toHaveProperty('unionId');
    expect(plain).toHaveProperty('openId', openid);
  });
});
