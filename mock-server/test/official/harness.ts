/**
 * Runs the official `authing-wxapp-sdk` / `authing-js-sdk` in Node against the mock: a minimal
 * `wx` stand-in (storage, chooseImage, a real multipart uploadFile) as in authing-wire.md §10.
 */
import { readFileSync } from 'node:fs';

import { createMockServer, type MockServer } from '../../src';

/** The in-memory wx storage the SDK writes `_authing_token` / `_authing_user` to. */
export const storage = new Map<string, unknown>();

interface UploadOptions {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  success?: (res: { statusCode: number; data: string }) => void;
  fail?: (err: Error) => void;
}

/** Files `chooseImage` "picks", keyed by temp path. */
export const pickedFiles = new Map<string, Buffer>();

const wx = {
  setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
  getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
  removeStorageSync: (k: string) => void storage.delete(k),
  chooseImage: async () => ({ tempFilePaths: ['wxfile://tmp/avatar.png'] }),
  uploadFile: (o: UploadOptions) => {
    const bytes = pickedFiles.get(o.filePath) ?? readFileSync(__filename);
    const form = new FormData();
    form.append(o.name, new Blob([bytes], { type: 'image/png' }), 'avatar.png');
    fetch(o.url, { method: 'POST', body: form, headers: o.header })
      .then(async (r) => o.success?.({ statusCode: r.status, data: await r.text() }))
      .catch((e: Error) => o.fail?.(e));
  },
};
(globalThis as unknown as { wx: typeof wx }).wx = wx;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const wxapp = require('authing-wxapp-sdk') as { AuthenticationClient: new (o: object) => WxClient };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jssdk = require('authing-js-sdk') as { AuthenticationClient: new (o: object) => JsClient };

/** The official clients' surface the tests use (they ship no typings). */
export type WxClient = JsClient & {
  loginByCode(
    code: string,
    o?: { iv?: string; encryptedData?: string; rawData?: string },
  ): Promise<User>;
  loginByPhone(code: string, iv: string, encryptedData: string): Promise<User>;
  getPhone(code: string, iv: string, encryptedData: string): Promise<Record<string, unknown>>;
  updateAvatar(): Promise<User>;
};
/** The AuthenticationClient methods the tests call. */
type Method =
  | 'registerByEmail'
  | 'registerByUsername'
  | 'registerByPhoneCode'
  | 'checkPasswordStrength'
  | 'sendSmsCode'
  | 'loginByEmail'
  | 'loginByUsername'
  | 'loginByPhoneCode'
  | 'loginByPhonePassword'
  | 'loginBySubAccount'
  | 'checkLoginStatus'
  | 'sendEmail'
  | 'resetPasswordByPhoneCode'
  | 'resetPasswordByEmailCode'
  | 'updateProfile'
  | 'updatePassword'
  | 'updatePhone'
  | 'updateEmail'
  | 'refreshToken'
  | 'linkAccount'
  | 'unLinkAccount'
  | 'bindPhone'
  | 'unbindPhone'
  | 'bindEmail'
  | 'unbindEmail'
  | 'getCurrentUser'
  | 'logout'
  | 'listUdv'
  | 'setUdv'
  | 'removeUdv'
  | 'listOrgs'
  | 'loginByLdap'
  | 'loginByAd'
  | 'getUdfValue'
  | 'setUdfValue'
  | 'removeUdfValue'
  | 'getSecurityLevel'
  | 'listAuthorizedResources'
  | 'listApplications';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsClient = Record<Method, (...args: any[]) => Promise<any>> & {
  options: Record<string, unknown>;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type User = Record<string, any> & { id: string; token: string | null };

/** A wxapp client for `host` (userPoolId is required under Node, §1.2). */
export function wxClient(
  host: string,
  o: { userPoolId: string; appId: string; onError?: unknown },
): WxClient {
  return new wxapp.AuthenticationClient({ host, ...o });
}

/** A plain js-sdk client (it sends `x-authing-userpool-id` on GraphQL too). */
export function jsClient(
  host: string,
  o: { userPoolId: string; appId: string; token?: string },
): JsClient {
  return new jssdk.AuthenticationClient({ appHost: host, host, ...o });
}

/** Captures the object an SDK call rejects with. */
export async function rejection(
  p: Promise<unknown>,
): Promise<{ code?: number; message?: string; data?: unknown }> {
  try {
    await p;
  } catch (e) {
    return e as { code?: number; message?: string; data?: unknown };
  }
  throw new Error('expected the call to fail');
}

/**
 * One mock per test file: listening for the whole file, reset (with the wx storage) before each
 * test. Call at the top of a test file; read the base URL from `mock.url`.
 */
export function officialMock(): MockServer {
  const mock = createMockServer();
  beforeAll(() => mock.start(0));
  afterAll(() => mock.stop());
  beforeEach(() => {
    mock.reset();
    storage.clear();
  });
  return mock;
}
