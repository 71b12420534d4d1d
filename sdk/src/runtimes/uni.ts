import type { Runtime } from '../runtime';
import { createWxRuntime, type WxLike } from './wx';

/**
 * The uni-app APIs the SDK uses (`uni.request`, `uni.uploadFile`, `uni.login`,
 * `uni.chooseMedia` / `uni.chooseImage`, the storage trio, and `uni.getRandomValues` where the
 * platform has it), called with `success` / `fail` callbacks. The callback form is the same in
 * Vue 2 and Vue 3 uni-app, whereas their promise forms differ (Vue 2 resolves `[err, res]`,
 * Vue 3 resolves `res` and rejects `err`), so the SDK never relies on the promise form.
 */
export type UniLike = WxLike;

/** The slice of the Web Crypto API used when `uni` has no `getRandomValues`. */
interface CryptoGlobal {
  crypto?: { getRandomValues(bytes: Uint8Array): Uint8Array };
}

/**
 * The runtime for uni-app: pass the `uni` object (`createUniRuntime(uni)`). Failures carry uni's
 * `errMsg` (`request:fail …`) and map as in the wx runtime. Without `uni.getRandomValues` the
 * password RSA padding uses `crypto.getRandomValues` (H5, App), else password methods fail with an
 * `unsupported` error.
 */
export function createUniRuntime(uni: UniLike): Runtime {
  const runtime = createWxRuntime(uni);
  const crypto = (globalThis as CryptoGlobal).crypto;
  if (runtime.randomBytes || !crypto) return runtime;
  return {
    ...runtime,
    randomBytes: (length) => Promise.resolve(crypto.getRandomValues(new Uint8Array(length))),
  };
}
