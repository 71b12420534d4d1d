import {
  createControlClient,
  type ControlClient,
  type PhoneNumberResult,
  type UpsertUserInput,
  type UserInfoResult,
  type WechatUserView,
} from '@genauth-wxapp/mock-server/client';

/** What the getPhoneNumber button puts in `e.detail` on success. */
export type PhoneNumberDetail = PhoneNumberResult;

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

  /** The getPhoneNumber button's success detail (new phone code + legacy encryptedData). */
  async phoneNumber(): Promise<PhoneNumberDetail> {
    const openid = await this.ensureUser();
    return this.#control.wechat.phoneNumber({ appid: this.appid, openid });
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
