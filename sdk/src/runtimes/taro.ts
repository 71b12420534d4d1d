import type { WxFail } from '../errors';
import type { Runtime } from '../runtime';
import {
  createWxRuntime,
  type Callbacks,
  type ChooseMediaOptions,
  type ChosenMedia,
  type HttpAnswer,
  type RequestOptions,
  type UploadOptions,
} from './wx';

/**
 * The Taro APIs the SDK uses (Taro 3 / 4, the default export of `@tarojs/taro`): the promise form of
 * `Taro.request`, `Taro.uploadFile`, `Taro.login`, `Taro.chooseMedia` / `Taro.chooseImage` and
 * `Taro.getRandomValues`, each resolving the result and rejecting with `{ errMsg }` (Taro's
 * `TaroGeneral.CallbackResult`), plus the synchronous storage trio.
 */
export interface TaroLike {
  request(o: RequestOptions): Promise<HttpAnswer>;
  uploadFile(o: UploadOptions): Promise<HttpAnswer>;
  login(o?: { timeout?: number }): Promise<{ code: string }>;
  chooseMedia?(o: ChooseMediaOptions): Promise<ChosenMedia>;
  chooseImage?(o: { count: number }): Promise<{ tempFilePaths: string[] }>;
  getRandomValues?(o: { length: number }): Promise<{ randomValues: ArrayBuffer }>;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

/** A Taro promise API in the callback form the wx runtime calls, its rejection mapped to `{errMsg}`. */
function callbacks<O, R>(api: string, fn: (o: O) => Promise<R>) {
  return ({ success, fail, ...options }: O & Callbacks<R>): void => {
    new Promise<R>((resolve) => resolve(fn(options as O))).then(success, (error: unknown) =>
      fail?.(
        typeof (error as WxFail | null)?.errMsg === 'string'
          ? (error as WxFail)
          : { errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` },
      ),
    );
  };
}

/**
 * The runtime for Taro apps: pass the `Taro` object (`createTaroRuntime(Taro)`). It is the wx
 * runtime over Taro's promise APIs, so errors are the wx runtime's: `timeout` / `network` for HTTP,
 * `cancelled`, `privacy`, `wechat`.
 */
export function createTaroRuntime(taro: TaroLike): Runtime {
  const { chooseMedia, getRandomValues } = taro;
  return createWxRuntime({
    request: callbacks('request', (o) => taro.request(o)),
    uploadFile: callbacks('uploadFile', (o) => taro.uploadFile(o)),
    login: callbacks('login', () => taro.login()),
    chooseMedia: chooseMedia && callbacks('chooseMedia', (o) => chooseMedia.call(taro, o)),
    // Always given, so that a Taro with neither API fails naming Taro rather than wx.
    chooseImage: callbacks('chooseImage', async (o) => {
      if (!taro.chooseImage) throw new TypeError('Taro has neither chooseMedia nor chooseImage');
      return taro.chooseImage(o);
    }),
    getRandomValues:
      getRandomValues && callbacks('getRandomValues', (o) => getRandomValues.call(taro, o)),
    getStorageSync: (key) => taro.getStorageSync(key),
    setStorageSync: (key, value) => taro.setStorageSync(key, value),
    removeStorageSync: (key) => taro.removeStorageSync(key),
  });
}
