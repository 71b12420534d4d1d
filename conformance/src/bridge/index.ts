import type { Timers } from '@genauth-wxapp/mock-server';

import { createAuthApi, type Refusals } from './auth';
import {
  chooseAvatarDetail,
  phoneDenyDetail,
  phoneNoQuotaDetail,
  phoneSuccessDetail,
  realtimePhoneDetail,
  type PhoneOutcome,
  type Platform,
  type RealtimePhoneOutcome,
} from './buttons';
import type { BridgeHooks } from './callback';
import { TempFiles } from './files';
import { createLocationApi, DeviceLocation } from './location';
import { createMediaApi, MediaPicker } from './media';
import { NetworkConditions, type NetworkTimeouts } from './network';
import { pressButton, type ButtonDetail } from './press';
import { Privacy } from './privacy';
import { createPrivacyApi } from './privacy-api';
import { createRequest } from './request';
import { createStorageApi, WxStorage } from './storage';
import { createUiApi, UiRecorder } from './ui';
import { createUploadFile } from './upload';
import { WechatClient } from './wechat-client';

export { ManualTimers, type Timers } from '@genauth-wxapp/mock-server';
export { WxFail, type WxResult, type WxCallbacks } from './callback';
export { ERRNO } from './errno';
export { FIXTURE_PNG, TempFiles } from './files';
export {
  NetworkConditions,
  type NetworkFault,
  type FaultKind,
  type NetworkTimeouts,
} from './network';
export { WxStorage, STORAGE_LIMITS } from './storage';
export { UiRecorder, type UiCall } from './ui';
export { MediaPicker, type MediaChoice } from './media';
export { DeviceLocation, type DevicePosition } from './location';
export {
  Privacy,
  PRIVACY_APIS,
  privacyKeyOf,
  type NeedPrivacyListener,
  type PrivacyKey,
  type PrivacyPrompt,
  type PrivacyResolution,
  type PrivacySettings,
} from './privacy';
export type { ButtonDetail } from './press';
export {
  WechatClient,
  type PhoneButtonDetail,
  type PhoneNumberDetail,
  type PhoneQuota,
  type PhoneQuotaChange,
  type UserInfoPayload,
  type WechatUserRecord,
} from './wechat-client';
export {
  phoneDenyDetail,
  phoneNoQuotaDetail,
  type PhoneButtonApi,
  type PhoneFlow,
  type PhoneOutcome,
  type Platform,
  type RealtimePhoneOutcome,
} from './buttons';

/** Options of {@link createWxBridge}. */
export interface WxBridgeOptions {
  /** Base URL of a started mock server (`await mock.start(0)`). */
  baseUrl: string;
  /** The mini-program's appid (a WeChat app of the mock's fixtures). */
  appid: string;
  /** The WeChat user holding the phone; omitted = a new user, created at the first `wx.login`. */
  openid?: string;
  /** `app.json` → `networkTimeout`. @default 60 000 ms each */
  networkTimeout?: Partial<NetworkTimeouts>;
  /**
   * What the `wx.request` / `wx.uploadFile` timeouts wait on (also `network.timers`): pass a
   * `ManualTimers` and `advance()` it to time a stalled call out at once. @default the global timers
   */
  timers?: Timers;
  /** Storage to use (pass the previous bridge's to simulate an app restart). @default a new one */
  storage?: WxStorage;
  /** Receives exceptions thrown by the page's callbacks (the kit forwards them to `App.onError`). */
  onCallbackError?: (error: unknown) => void;
}

/** The bridge: `api` is what goes on `global.wx`; the rest drives and observes it. */
export interface WxBridge {
  /** The `wx.*` functions, ready for `Object.assign(global.wx, bridge.api)`. */
  readonly api: Record<string, (...args: never[]) => unknown>;
  readonly client: WechatClient;
  readonly storage: WxStorage;
  readonly files: TempFiles;
  readonly media: MediaPicker;
  readonly ui: UiRecorder;
  readonly network: NetworkConditions;
  readonly refusals: Refusals;
  /** Where the phone is (`getLocation`, `getFuzzyLocation`): `location.set({ latitude, … })`. */
  readonly location: DeviceLocation;
  /** WeChat's privacy enforcement: the guide, the user's consent, prompts (`privacy.set(...)`). */
  readonly privacy: Privacy;
  /** Exceptions thrown by the page's own callbacks (WeChat reports them to `App.onError`). */
  readonly callbackErrors: unknown[];
  /** Async `wx` calls started and not yet delivered to the page. */
  readonly inFlight: number;
  /** Installs `api` over `target` (default `global.wx`, created if missing); returns `target`. */
  install(target?: Record<string, unknown>): Record<string, unknown>;
  /**
   * The getPhoneNumber detail the user's tap produces: success (`code` or `legacy`, minted by
   * the mock, which answers errno 1400001 instead once the app's quota is used up), deny, or a
   * forced `no-quota`.
   */
  phoneNumberDetail(outcome?: PhoneOutcome, platform?: Platform): Promise<Record<string, unknown>>;
  /**
   * The getRealtimePhoneNumber detail: `code` (`{errMsg, code}` minted by the mock, or errno
   * 1400001 once the real-time quota is used up), deny, or a forced `no-quota`.
   */
  realtimePhoneNumberDetail(
    outcome?: RealtimePhoneOutcome,
    platform?: Platform,
  ): Promise<Record<string, unknown>>;
  /** The chooseAvatar detail: `{avatarUrl: <temporary path of the fixture image>}`. */
  chooseAvatarDetail(): { avatarUrl: string };
  /**
   * A tap on open-type button `api`: the privacy gate, then `produce`, then `deliver` (see
   * {@link pressButton}); resolves to the detail delivered. `PageHandle` uses it for its buttons.
   */
  pressButton(
    api: string,
    produce: () => Promise<ButtonDetail> | ButtonDetail,
    deliver: (detail: ButtonDetail) => void,
  ): Promise<ButtonDetail>;
}

/**
 * Builds a `wx` that behaves like WeChat's, backed by the mock at `baseUrl`: real HTTP, codes
 * and payloads minted by the mock's WeChat, WeChat's storage rules, and real failure paths.
 */
export function createWxBridge(options: WxBridgeOptions): WxBridge {
  const client = new WechatClient(options.baseUrl, options.appid, options.openid);
  const storage = options.storage ?? new WxStorage();
  const files = new TempFiles();
  const media = new MediaPicker();
  const ui = new UiRecorder();
  const network = new NetworkConditions(options.networkTimeout, options.timers);
  const refusals: Refusals = { userProfile: false, userInfo: false };
  const callbackErrors: unknown[] = [];
  let inFlight = 0;
  const hooks: BridgeHooks = {
    error: (error) => {
      callbackErrors.push(error);
      options.onCallbackError?.(error);
    },
    begin: () => void inFlight++,
    end: () => void inFlight--,
  };
  const privacy = new Privacy(storage, hooks);
  const location = new DeviceLocation();

  const api = {
    request: createRequest(network, hooks),
    uploadFile: createUploadFile(files, network, hooks),
    ...createStorageApi(storage, hooks),
    ...createAuthApi(client, refusals, hooks),
    ...createMediaApi(files, media, privacy, hooks),
    ...createUiApi(ui, hooks),
    ...createPrivacyApi(privacy, ui, hooks),
    ...createLocationApi(location, privacy, hooks),
  } as unknown as WxBridge['api'];

  return {
    api,
    client,
    storage,
    files,
    media,
    ui,
    network,
    refusals,
    location,
    privacy,
    callbackErrors,
    get inFlight() {
      return inFlight;
    },
    install(target) {
      const g = globalThis as unknown as { wx?: Record<string, unknown> };
      const wx = target ?? (g.wx ??= {});
      return Object.assign(wx, api);
    },
    async phoneNumberDetail(outcome = 'code', platform = 'ios') {
      if (outcome === 'deny') return phoneDenyDetail(platform);
      if (outcome === 'no-quota') return phoneNoQuotaDetail();
      return phoneSuccessDetail(client, outcome);
    },
    realtimePhoneNumberDetail: (outcome = 'code', platform = 'ios') =>
      realtimePhoneDetail(client, outcome, platform),
    chooseAvatarDetail: () => chooseAvatarDetail(files),
    pressButton: (api, produce, deliver) => pressButton(privacy, hooks, api, produce, deliver),
  };
}
