import { GenAuthError, isGenAuthError } from './errors';
import { ProfileClient } from './profile-client';
import { envelopeOf } from './transport';
import type { LoginByCodeOptions, PhoneInfo, User } from './types';

/**
 * The phone-number button's answer. Current WeChat (base library ≥ 2.21.2) gives `e.detail.code`:
 * pass it as `phoneCode`. Older clients give `iv` + `encryptedData`.
 */
export interface PhoneDetail {
  /** `e.detail.code` of `<button open-type="getPhoneNumber">` (the current flow). */
  phoneCode?: string;
  iv?: string;
  encryptedData?: string;
}

const WECHAT = '/connections/social/wechat-miniprogram';

/**
 * The GenAuth client for WeChat mini-programs: the authing-wxapp-sdk API (WeChat login, phone,
 * avatar) plus every authing-js-sdk 4.15.8 AuthenticationClient method a mini-program can use.
 *
 * @example
 * const client = new AuthenticationClient({ appId: 'APP_ID', host: 'https://my-pool.genauth.ai' });
 * const { code } = await wx.login();
 * const user = await client.loginByCode(code);
 */
export class AuthenticationClient extends ProfileClient {
  private async wechat<T>(path: string, body: object): Promise<T> {
    return this.transport.rest<T>('POST', WECHAT + path, body);
  }

  /**
   * Logs in with a `wx.login` code (a fresh one is fetched when `code` is omitted). Optional
   * profile data comes from `wx.getUserInfo`/`getUserProfile` (`iv` + `encryptedData`, or
   * `rawData`). Stores the user and token.
   */
  async loginByCode(code?: string, options: LoginByCodeOptions = {}): Promise<User> {
    const { iv, encryptedData, rawData } = options;
    const loginCode = code ?? (await this.runtime.login());
    const user = await this.wechat<User>('/auth', { code: loginCode, iv, encryptedData, rawData });
    return this.keep(user);
  }

  /**
   * Logs in (creating or binding the account) with the user's WeChat phone number.
   *
   * @param code a `wx.login` code (fetched when `undefined`)
   * @param ivOrDetail legacy `iv`, or the button's detail (`{ phoneCode: e.detail.code }`)
   * @param encryptedData legacy `encryptedData`
   */
  async loginByPhone(
    code: string | undefined,
    ivOrDetail: string | PhoneDetail,
    encryptedData?: string,
  ): Promise<User> {
    const body = await this.phoneBody(code, ivOrDetail, encryptedData);
    return this.keep(await this.wechat<User>('/auth-by-phone', body));
  }

  /**
   * The user's WeChat phone number (stores nothing). Arguments as in {@link loginByPhone}.
   */
  async getPhone(
    code: string | undefined,
    ivOrDetail: string | PhoneDetail,
    encryptedData?: string,
  ): Promise<PhoneInfo> {
    const body = await this.phoneBody(code, ivOrDetail, encryptedData);
    return this.wechat<PhoneInfo>('/getphone', body);
  }

  private async phoneBody(
    code: string | undefined,
    ivOrDetail: string | PhoneDetail,
    encryptedData?: string,
  ): Promise<Record<string, string | undefined>> {
    const detail: PhoneDetail =
      typeof ivOrDetail === 'object' && ivOrDetail !== null
        ? ivOrDetail
        : { iv: ivOrDetail, encryptedData };
    const loginCode = code ?? (await this.runtime.login());
    // The phone code needs no session key, so it wins over a (possibly stale) encrypted pair.
    return detail.phoneCode
      ? { code: loginCode, phoneCode: detail.phoneCode }
      : { code: loginCode, iv: detail.iv, encryptedData: detail.encryptedData };
  }

  /**
   * Uploads a new avatar and saves it as the user's `photo`. Without `tempFilePath` the user picks
   * an image (`wx.chooseMedia`, or `wx.chooseImage` on old clients); pass the `e.detail.avatarUrl`
   * of `<button open-type="chooseAvatar">` to skip the picker.
   *
   * @throws GenAuthError `cancelled` when the user dismisses the picker.
   */
  async updateAvatar(tempFilePath?: string): Promise<User> {
    this.checkLoggedIn();
    const filePath = tempFilePath ?? (await this.runtime.chooseImage());
    const url = `${this.options.host}/api/v2/upload?folder=avatar`;
    let res;
    try {
      res = await this.runtime.uploadFile({
        url,
        filePath,
        name: 'file',
        headers: this.transport.headers(),
        timeout: this.options.timeout,
      });
    } catch (cause) {
      if (isGenAuthError(cause)) throw cause;
      throw new GenAuthError({
        kind: 'wechat',
        code: -1,
        message: `Avatar upload failed: ${String(cause)}`,
        cause,
      });
    }
    const envelope = envelopeOf(res, 'POST', url);
    const data = envelope.data as { url?: unknown } | null | undefined;
    if (envelope.code !== 200 || typeof data?.url !== 'string') {
      throw this.transport.serverError(envelope.code, envelope.message, envelope.data);
    }
    return this.updateProfile({ photo: data.url });
  }
}
