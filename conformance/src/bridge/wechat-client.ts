import {
  createControlClient,
  type ControlClient,
  type PhoneNumberDetail as MockPhoneButtonDetail,
  type PhoneNumberResult,
  type PhoneQuotaView,
  type SetQuotaInput,
  type UpsertUserInput,
  type UserInfoResult,
  type WechatUserView,
} from '@genauth-wxapp/mock-server/client';

/** What the getPhoneNumber button puts in `e.detail` on success. */
export type PhoneNumberDetail = PhoneNumberResult;

/**
 * What a phone-number button hands the page, as the mock mints it: the fast-verify success
 * (code + legacy payload), the real-time success (code only), or errno 1400001 (quota used up).
 */
export type PhoneButtonDetail = MockPhoneButtonDetail;

/** The app's phone-number quota per product (fast verification, real-time), with its use. */
export type PhoneQuota = PhoneQuotaView;

/** A change to the app's phone-number quota: `trial`, `paid`, `used` per product. */
export type PhoneQuotaChange = Omit<SetQuotaInput, 'appid'>;

/** What `getUserInfo`/`getUserProfile` hand to the page (before the `errMsg`). */
export type UserInfoPayload = UserInfoResult;

/** A WeChat user as the mock's control surface describes it. */
export type WechatUserRecord = WechatUserView;

/**
 * The simulated WeChat client: which app is running and which WeChat user holds the phone. Every
 * WeChat-side answer (login codes, profile payloads, phone details) is minted by the mock through
 * its control API (`/__mock/v1/wechat/*`), so the server side can verify them for real.
 */
export class WechatClient {
  /** The current user's openid; `undefined` until the first login creates a new user. */
  openid: string | undefined;
  /** Pins the session_key of the next logins (so known-answer vectors reproduce). */
  sessionKey: string | undefined;
  readonly #control: ControlClient;

  constructor(
    readonly baseUrl: string,
    readonly appid: string,
    openid?: string,
  ) {
    this.openid = openid;
    this.#control = createControlClient(baseUrl);
  }

  /** `wx.login`: a fresh code for the current user (a new user when none is selected yet). */
  async login(): Promise<string> {
    const res = await this.#control.wechat.login({
      appid: this.appid,
      ...(this.openid === undefined ? {} : { openid: this.openid }),
      ...(this.sessionKey === undefined ? {} : { sessionKey: this.sessionKey }),
    });
    this.openid = res.openid;
    return res.code;
  }

  /** The current openid, creating a new WeChat user through a login when none is selected. */
  async ensureUser(): Promise<string> {
    if (this.openid === undefined) await this.login();
    return this.openid as string;
  }

  /** Whether the user's latest session_key is still valid on the WeChat side. */
  async checkSession(): Promise<boolean> {
    if (this.openid === undefined) return false;
    return (
      (await this.#control.wechat.session({ appid: this.appid, openid: this.openid })) !== null
    );
  }

  /** Ends the user's WeChat session now (what an opaque WeChat-side expiry does). */
  async expireSession(): Promise<void> {
    const openid = await this.ensureUser();
    await this.#control.wechat.expireSession({ appid: this.appid, openid });
  }

  /** Profile payload signed and encrypted under the current session key. */
  async userInfo(): Promise<UserInfoPayload> {
    const openid = await this.ensureUser();
    return this.#control.wechat.userInfo({ appid: this.appid, openid });
  }

  /**
   * The getPhoneNumber button's success detail (new phone code + legacy encryptedData); fails
   * (409 `no_quota`) once the app's quota is used up.
   */
  async phoneNumber(): Promise<PhoneNumberDetail> {
    const openid = await this.ensureUser();
    return this.#control.wechat.phoneNumber({ appid: this.appid, openid });
  }

  /**
   * A tap on a phone-number button that reaches WeChat: the fast-verify one (`realtime` false)
   * or the real-time one. Uses a call of the app's quota for that product; with none left the
   * detail is the errno 1400001 failure and no code is minted.
   */
  async phoneButton(realtime: boolean): Promise<PhoneButtonDetail> {
    const openid = await this.ensureUser();
    return this.#control.wechat.phoneNumber({ appid: this.appid, openid, realtime });
  }

  /** The app's phone-number quota and use, per product. */
  quota(): Promise<PhoneQuota> {
    return this.#control.wechat.quota({ appid: this.appid });
  }

  /**
   * Changes the app's phone-number quota, e.g. `setQuota({ fastVerify: { trial: 1000, used: 1000 } })`
   * (used up: the buttons answer errno 1400001). The quota belongs to the app in the mock, so it
   * outlives `env.reset()`: restore it when done.
   */
  setQuota(change: PhoneQuotaChange): Promise<PhoneQuota> {
    return this.#control.wechat.setQuota({ ...change, appid: this.appid });
  }

  /**
   * Creates or updates a WeChat user of this app (the current one unless `openid` is given) and
   * selects it. `phone` may be a mainland number string.
   */
  async upsertUser(fields: Omit<UpsertUserInput, 'appid'>): Promise<WechatUserRecord> {
    const { user } = await this.#control.wechat.upsertUser({
      appid: this.appid,
      ...(this.openid === undefined ? {} : { openid: this.openid }),
      ...fields,
    });
    this.openid = user.openid;
    return user;
  }
}
