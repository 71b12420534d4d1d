/**
 * The mini-program entry (`miniprogram_dist/index.js`): the client, its errors and types, and the
 * wx runtime — no Node, Taro or uni-app runtime.
 * @packageDocumentation
 */
export { AuthenticationClient } from './authentication-client';
export {
  GenAuthError,
  isGenAuthError,
  type GenAuthErrorCodes,
  type GenAuthErrorKind,
} from './errors';
export type { AuthenticationClientOptions, ErrorHook, Protocol } from './options';
export type { PhoneDetail } from './phone';
export type { HttpRequest, HttpResponse, KeyValueStorage, Runtime, UploadRequest } from './runtime';
export { createWxRuntime, type WxLike } from './runtimes/wx';
export type * from './types';
export { VERSION } from './version';
