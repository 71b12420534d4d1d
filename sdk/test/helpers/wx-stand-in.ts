import type { WxLike } from '../../src/node';

interface Fail {
  errMsg: string;
  errno?: number;
}
type Answer<T> = { ok: T } | { fail: Fail };

/**
 * A hand-written `wx` with scripted answers: every async API calls `success`/`fail`
 * asynchronously with the next scripted answer and records the options it received.
 */
export function createWxStandIn() {
  const store: Record<string, unknown> = {};
  const calls: { api: string; options: Record<string, unknown> }[] = [];
  const answers: Record<string, Answer<unknown>[]> = {};
  const respond =
    (api: string) =>
    (options: { success?(res: unknown): void; fail?(err: Fail): void }): void => {
      calls.push({ api, options: options as Record<string, unknown> });
      const answer = answers[api]?.shift();
      if (!answer) throw new Error(`wx.${api} called without a scripted answer`);
      setImmediate(() =>
        'ok' in answer ? options.success?.(answer.ok) : options.fail?.(answer.fail),
      );
    };
  const wx = {
    request: respond('request'),
    uploadFile: respond('uploadFile'),
    login: respond('login'),
    chooseMedia: respond('chooseMedia'),
    chooseImage: respond('chooseImage'),
    getRandomValues: respond('getRandomValues'),
    getStorageSync: (key: string) => (key in store ? store[key] : ''),
    setStorageSync: (key: string, value: unknown) => void (store[key] = value),
    removeStorageSync: (key: string) => void Reflect.deleteProperty(store, key),
  } satisfies WxLike;
  return {
    wx: wx as WxLike,
    store,
    calls,
    /** Scripts the next answer of `wx.<api>`. */
    answer(api: string, result: Answer<unknown>) {
      (answers[api] ??= []).push(result);
    },
  };
}
