import { Buffer } from 'node:buffer';

import { settle, ok, WxFail, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import { ERRNO } from './errno';

/** WeChat's limits: 1 MB per key, 10 MB per mini-program and user. */
export const STORAGE_LIMITS = Object.freeze({ perKey: 1024 * 1024, total: 10 * 1024 * 1024 });

/** WeChat's answer to a `key` that is missing or not a string. */
function keyError(api: string, key: unknown): WxFail {
  return new WxFail(
    api,
    'parameter error: parameter.key should be String instead of ' + typeof key + ';',
    ERRNO.invalidParameter,
  );
}

/**
 * Local storage with WeChat's semantics: values are stored serialised (a read returns a copy),
 * a missing key reads as `''`, sync calls throw, async calls fail with `<api>:fail …`.
 * It outlives page reloads and app restarts, like the device's storage.
 */
export class WxStorage {
  readonly #entries = new Map<string, string>();
  readonly limits: { perKey: number; total: number };

  constructor(limits: Partial<typeof STORAGE_LIMITS> = {}) {
    this.limits = { ...STORAGE_LIMITS, ...limits };
  }

  /** Bytes used (key plus serialised value, UTF-8). */
  get size(): number {
    let n = 0;
    for (const [k, v] of this.#entries) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }

  keys(): string[] {
    return [...this.#entries.keys()];
  }

  set(api: string, key: unknown, data: unknown): void {
    if (typeof key !== 'string' || key === '') throw keyError(api, key);
    let serialised: string | undefined;
    try {
      serialised = JSON.stringify({ v: data instanceof Date ? data.toISOString() : data });
    } catch {
      throw new WxFail(api, 'data cannot be serialised', ERRNO.invalidParameter);
    }
    const size = Buffer.byteLength(key) + Buffer.byteLength(serialised);
    if (size > this.limits.perKey)
      throw new WxFail(api, 'entry size limit reached', ERRNO.storageFull);
    const previous = this.#entries.get(key);
    const others =
      this.size -
      (previous === undefined ? 0 : Buffer.byteLength(key) + Buffer.byteLength(previous));
    if (others + size > this.limits.total)
      throw new WxFail(api, 'storage limit reached', ERRNO.storageFull);
    this.#entries.set(key, serialised);
  }

  /** The stored value, or `undefined` when the key is missing. */
  get(key: string): unknown {
    const raw = this.#entries.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as { v: unknown }).v;
  }

  has(key: string): boolean {
    return this.#entries.has(key);
  }

  remove(key: string): void {
    this.#entries.delete(key);
  }

  clear(): void {
    this.#entries.clear();
  }

  info(): { keys: string[]; currentSize: number; limitSize: number } {
    return {
      keys: this.keys(),
      currentSize: Math.ceil(this.size / 1024),
      limitSize: this.limits.total / 1024,
    };
  }
}

interface KeyOptions extends WxCallbacks<WxResult> {
  key: string;
}
interface SetOptions extends KeyOptions {
  data: unknown;
}

function rethrow(e: unknown): never {
  if (e instanceof WxFail) {
    const err = new Error(e.result.errMsg) as Error & { errno?: number };
    if (e.result.errno !== undefined) err.errno = e.result.errno;
    throw err;
  }
  throw e;
}

/** The storage half of `wx`: sync and async variants over one {@link WxStorage}. */
export function createStorageApi(storage: WxStorage, hooks: BridgeHooks) {
  /** Settles an async storage call with `<api>:ok` plus what `run` returns, or its `WxFail`. */
  const answer = (
    api: string,
    options: WxCallbacks<WxResult> | undefined,
    run: () => Record<string, unknown>,
  ) => settle(api, options, async () => ok(api, run()), hooks);
  return {
    setStorageSync(key: string, data: unknown): void {
      try {
        storage.set('setStorageSync', key, data);
      } catch (e) {
        rethrow(e);
      }
    },
    getStorageSync(key: string): unknown {
      if (typeof key !== 'string')
        rethrow(
          new WxFail(
            'getStorageSync',
            'parameter error: parameter.key should be String',
            ERRNO.invalidParameter,
          ),
        );
      return storage.has(key) ? storage.get(key) : '';
    },
    removeStorageSync(key: string): void {
      if (typeof key !== 'string') rethrow(keyError('removeStorageSync', key));
      storage.remove(key);
    },
    clearStorageSync(): void {
      storage.clear();
    },
    getStorageInfoSync() {
      return storage.info();
    },
    setStorage(options: SetOptions) {
      return answer('setStorage', options, () => {
        storage.set('setStorage', options?.key, options?.data);
        return {};
      });
    },
    getStorage(options: KeyOptions) {
      return answer('getStorage', options, () => {
        if (typeof options?.key !== 'string' || !storage.has(options.key)) {
          throw new WxFail('getStorage', 'data not found', ERRNO.unknown);
        }
        return { data: storage.get(options.key) };
      });
    },
    removeStorage(options: KeyOptions) {
      return answer('removeStorage', options, () => {
        const key: unknown = options?.key;
        if (typeof key !== 'string') throw keyError('removeStorage', key);
        storage.remove(key);
        return {};
      });
    },
    clearStorage(options?: WxCallbacks<WxResult>) {
      return answer('clearStorage', options, () => {
        storage.clear();
        return {};
      });
    },
    getStorageInfo(options?: WxCallbacks<WxResult>) {
      return answer('getStorageInfo', options, () => storage.info());
    },
  };
}
