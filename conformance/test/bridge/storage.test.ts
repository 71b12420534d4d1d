import { createWxBridge, WxStorage } from '../../src/bridge';

type Api = Record<string, (...args: unknown[]) => unknown>;

function wx(storage?: WxStorage): Api {
  return createWxBridge({
    baseUrl: 'http://127.0.0.1:9',
    appid: 'wx0',
    ...(storage ? { storage } : {}),
  }).api as Api;
}

describe('wx storage', () => {
  test('a missing key reads as an empty string; values come back as copies', () => {
    const api = wx();
    expect(api.getStorageSync!('_authing_token')).toBe('');
    const user = { id: 'u1', nested: { n: 1 } };
    api.setStorageSync!('_authing_user', user);
    const read = api.getStorageSync!('_authing_user') as typeof user;
    expect(read).toEqual(user);
    expect(read).not.toBe(user);
    user.nested.n = 2;
    expect((api.getStorageSync!('_authing_user') as typeof user).nested.n).toBe(1);
    api.setStorageSync!('t', null);
    expect(api.getStorageSync!('t')).toBeNull();
    api.removeStorageSync!('t');
    expect(api.getStorageSync!('t')).toBe('');
  });

  test('sync calls throw on error: bad key, entry over 1 MB, total over 10 MB', () => {
    const api = wx(new WxStorage({ total: 3 * 1024 * 1024 }));
    expect(() => api.setStorageSync!(42, 'x')).toThrow(/^setStorageSync:fail parameter error/);
    expect(() => api.setStorageSync!('big', 'x'.repeat(1024 * 1024))).toThrow(
      'setStorageSync:fail entry size limit reached',
    );
    api.setStorageSync!('a', 'x'.repeat(1000 * 1000));
    api.setStorageSync!('b', 'x'.repeat(1000 * 1000));
    api.setStorageSync!('c', 'x'.repeat(1000 * 1000));
    expect(() => api.setStorageSync!('d', 'x'.repeat(1000 * 1000))).toThrow(
      'setStorageSync:fail storage limit reached',
    );
    api.setStorageSync!('a', 'smaller');
    api.setStorageSync!('d', 'x'.repeat(1000 * 1000));
    expect((api.getStorageInfoSync!() as { keys: string[] }).keys).toEqual(['a', 'b', 'c', 'd']);
  });

  test('the default limits are WeChat’s: 1 MB per key, 10 MB in all', () => {
    const s = new WxStorage();
    expect(s.limits).toEqual({ perKey: 1048576, total: 10485760 });
    expect(s.info().limitSize).toBe(10240);
  });

  test('async variants: promise style without callbacks, getStorage fails with data not found', async () => {
    const api = wx();
    await expect(api.setStorage!({ key: 'k', data: { v: 1 } })).resolves.toEqual({
      errMsg: 'setStorage:ok',
    });
    await expect(api.getStorage!({ key: 'k' })).resolves.toEqual({
      errMsg: 'getStorage:ok',
      data: { v: 1 },
    });
    await expect(api.getStorage!({ key: 'missing' })).rejects.toMatchObject({
      errMsg: 'getStorage:fail data not found',
    });
    const viaCallback = await new Promise((resolve) => {
      const ret = api.getStorage!({ key: 'missing', fail: resolve });
      expect(ret).toBeUndefined();
    });
    expect(viaCallback).toMatchObject({ errMsg: 'getStorage:fail data not found' });
    await api.removeStorage!({ key: 'k' });
    expect(api.getStorageSync!('k')).toBe('');
  });

  test('removeStorage(Sync) with a missing or non-string key fails with parameter error, removing nothing', async () => {
    const api = wx();
    api.setStorageSync!('42', 'kept');
    expect(() => api.removeStorageSync!()).toThrow(
      'removeStorageSync:fail parameter error: parameter.key should be String instead of undefined;',
    );
    let thrown: unknown;
    try {
      api.removeStorageSync!(42);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toMatchObject({
      message:
        'removeStorageSync:fail parameter error: parameter.key should be String instead of number;',
      errno: 1001,
    });
    await expect(api.removeStorage!({})).rejects.toEqual({
      errMsg:
        'removeStorage:fail parameter error: parameter.key should be String instead of undefined;',
      errno: 1001,
    });
    const viaCallback = await new Promise((resolve) =>
      api.removeStorage!({ key: 42, fail: resolve }),
    );
    expect(viaCallback).toEqual({
      errMsg:
        'removeStorage:fail parameter error: parameter.key should be String instead of number;',
      errno: 1001,
    });
    expect(api.getStorageSync!('42')).toBe('kept');
  });

  test('storage handed to a new bridge survives (an app restart)', () => {
    const storage = new WxStorage();
    wx(storage).setStorageSync!('_authing_token', 'jwt');
    expect(wx(storage).getStorageSync!('_authing_token')).toBe('jwt');
    expect(wx().getStorageSync!('_authing_token')).toBe('');
  });
});
