import { randomBytes } from 'node:crypto';

import { settle, ok, WxFail, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import { ERRNO } from './errno';
import type { WechatClient } from './wechat-client';

type Opts = WxCallbacks<WxResult> & Record<string, unknown>;

/** Dialogs the simulated user refuses. */
export interface Refusals {
  /** The getUserProfile dialog: `getUserProfile:fail auth deny`. */
  userProfile: boolean;
  /** `scope.userInfo` not granted: `getUserInfo:fail auth deny` (scope.userInfo). */
  userInfo: boolean;
}

function failure(api: string, error: unknown): never {
  if (error instanceof WxFail) throw error;
  const reason = error instanceof Error ? error.message : String(error);
  throw new WxFail(api, reason, ERRNO.network);
}

/** `login`, `checkSession`, `getUserInfo`, `getUserProfile`, `getAccountInfoSync`, `getRandomValues`. */
export function createAuthApi(client: WechatClient, refusals: Refusals, hooks: BridgeHooks) {
  return {
    login(options?: Opts) {
      return settle(
        'login',
        options,
        async () => {
          try {
            return ok('login', { code: await client.login() });
          } catch (e) {
            return failure('login', e);
          }
        },
        hooks,
      );
    },
    checkSession(options?: Opts) {
      return settle(
        'checkSession',
        options,
        async () => {
          let valid: boolean;
          try {
            valid = await client.checkSession();
          } catch (e) {
            return failure('checkSession', e);
          }
          if (!valid)
            throw new WxFail('checkSession', 'session time out, need relogin', ERRNO.unknown);
          return ok('checkSession', {});
        },
        hooks,
      );
    },
    getUserInfo(options?: Opts) {
      return settle(
        'getUserInfo',
        options,
        async () => {
          if (refusals.userInfo) throw new WxFail('getUserInfo', 'auth deny', ERRNO.authDeny);
          let payload;
          try {
            payload = await client.userInfo();
          } catch (e) {
            return failure('getUserInfo', e);
          }
          if (options?.['withCredentials'] === false)
            return ok('getUserInfo', { userInfo: payload.userInfo, rawData: payload.rawData });
          return ok('getUserInfo', { ...payload, cloudID: '' });
        },
        hooks,
        false,
      );
    },
    getUserProfile(options?: Opts) {
      return settle(
        'getUserProfile',
        options,
        async () => {
          if (typeof options?.['desc'] !== 'string' || !options['desc']) {
            throw new WxFail(
              'getUserProfile',
              'parameter error: parameter.desc should be String',
              ERRNO.invalidParameter,
            );
          }
          if (refusals.userProfile) throw new WxFail('getUserProfile', 'auth deny', ERRNO.authDeny);
          try {
            return ok('getUserProfile', { ...(await client.userInfo()), cloudID: '' });
          } catch (e) {
            return failure('getUserProfile', e);
          }
        },
        hooks,
      );
    },
    getAccountInfoSync() {
      return {
        miniProgram: { appId: client.appid, envVersion: 'develop', version: '' },
        plugin: {},
      };
    },
    getRandomValues(options?: Opts) {
      return settle(
        'getRandomValues',
        options,
        async () => {
          const length = options?.['length'];
          if (typeof length !== 'number' || length < 1 || length > 1024) {
            throw new WxFail('getRandomValues', 'parameter error: length', ERRNO.invalidParameter);
          }
          const bytes = randomBytes(length);
          return ok('getRandomValues', {
            randomValues: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + length),
          });
        },
        hooks,
      );
    },
  };
}
