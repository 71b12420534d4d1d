import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { WxLike } from '../../src/node';

interface Fail {
  errMsg: string;
}
interface Callbacks<T> {
  success?(res: T): void;
  fail?(err: Fail): void;
}

/**
 * A `wx` that performs real HTTP like the WeChat client: `request` / `uploadFile` with their
 * `timeout` (failing with `request:fail timeout`), `login` from the mock's simulated WeChat
 * client, `chooseMedia` from a list of picks, `getRandomValues` from Node's CSPRNG, and a shared
 * storage object.
 */
export function createWxBridge(options: {
  login: () => Promise<string>;
  picks?: (string | 'cancel')[];
}) {
  const store: Record<string, unknown> = {};
  const settle = <T>(cb: Callbacks<T>, api: string, work: () => Promise<T>) => {
    work().then(
      (res) => cb.success?.(res),
      (error: unknown) => {
        const reason =
          (error as { name?: string }).name === 'TimeoutError' ? 'timeout' : String(error);
        cb.fail?.({ errMsg: `${api}:fail ${reason}` });
      },
    );
  };
  // The global setTimeout (not AbortSignal.timeout), so a test can fake the timeout.
  const http = async (url: string, init: RequestInit, timeout: number) => {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('timed out', 'TimeoutError')),
      timeout,
    );
    try {
      const res = await fetch(url, { ...init, signal: controller.signal });
      const text = await res.text();
      return { statusCode: res.status, text };
    } finally {
      clearTimeout(timer);
    }
  };
  const wx: WxLike = {
    request: (o) =>
      settle(o, 'request', async () => {
        const res = await http(
          o.url,
          { method: o.method, headers: o.header, body: o.data },
          o.timeout,
        );
        let data: unknown = res.text;
        try {
          data = JSON.parse(res.text); // dataType 'json'
        } catch {
          // keep text
        }
        return { statusCode: res.statusCode, data };
      }),
    uploadFile: (o) =>
      settle(o, 'uploadFile', async () => {
        const form = new FormData();
        form.append(o.name, new Blob([await readFile(o.filePath)]), 'avatar.png');
        const res = await http(o.url, { method: 'POST', headers: o.header, body: form }, o.timeout);
        return { statusCode: res.statusCode, data: res.text };
      }),
    login: (o) => settle(o, 'login', async () => ({ code: await options.login() })),
    chooseMedia: (o) =>
      settle(o, 'chooseMedia', async () => {
        const pick = options.picks?.shift();
        if (!pick || pick === 'cancel') throw 'cancel';
        return { tempFiles: [{ tempFilePath: pick }] };
      }),
    getRandomValues: (o) =>
      settle(o, 'getRandomValues', async () => ({
        randomValues: new Uint8Array(randomBytes(o.length)).buffer,
      })),
    getStorageSync: (key) => (key in store ? store[key] : ''),
    setStorageSync: (key, value) => void (store[key] = value),
    removeStorageSync: (key) => void Reflect.deleteProperty(store, key),
  };
  return { wx, store };
}
