/**
 * A `@tarojs/taro` for the successor SDK `@authing/miniapp-taro`: every Taro API the bundle calls
 * forwards to the `wx` bridge of the running test (Taro.* mirrors wx.* in a WeChat build), so the
 * SDK talks to the mock through the same client a mini-program page gets. Tests map the module
 * with `jest.mock('@tarojs/taro', () => require('./taro').taroModule, { virtual: true })`.
 */
import type { WxBridge } from '../../src/bridge';

/** The Taro APIs the 5.1.18 bundle calls (its api-proxy list, plus `getSystemInfo`). */
export const TARO_APIS = [
  'request',
  'uploadFile',
  'login',
  'checkSession',
  'getStorage',
  'setStorage',
  'removeStorage',
  'clearStorage',
  'getUserProfile',
  'chooseImage',
  'scanCode',
  'getSystemInfo',
] as const;

let current: WxBridge | undefined;

/** Routes Taro.* to `bridge` (until the next call). */
export function useBridge(bridge: WxBridge): void {
  current = bridge;
}

type Api = (...args: unknown[]) => unknown;

const forward = (name: string): Api => {
  return (...args) => {
    const fn = current?.api[name] as Api | undefined;
    if (!fn) throw new Error(`Taro.${name}: no wx bridge (call useBridge first) or no such API`);
    return fn(...args);
  };
};

/** The Taro object the SDK imports as its default export. */
export const taro: Record<string, Api> = Object.fromEntries(TARO_APIS.map((n) => [n, forward(n)]));

/** The module `@tarojs/taro` resolves to in these tests. */
export const taroModule = { __esModule: true, default: taro };
