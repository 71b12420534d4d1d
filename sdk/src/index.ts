/**
 * GenAuth (formerly Authing) SDK for WeChat mini-programs: the package entry for bundlers (the
 * mini-program API plus the Taro and uni-app runtimes; no Node runtime, see
 * `@genauth-wxapp/sdk/node`).
 * @packageDocumentation
 */
export * from './miniprogram';
export { createTaroRuntime, type TaroLike } from './runtimes/taro';
export { createUniRuntime, type UniLike } from './runtimes/uni';
