/**
 * The successor SDK `@authing/miniapp-taro` 5.1.18, loaded unchanged from node_modules, over the
 * conformance `wx` bridge and a mock on a free port. Each `sdkFor` makes a fresh bridge (fresh
 * storage: a new device) and a new `Authing`; its constructor's `wx.login` has settled when it
 * resolves. The SDK binds Taro once per process, so the newest device is the one every SDK
 * instance talks through: use one at a time.
 */
import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createWxBridge, type WxBridge } from '../../src/bridge';
import { useBridge } from './taro';

/** An SDK error: the server's envelope or OIDC error as sent, or `{message}` of a local check. */
export type SdkError = Record<string, unknown> & { message?: string };
/** What the SDK resolves to on success (typed loosely: the SDK's own typings do not load). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SdkData = any;
/** The `[error, data]` tuple every method resolves to. */
export type Tuple = [SdkError | null, SdkData];

/** The public methods of `Authing` (§1.4 of the protocol notes; enumerated from the bundle). */
export interface AuthingSdk {
  options: Record<string, unknown>;
  getLoginState(): Promise<Tuple>;
  clearLoginState(): Promise<Tuple>;
  saveLoginState(state: object): Promise<SdkData>;
  getPublicKey(type: 'rsa' | 'sm2'): Promise<Tuple>;
  getLoginCode(): Promise<string>;
  loginByCode(data: object): Promise<Tuple>;
  loginByPhone(data: object): Promise<Tuple>;
  loginByPassword(data: object): Promise<Tuple>;
  loginByPassCode(data: object): Promise<Tuple>;
  logout(): Promise<Tuple>;
  sendSms(data: object): Promise<Tuple>;
  sendEmailCode(data: object): Promise<Tuple>;
  refreshToken(): Promise<Tuple>;
  updatePassword(data: object): Promise<Tuple>;
  getUserInfo(data?: object): Promise<Tuple>;
  updateUserInfo(data: object): Promise<Tuple>;
  updateAvatar(): Promise<Tuple>;
  bindWxByCode(data: object): Promise<Tuple>;
  bindPlatformByCode(data: object): Promise<Tuple>;
  bindEmail(data: object): Promise<Tuple>;
  updateEmailRequest(data: object): Promise<Tuple>;
  updateEmail(data: object): Promise<Tuple>;
  bindPhone(data: object): Promise<Tuple>;
  updatePhoneRequest(data: object): Promise<Tuple>;
  updatePhone(data: object): Promise<Tuple>;
  deleteAccountRequest(data: object): Promise<Tuple>;
  deleteAccount(data: object): Promise<Tuple>;
  getPhone(data: object): Promise<Tuple>;
  decryptData(data: object): Promise<Tuple>;
}

interface SdkModule {
  Authing: new (options: Record<string, unknown>) => AuthingSdk;
  LoginByCodeConnection: Record<string, string>;
  LoginByPhoneCodeConnection: Record<string, string>;
  PlatformsMenu: Record<string, string>;
}

/** The SDK module (requires `@tarojs/taro` to be mapped by the calling test file). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const loadSdk = (): SdkModule => require('@authing/miniapp-taro') as SdkModule;

/** The tenancy one SDK instance runs in: a GenAuth app, its pool, its WeChat connection. */
export interface Tenancy {
  appId: string;
  userPoolId: string;
  extIdpConnidentifier: string;
  wechatAppid: string;
}

/** The tenancy of the app `appIndex` of the fixtures (0: the demo app; 2: the isolation pool's). */
export function tenancy(mock: MockServer, appIndex = 0): Tenancy {
  const app = mock.store.fixtures.genauth.apps[appIndex]!;
  return {
    appId: app.id,
    userPoolId: app.poolId,
    extIdpConnidentifier: app.connection!.identifier,
    wechatAppid: app.connection!.appid,
  };
}

/** Waits until the bridge has delivered every `wx` call in flight (no wall-clock wait). */
export async function settled(bridge: WxBridge): Promise<void> {
  while (bridge.inFlight > 0) await new Promise((resolve) => setImmediate(resolve));
}

/** One SDK instance on a fresh bridge: the WeChat user `openid` (omitted: a new one). */
export interface SdkUnderTest {
  sdk: AuthingSdk;
  bridge: WxBridge;
  t: Tenancy;
}

/** A new `Authing` for `t` on a fresh bridge to `url`, once its constructor's `wx.login` settled. */
export async function sdkFor(
  url: string,
  t: Tenancy,
  opts: { openid?: string; userPoolId?: string | undefined; encryptFunction?: unknown } = {},
): Promise<SdkUnderTest> {
  const bridge = createWxBridge({
    baseUrl: url,
    appid: t.wechatAppid,
    ...(opts.openid ? { openid: opts.openid } : {}),
  });
  useBridge(bridge);
  const { Authing } = loadSdk();
  const sdk = new Authing({
    appId: t.appId,
    userPoolId: 'userPoolId' in opts ? opts.userPoolId : t.userPoolId,
    host: url,
    ...(opts.encryptFunction ? { encryptFunction: opts.encryptFunction } : {}),
  });
  await settled(bridge);
  return { sdk, bridge, t };
}

/** A mock on a free port for one test file; reset before each test. */
export function mockPerFile(): { mock: MockServer; url: () => string } {
  const mock = createMockServer();
  let url = '';
  beforeAll(async () => {
    url = await mock.start(0);
  });
  afterAll(() => mock.stop());
  beforeEach(() => mock.reset());
  return { mock, url: () => url };
}

/** A new WeChat user of the app holding `phone` (so the phone button yields a code). */
export function wechatUserWithPhone(mock: MockServer, t: Tenancy, phone: string): string {
  return mock.control.wechat.upsertUser({ appid: t.wechatAppid, phone }).user.openid;
}

/** The newest code sent to `to` (from the mock's outbox). */
export function lastCode(mock: MockServer, to: string): string {
  const list = mock.control.messages.list({ to });
  return list[list.length - 1]!.code;
}
