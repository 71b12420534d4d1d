/**
 * GenAuth (formerly Authing) SDK for WeChat mini-programs: the mini-program entry (no Node
 * runtime; scripts and tests use `@genauth-wxapp/sdk/node`).
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
