import { GenAuthError, wechatFailure, type WxFail } from '../errors';
import type { HttpResponse, Runtime } from '../runtime';

/** The `success` / `fail` pair of a callback-form mini-program API. */
export interface Callbacks<T> {
  success?(res: T): void;
  fail?(err: WxFail): void;
}

// Type literals rather than interfaces: an API taking `Record<string, unknown>` still fits.
/* eslint-disable @typescript-eslint/consistent-type-definitions */

/** The options the SDK passes to `request` (wx, uni and Taro alike). */
export type RequestOptions = {
  url: string;
  method: 'GET' | 'POST';
  header: Record<string, string>;
  data?: string;
  timeout: number;
  dataType?: string;
};

/** The options the SDK passes to `uploadFile`. */
export type UploadOptions = {
  url: string;
  filePath: string;
  name: string;
  header: Record<string, string>;
  timeout: number;
};

/** What `request` and `uploadFile` answer. */
export type HttpAnswer = {
  statusCode: number;
  data: unknown;
};

/** The options the SDK passes to `chooseMedia`, and what it answers. */
export type ChooseMediaOptions = {
  count: number;
  mediaType: ('image' | 'video' | 'mix')[];
};
export type ChosenMedia = {
  tempFiles: { tempFilePath: string }[];
};
/* eslint-enable @typescript-eslint/consistent-type-definitions */

/**
 * The few `wx.*` APIs the SDK uses: a structural subset of the mini-program `wx`, so the `Wx` of
 * `miniprogram-api-typings` (and any stand-in with these methods) can be passed as is.
 */
export interface WxLike {
  request(o: RequestOptions & Callbacks<HttpAnswer>): unknown;
  uploadFile(o: UploadOptions & Callbacks<HttpAnswer>): unknown;
  login(o: { timeout?: number } & Callbacks<{ code: string }>): unknown;
  chooseMedia?(o: ChooseMediaOptions & Callbacks<ChosenMedia>): unknown;
  chooseImage?(o: { count: number } & Callbacks<{ tempFilePaths: string[] }>): unknown;
  getRandomValues?(o: { length: number } & Callbacks<{ randomValues: ArrayBuffer }>): unknown;
  getStorageSync(key: string): unknown;
  setStorageSync(key: string, value: unknown): void;
  removeStorageSync(key: string): void;
}

/** Maps a wx `fail` result to the SDK's error: timeout or network for HTTP, else {@link wechatFailure}. */
export function wxFailure(api: string, err: WxFail | undefined, target?: string): GenAuthError {
  const errMsg = err?.errMsg ?? `${api}:fail`;
  const where = target ? ` (${target})` : '';
  if ((api === 'request' || api === 'uploadFile') && !/cancel/i.test(errMsg)) {
    const timedOut = /time\s*out|超时|逾時|逾时/i.test(errMsg);
    return new GenAuthError({
      kind: timedOut ? 'timeout' : 'network',
      code: timedOut ? 504 : 500,
      message: `${errMsg}${where}`,
      cause: err,
    });
  }
  return wechatFailure(err, errMsg);
}

/** An HTTP answer of a mini-program API: `data` parsed as JSON when it is JSON text. */
export function parseAnswer(statusCode: number, data: unknown): HttpResponse {
  if (typeof data === 'string') {
    try {
      return { status: statusCode, body: JSON.parse(data) };
    } catch {
      // not JSON: keep the text
    }
  }
  return { status: statusCode, body: data };
}

function call<T>(api: string, fn: (cb: Callbacks<T>) => unknown, target?: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (err: WxFail | undefined) => reject(wxFailure(api, err, target));
    try {
      fn({ success: resolve, fail });
    } catch (error) {
      // some wx APIs throw synchronously (e.g. an invalid argument)
      fail({ errMsg: `${api}:fail ${error instanceof Error ? error.message : String(error)}` });
    }
  });
}

/** The mini-program global (injected by WeChat; not always a property of `globalThis`). */
declare const wx: WxLike | undefined;

function findWx(): WxLike {
  const found = typeof wx !== 'undefined' ? wx : (globalThis as { wx?: WxLike } | undefined)?.wx;
  if (!found) {
    throw new TypeError('No global `wx`: pass the `runtime` option (see createNodeRuntime)');
  }
  return found;
}

/**
 * The mini-program runtime (the default): `wx.request` (with `timeout`), `wx.uploadFile`,
 * `wx.login`, `wx.chooseMedia` (falling back to `wx.chooseImage`), `wx.getRandomValues` and the
 * synchronous storage trio.
 *
 * @param wx the `wx` object; defaults to the global one.
 */
export function createWxRuntime(wx: WxLike = findWx()): Runtime {
  const chooseMedia = wx.chooseMedia?.bind(wx);
  const getRandomValues = wx.getRandomValues?.bind(wx);
  return {
    request: (req) =>
      call<HttpAnswer>(
        'request',
        (cb) =>
          wx.request({
            url: req.url,
            method: req.method,
            header: req.headers,
            data: req.body,
            timeout: req.timeout,
            dataType: 'json',
            ...cb,
          }),
        `${req.method} ${req.url}`,
      ).then((res) => parseAnswer(res.statusCode, res.data)),
    uploadFile: (req) =>
      call<HttpAnswer>(
        'uploadFile',
        (cb) =>
          wx.uploadFile({
            url: req.url,
            filePath: req.filePath,
            name: req.name,
            header: req.headers,
            timeout: req.timeout,
            ...cb,
          }),
        req.url,
      ).then((res) => parseAnswer(res.statusCode, res.data)),
    login: () => call<{ code: string }>('login', (cb) => wx.login(cb)).then((res) => res.code),
    chooseImage: () =>
      chooseMedia
        ? call<ChosenMedia>('chooseMedia', (cb) =>
            chooseMedia({ count: 1, mediaType: ['image'], ...cb }),
          ).then((res) => firstPath(res.tempFiles.map((file) => file.tempFilePath)))
        : call<{ tempFilePaths: string[] }>('chooseImage', (cb) => {
            if (!wx.chooseImage) throw new TypeError('wx has neither chooseMedia nor chooseImage');
            return wx.chooseImage({ count: 1, ...cb });
          }).then((res) => firstPath(res.tempFilePaths)),
    storage: {
      get: (key) => wx.getStorageSync(key),
      set: (key, value) => wx.setStorageSync(key, value),
      remove: (key) => wx.removeStorageSync(key),
    },
    randomBytes: getRandomValues
      ? (length) =>
          call<{ randomValues: ArrayBuffer }>('getRandomValues', (cb) =>
            getRandomValues({ length, ...cb }),
          ).then((res) => new Uint8Array(res.randomValues))
      : undefined,
  };
}

/** The first chosen image, or a `cancelled` error when there is none. */
export function firstPath(paths: string[]): string {
  const path = paths[0];
  if (!path) throw new GenAuthError({ kind: 'cancelled', code: -1, message: 'No image chosen' });
  return path;
}
