import { GenAuthError, type WxFail } from '../errors';
import type { Runtime } from '../runtime';
import { firstPath, parseAnswer, wxFailure } from './wx';

interface TaroAnswer {
  statusCode: number;
  data: unknown;
}

/**
 * The Taro APIs the SDK uses (Taro 3 / 4, the default export of `@tarojs/taro`): the promise form of
 * `Taro.request`, `Taro.uploadFile`, `Taro.login`, `Taro.chooseMedia` / `Taro.chooseImage` and
 * `Taro.getRandomValues`, each resolving the result and rejecting with `{ errMsg }` (Taro's
 * `TaroGeneral.CallbackResult`), plus the synchronous storage trio.
 */
export interface TaroLike {
  request(o: {
    url: string;
    method: 'GET' | 'POST';
    header: Record<string, string>;
    data?: string;
    timeout: number;
    dataType?: string;
  }): Promise<TaroAnswer>;
  uploadFile(o: {
    url: string;
    filePath: string;
    name: string;
    header: Record<string, string>;
    timeout: number;
  }): Promise<TaroAnswer>;
  login(o?: { timeout?: number }): Promise<{ code: string }>;
  chooseMedia?(o: {
    count: number;
    mediaType: ('image' | 'video' | 'mix')[];
  }): Promise<{ tempFiles: { tempFilePath: string }[] }>;
  chooseImage?(o: { count: number }): Promise<{ tempFilePaths: string[] }>;
  getRandomValues?(o: { length: number }): Promise<{ randomValues: ArrayBuffer }>;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

/** Runs one Taro call, mapping a rejection (`{errMsg}`, or an Error) as the wx runtime does. */
async function run<T>(api: string, work: () => Promise<T>, target?: string): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof GenAuthError) throw error;
    const fail: WxFail =
      typeof (error as WxFail | null)?.errMsg === 'string'
        ? (error as WxFail)
        : { errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` };
    throw wxFailure(api, fail, target);
  }
}

/**
 * The runtime for Taro apps: pass the `Taro` object (`createTaroRuntime(Taro)`). Errors are the
 * wx runtime's: `timeout` / `network` for HTTP, `cancelled`, `privacy`, `wechat`.
 */
export function createTaroRuntime(taro: TaroLike): Runtime {
  const { chooseMedia, getRandomValues } = taro;
  return {
    request: (req) =>
      run(
        'request',
        () =>
          taro.request({
            url: req.url,
            method: req.method,
            header: req.headers,
            data: req.body,
            timeout: req.timeout,
            dataType: 'json',
          }),
        `${req.method} ${req.url}`,
      ).then((res) => parseAnswer(res.statusCode, res.data)),
    uploadFile: (req) =>
      run(
        'uploadFile',
        () =>
          taro.uploadFile({
            url: req.url,
            filePath: req.filePath,
            name: req.name,
            header: req.headers,
            timeout: req.timeout,
          }),
        req.url,
      ).then((res) => parseAnswer(res.statusCode, res.data)),
    login: () => run('login', () => taro.login()).then((res) => res.code),
    chooseImage: () =>
      chooseMedia
        ? run('chooseMedia', () => chooseMedia.call(taro, { count: 1, mediaType: ['image'] })).then(
            (res) => firstPath(res.tempFiles.map((file) => file.tempFilePath)),
          )
        : run('chooseImage', async () => {
            if (!taro.chooseImage)
              throw new TypeError('Taro has neither chooseMedia nor chooseImage');
            return taro.chooseImage({ count: 1 });
          }).then((res) => firstPath(res.tempFilePaths)),
    storage: {
      get: (key) => taro.getStorageSync(key),
      set: (key, value) => taro.setStorageSync(key, value),
      remove: (key) => taro.removeStorageSync(key),
    },
    randomBytes: getRandomValues
      ? (length) =>
          run('getRandomValues', () => getRandomValues.call(taro, { length })).then(
            (res) => new Uint8Array(res.randomValues),
          )
      : undefined,
  };
}
