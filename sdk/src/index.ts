/**
 * GenAuth (formerly Authing) SDK for WeChat mini-programs.
 * @packageDocumentation
 */
export { AuthenticationClient, type PhoneDetail } from './authentication-client';
export {
  GenAuthError,
  isGenAuthError,
  type GenAuthErrorKind,
  type GenAuthErrorInit,
} from './errors';
export {
  DEFAULT_HOST,
  DEFAULT_TIMEOUT,
  type AuthenticationClientOptions,
  type ErrorHook,
  type ResolvedOptions,
} from './options';
export type { HttpRequest, HttpResponse, KeyValueStorage, Runtime, UploadRequest } from './runtime';
export { createMemoryStorage, createNodeRuntime, type NodeRuntimeOptions } from './runtimes/node';
export { createWxRuntime, type WxLike } from './runtimes/wx';
export { TOKEN_KEY, USER_KEY } from './session';
export { REQUEST_FROM, SDK_VERSION_HEADER } from './transport';
export type * from './types';
export { VERSION } from './version';
