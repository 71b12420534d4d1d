import { controlJson } from './http';

/** What the getPhoneNumber button puts in `e.detail` on success. */
export interface PhoneNumberDetail {
  errMsg: string;
  code: string;
  encryptedData: string;
  iv: string;
  [key: string]: unknown;
}

/** What `getUserInfo`/`getUserProfile` hand to the page (before the `errMsg`). */
export interface UserInfoPayload {
  userInfo: Record<string, unknown>;
  rawData: string;
  signature: string;
  encryptedData: string;
  iv: string;
}

/** A WeChat user as the mock's control surface describes it. */
export interface WechatUserRecord {
  appid: string;
  openid: string;
  unionid?: string | null;
  nickName?: string;
  avatarUrl?: string;
  phone?: { countryCode: string; purePhoneNumber: string } | null;
  blocked?: boolean;
  [key: string]: unknown;
}

/**
 * The simulated WeChat client: which app is running and which WeChat user holds the phone. Every
 * WeChat-side answer (login codes, profile payloads, phone details) is minted by the mock through
 * `/__mock/v1/wechat/*`, so the server side can verify them for real.
 */
export class WechatClient {
  /** The current user's openid; `undefined` until the first login creates a new user. */
  openid: string | undefined;
  /** Pins the session_key of the next logins (so known-answer vectors reproduce). */
  sessionKey: string | undefined;

  constructor(
    readonly baseUrl: string,
    readonly appid: string,
    openid?: string,
  ) {
    this.openid = openid;
  }

  /** `wx.login`: a fresh code for the current user (a new user when none is selected yet). */
  async login(): Promise<string> {
    const res = await controlJson<{ code: string; openid: string }>(
      this.baseUrl,
      'POST',
      '/wechat/login',
      {
        appid: this.appid,
        ...(this.openid === undefined ? {} : { openid: this.openid }),
        ...(this.sessionKey === undefined ? {} : { sessionKey: this.sessionKey }),
      },
    );
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
    const query = `appid=${encodeURIComponent(this.appid)}&openid=${encodeURIComponent(this.openid)}`;
    const res = await controlJson<{ session: unknown }>(
      this.baseUrl,
      'GET',
      `/wechat/sessions?${query}`,
    );
    return res.session !== null && res.session !== undefined;
  }

  /** Ends the user's WeChat session now (what an opaque WeChat-side expiry does). */
  async expireSession(): Promise<void> {
    const openid = await this.ensureUser();
    await controlJson(this.baseUrl, 'POST', '/wechat/sessions/expire', {
      appid: this.appid,
      openid,
    });
  }

  /** Profile payload signed and encrypted under the current session key. */
  async userInfo(): Promise<UserInfoPayload> {
    const openid = await this.ensureUser();
    return controlJson<UserInfoPayload>(this.baseUrl, 'POST', '/wechat/user-info', {
      appid: this.appid,
      openid,
    });
  }

  /** The getPhoneNumber button's success detail (new phone code + legacy encryptedData). */
  async phoneNumber(): Promise<PhoneNumberDetail> {
    const openid = await this.ensureUser();
    return controlJson<PhoneNumberDetail>(this.baseUrl, 'POST', '/wechat/phone-number', {
      appid: this.appid,
      openid,
    });
  }

  /**
   * Creates or updates a WeChat user of this app (the current one unless `openid` is given) and
   * selects it. `phone` may be a mainland number string.
   */
  async upsertUser(
    fields: Omit<Partial<WechatUserRecord>, 'phone'> & {
      phone?: WechatUserRecord['phone'] | string;
    },
  ): Promise<WechatUserRecord> {
    const res = await controlJson<{ user?: WechatUserRecord } & Partial<WechatUserRecord>>(
      this.baseUrl,
      'POST',
      '/wechat/users',
      {
        appid: this.appid,
        ...(this.openid === undefined ? {} : { openid: this.openid }),
        ...fields,
      },
    );
    const user = (res.user ?? res) as WechatUserRecord;
    this.openid = user.openid;
    return user;
  }
}
