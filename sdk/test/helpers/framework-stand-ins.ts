import type { TaroLike, UniLike, WxLike } from '../../src/node';

interface Fail {
  errMsg: string;
  errno?: number;
}
interface Callbacks {
  success?(res: unknown): void;
  fail?(err: Fail): void;
}
type CallbackApi = (o: Callbacks & Record<string, unknown>) => unknown;

/**
 * A Taro stand-in over a callback `wx`: every API in its promise form, resolving the result
 * with `errMsg: '<api>:ok'` and rejecting with Taro's `{ errMsg }` (TaroGeneral.CallbackResult).
 * `failures` scripts a rejection for the next call of an API.
 */
export function createTaroStandIn(wx: WxLike, failures: Record<string, Fail[]> = {}) {
  const calls: { api: string; options: Record<string, unknown> }[] = [];
  const promised =
    (api: string) =>
    (options: Record<string, unknown> = {}): Promise<never> => {
      calls.push({ api, options });
      const scripted = failures[api]?.shift();
      if (scripted) return Promise.reject(scripted);
      const fn = (wx as unknown as Record<string, CallbackApi>)[api];
      return new Promise((resolve, reject) => {
        fn!.call(wx, {
          ...options,
          success: (res: unknown) => resolve({ ...(res as object), errMsg: `${api}:ok` } as never),
          fail: reject,
        });
      });
    };
  const taro = {
    request: promised('request'),
    uploadFile: promised('uploadFile'),
    login: promised('login'),
    chooseMedia: promised('chooseMedia'),
    getRandomValues: promised('getRandomValues'),
    getStorageSync: (key: string) => wx.getStorageSync(key),
    setStorageSync: (key: string, value: unknown) => wx.setStorageSync(key, value),
    removeStorageSync: (key: string) => wx.removeStorageSync(key),
  } satisfies TaroLike;
  return { taro: taro as TaroLike, calls };
}

/**
 * A uni-app (Vue 2) stand-in over a callback `wx`: with `success` / `fail` it calls them; without
 * any callback it returns Vue 2's promise form, resolving `[err, res]`. It has `chooseImage` but
 * no `chooseMedia` and no `getRandomValues`; `failures` scripts the next `fail` of an API.
 */
export function createUniStandIn(wx: WxLike, failures: Record<string, Fail[]> = {}) {
  const calls: { api: string; callbacks: boolean }[] = [];
  const uniApi =
    (api: string, run: (o: Callbacks & Record<string, unknown>) => void) =>
    (options: Callbacks & Record<string, unknown>): unknown => {
      const callbacks = typeof options.success === 'function' || typeof options.fail === 'function';
      calls.push({ api, callbacks });
      const call = (o: Callbacks & Record<string, unknown>) => {
        const scripted = failures[api]?.shift();
        if (scripted) setImmediate(() => o.fail?.(scripted));
        else run(o);
      };
      if (callbacks) return void call(options);
      return new Promise((resolve) =>
        call({
          ...options,
          success: (res) => resolve([null, res]),
          fail: (err) => resolve([err, undefined]),
        }),
      );
    };
  const forward = (api: string) =>
    uniApi(api, (o) => (wx as unknown as Record<string, CallbackApi>)[api]!.call(wx, o));
  const uni = {
    request: forward('request'),
    uploadFile: forward('uploadFile'),
    login: forward('login'),
    chooseImage: uniApi('chooseImage', (o) =>
      (wx.chooseMedia as unknown as CallbackApi).call(wx, {
        count: 1,
        mediaType: ['image'],
        success: (res: unknown) =>
          o.success?.({
            tempFilePaths: (res as { tempFiles: { tempFilePath: string }[] }).tempFiles.map(
              (f) => f.tempFilePath,
            ),
          }),
        fail: (err: Fail) => o.fail?.({ errMsg: err.errMsg.replace('chooseMedia', 'chooseImage') }),
      }),
    ),
    getStorageSync: (key: string) => wx.getStorageSync(key),
    setStorageSync: (key: string, value: unknown) => wx.setStorageSync(key, value),
    removeStorageSync: (key: string) => wx.removeStorageSync(key),
  };
  return { uni: uni as unknown as UniLike, calls };
}
