import { createCore, encrypt, keep, loggedInId, type Core } from './core';
import * as doc from './documents';
import { GenAuthError, isGenAuthError } from './errors';
import * as oidc from './oidc';
import { login, register, udvOp, userOp } from './operations';
import type { AuthenticationClientOptions } from './options';
import { phoneBody, type PhoneDetail } from './phone';
import { envelopeOf } from './transport';
import type {
  ApplicationList,
  AuthorizedResource,
  AuthorizeUrlOptions,
  CheckPasswordStrengthResult,
  CommonMessage,
  EmailScene,
  IntrospectTokenResult,
  JwtTokenStatus,
  LoginByCodeOptions,
  LoginOptions,
  LogoutUrlOptions,
  OidcTokenSet,
  OidcUserInfo,
  OrgNode,
  PhoneInfo,
  RefreshTokenResult,
  RegisterOptions,
  RegisterProfile,
  SecurityLevel,
  UpdateUserInput,
  User,
  UserDefinedData,
  ValidateTicketV1Result,
} from './types';
import { convertUdv, udvToKeyValue } from './udv';

/** Each client's state, out of reach of the client object and its prototype. */
const cores = new WeakMap<object, Core>();
const $ = (client: object): Core => cores.get(client) as Core;

const WECHAT = '/connections/social/wechat-miniprogram';
const wechat = <T>(core: Core, path: string, body: object): Promise<T> =>
  core.transport.rest<T>('POST', WECHAT + path, body);

/**
 * The GenAuth client for WeChat mini-programs: the authing-wxapp-sdk API (WeChat login, phone,
 * avatar) plus every authing-js-sdk 4.15.8 AuthenticationClient method a mini-program can use.
 * Its options are validated and frozen at construction; its state is not reachable from outside.
 *
 * @example
 * const client = new AuthenticationClient({ appId: 'APP_ID', host: 'https://my-pool.genauth.ai' });
 * const user = await client.loginByCode();
 */
export class AuthenticationClient {
  /** @throws TypeError naming the invalid option. */
  constructor(options: AuthenticationClientOptions) {
    cores.set(this, createCore(options));
  }

  // ── WeChat ────────────────────────────────────────────────────────────────────────────────

  /**
   * Logs in with a `wx.login` code (a fresh one is fetched when `code` is omitted). Optional
   * profile data comes from `wx.getUserInfo`/`getUserProfile` (`iv` + `encryptedData`, or
   * `rawData`). Stores the user and token.
   */
  async loginByCode(code?: string, options: LoginByCodeOptions = {}): Promise<User> {
    const core = $(this);
    const { iv, encryptedData, rawData } = options;
    const loginCode = code ?? (await core.runtime.login());
    const body = { code: loginCode, iv, encryptedData, rawData };
    return keep(core, await wechat<User>(core, '/auth', body));
  }

  /**
   * Logs in (creating or binding the account) with the user's WeChat phone number.
   *
   * @param code a `wx.login` code (fetched when `undefined`)
   * @param ivOrDetail legacy `iv`, or the button's `e.detail` (fast-verify or real-time button)
   * @param encryptedData legacy `encryptedData`
   * @throws GenAuthError `denied` / `quota` / `privacy` when the tap itself failed.
   */
  async loginByPhone(
    code: string | undefined,
    ivOrDetail: string | PhoneDetail,
    encryptedData?: string,
  ): Promise<User> {
    const core = $(this);
    const body = await phoneBody(core, code, ivOrDetail, encryptedData);
    return keep(core, await wechat<User>(core, '/auth-by-phone', body));
  }

  /** The user's WeChat phone number (stores nothing). Arguments as in {@link loginByPhone}. */
  async getPhone(
    code: string | undefined,
    ivOrDetail: string | PhoneDetail,
    encryptedData?: string,
  ): Promise<PhoneInfo> {
    const core = $(this);
    return wechat<PhoneInfo>(
      core,
      '/getphone',
      await phoneBody(core, code, ivOrDetail, encryptedData),
    );
  }

  /**
   * Uploads a new avatar and saves it as the user's `photo`. Without `tempFilePath` the user picks
   * an image (`wx.chooseMedia`, or `wx.chooseImage` on old clients); pass the `e.detail.avatarUrl`
   * of `<button open-type="chooseAvatar">` to skip the picker.
   *
   * @throws GenAuthError `cancelled` when the user dismisses the picker.
   */
  async updateAvatar(tempFilePath?: string): Promise<User> {
    const core = $(this);
    loggedInId(core);
    const filePath = tempFilePath ?? (await core.runtime.chooseImage());
    const url = `${core.options.host}/api/v2/upload?folder=avatar`;
    let res;
    try {
      res = await core.runtime.uploadFile({
        url,
        filePath,
        name: 'file',
        headers: core.transport.headers(),
        timeout: core.options.timeout,
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
      throw core.transport.serverError(envelope.code, envelope.message, envelope.data);
    }
    return this.updateProfile({ photo: data.url });
  }

  // ── Login state ───────────────────────────────────────────────────────────────────────────

  /** The stored token, or `null` when logged out. */
  getToken(): string | null {
    return $(this).session.getToken();
  }

  /** Stores a token (e.g. one your server issued); the next requests carry it. */
  setToken(token: string): void {
    $(this).session.setToken(token);
  }

  /** Stores the user and its `token` as the login state. */
  setCurrentUser(user: User): void {
    $(this).session.setUser(user);
  }

  /**
   * The logged-in user's id: the stored user's `id`, else the token's `sub` / `data.id`.
   * @throws GenAuthError `not-logged-in` (2020 without a token, 2207 for an unreadable token)
   */
  checkLoggedIn(): string {
    return loggedInId($(this));
  }

  /**
   * Checks a token on the server (the stored one when `token` is omitted). Never throws for an
   * invalid token: the answer has `status: false`.
   */
  checkLoginStatus(token?: string): Promise<JwtTokenStatus> {
    return $(this).transport.graphqlRoot(doc.CHECK_LOGIN_STATUS, { token });
  }

  // ── Register and log in ───────────────────────────────────────────────────────────────────

  /** Registers with email and password (stores the returned user). */
  async registerByEmail(
    email: string,
    password: string,
    profile?: RegisterProfile,
    options?: RegisterOptions,
  ): Promise<User> {
    const core = $(this);
    const fields = { email, password: await encrypt(core, password) };
    return register(core, doc.REGISTER_BY_EMAIL, fields, profile, options);
  }

  /** Registers with username and password (stores the returned user). */
  async registerByUsername(
    username: string,
    password: string,
    profile?: RegisterProfile,
    options?: RegisterOptions,
  ): Promise<User> {
    const core = $(this);
    const fields = { username, password: await encrypt(core, password) };
    return register(core, doc.REGISTER_BY_USERNAME, fields, profile, options);
  }

  /** Registers with a phone and its SMS code, optionally setting a password. */
  async registerByPhoneCode(
    phone: string,
    code: string,
    password?: string,
    profile?: RegisterProfile,
    options?: RegisterOptions,
  ): Promise<User> {
    const core = $(this);
    const fields = { phone, code, password: password ? await encrypt(core, password) : password };
    return register(core, doc.REGISTER_BY_PHONE_CODE, fields, profile, options);
  }

  /** Logs in with email and password. */
  async loginByEmail(email: string, password: string, options: LoginOptions = {}): Promise<User> {
    const core = $(this);
    const fields = {
      email,
      password: await encrypt(core, password),
      autoRegister: options.autoRegister ?? false,
      captchaCode: options.captchaCode,
    };
    return login(core, doc.LOGIN_BY_EMAIL, fields, options);
  }

  /** Logs in with username and password. */
  async loginByUsername(
    username: string,
    password: string,
    options: LoginOptions = {},
  ): Promise<User> {
    const core = $(this);
    const fields = {
      username,
      password: await encrypt(core, password),
      autoRegister: options.autoRegister ?? false,
      captchaCode: options.captchaCode,
    };
    return login(core, doc.LOGIN_BY_USERNAME, fields, options);
  }

  /** Logs in with a phone and its SMS code. */
  loginByPhoneCode(
    phone: string,
    code: string,
    options: Omit<LoginOptions, 'autoRegister' | 'captchaCode'> = {},
  ): Promise<User> {
    return login($(this), doc.LOGIN_BY_PHONE_CODE, { phone, code }, options);
  }

  /** Logs in with a phone and password. */
  async loginByPhonePassword(
    phone: string,
    password: string,
    options: LoginOptions = {},
  ): Promise<User> {
    const core = $(this);
    const fields = {
      phone,
      password: await encrypt(core, password),
      captchaCode: options.captchaCode,
      autoRegister: options.autoRegister ?? false,
    };
    return login(core, doc.LOGIN_BY_PHONE_PASSWORD, fields, options);
  }

  /** Logs in with a sub-account and its password. */
  async loginBySubAccount(
    account: string,
    password: string,
    options: { captchaCode?: string; clientIp?: string } = {},
  ): Promise<User> {
    const core = $(this);
    const variables = {
      account,
      password: await encrypt(core, password),
      captchaCode: options.captchaCode,
      clientIp: options.clientIp,
    };
    return userOp(core, doc.LOGIN_BY_SUB_ACCOUNT, variables, true);
  }

  /** Logs in through the pool's LDAP connection (password sent as given, as upstream). */
  async loginByLdap(username: string, password: string): Promise<User> {
    const core = $(this);
    const body = { username, password };
    return keep(core, await core.transport.rest<User>('POST', '/api/v2/ldap/verify-user', body));
  }

  /**
   * Logs in through the pool's AD connection, at `https://ws.<parent domain of host>`.
   * The origin is the `websocketHost` option unless `websocketHost` is passed here.
   */
  async loginByAd(username: string, password: string, websocketHost?: string): Promise<User> {
    const core = $(this);
    const hostname = core.options.host.replace(/^https?:\/\//, '').split(/[/:]/)[0] ?? '';
    const origin =
      websocketHost ??
      core.options.websocketHost ??
      `https://ws.${hostname.split('.').slice(1).join('.')}`;
    const url = `${origin.replace(/\/+$/, '')}/api/v2/ad/verify-user`;
    return keep(core, await core.transport.restAt<User>('POST', url, { username, password }));
  }

  // ── Codes and passwords ───────────────────────────────────────────────────────────────────

  /** Sends an SMS verification code. Resolves the envelope's `data` (usually `undefined`). */
  sendSmsCode(phone: string): Promise<CommonMessage | undefined> {
    return $(this).transport.rest('POST', '/api/v2/sms/send', { phone });
  }

  /** Sends a verification email for the given scene. */
  sendEmail(email: string, scene: EmailScene): Promise<CommonMessage> {
    return $(this).transport.graphqlRoot(doc.SEND_EMAIL, { email, scene });
  }

  /** Resets the password with a phone SMS code. */
  async resetPasswordByPhoneCode(
    phone: string,
    code: string,
    newPassword: string,
  ): Promise<CommonMessage> {
    const core = $(this);
    const variables = { phone, code, newPassword: await encrypt(core, newPassword) };
    return core.transport.graphqlRoot(doc.RESET_PASSWORD, variables);
  }

  /** Resets the password with an email code. */
  async resetPasswordByEmailCode(
    email: string,
    code: string,
    newPassword: string,
  ): Promise<CommonMessage> {
    const core = $(this);
    const variables = { email, code, newPassword: await encrypt(core, newPassword) };
    return core.transport.graphqlRoot(doc.RESET_PASSWORD, variables);
  }

  /** Checks a password against the pool's strength rule (sent in plain text, as upstream). */
  checkPasswordStrength(password: string): Promise<CheckPasswordStrengthResult> {
    return $(this).transport.graphqlRoot(doc.CHECK_PASSWORD_STRENGTH, { password });
  }

  /** Rates a password locally: 3 = high, 2 = middle, 1 = low (authing-js-sdk's rule). */
  computedPasswordSecurityLevel(password: string): 1 | 2 | 3 {
    if (typeof password !== 'string') throw new TypeError('password must be a `string`');
    if (/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[^]{12,}$/.test(password)) return 3;
    if (/^(?=.*[a-zA-Z])(?=.*\d)[^]{8,}$/.test(password)) return 2;
    return 1;
  }

  // ── Profile ───────────────────────────────────────────────────────────────────────────────

  /** The logged-in user from the server (stored), or `null` on any error (`onError` still fires). */
  async getCurrentUser(): Promise<User | null> {
    try {
      return await userOp($(this), doc.USER_QUERY, {}, true);
    } catch {
      return null;
    }
  }

  /** Updates the logged-in user's profile (`password` is ignored; use `updatePassword`). */
  async updateProfile(updates: UpdateUserInput): Promise<User> {
    const core = $(this);
    const id = loggedInId(core);
    const input: UpdateUserInput = { ...updates };
    delete input.password;
    return userOp(core, doc.UPDATE_USER, { id, input }, true);
  }

  /** Changes the password (`oldPassword` is required when one is set). Stores nothing. */
  async updatePassword(newPassword: string, oldPassword?: string): Promise<User> {
    const core = $(this);
    const variables = {
      newPassword: newPassword ? await encrypt(core, newPassword) : newPassword,
      oldPassword: oldPassword ? await encrypt(core, oldPassword) : oldPassword,
    };
    return userOp(core, doc.UPDATE_PASSWORD, variables, false);
  }

  /** Changes the phone with its SMS code (and the old phone's code when required). */
  updatePhone(
    phone: string,
    phoneCode: string,
    oldPhone?: string,
    oldPhoneCode?: string,
  ): Promise<User> {
    const variables = { phone, phoneCode, oldPhone, oldPhoneCode };
    return userOp($(this), doc.UPDATE_PHONE, variables, false);
  }

  /** Changes the email with its code (and the old email's code when required). */
  updateEmail(
    email: string,
    emailCode: string,
    oldEmail?: string,
    oldEmailCode?: string,
  ): Promise<User> {
    const variables = { email, emailCode, oldEmail, oldEmailCode };
    return userOp($(this), doc.UPDATE_EMAIL, variables, false);
  }

  /** Binds a phone to the logged-in user. */
  bindPhone(phone: string, phoneCode: string): Promise<User> {
    return userOp($(this), doc.BIND_PHONE, { phone, phoneCode }, true);
  }

  /** Unbinds the logged-in user's phone. */
  unbindPhone(): Promise<User> {
    return userOp($(this), doc.UNBIND_PHONE, {}, true);
  }

  /** Binds an email to the logged-in user. */
  bindEmail(email: string, emailCode: string): Promise<User> {
    return userOp($(this), doc.BIND_EMAIL, { email, emailCode }, true);
  }

  /** Unbinds the logged-in user's email. */
  unbindEmail(): Promise<User> {
    return userOp($(this), doc.UNBIND_EMAIL, {}, true);
  }

  /** Refreshes the token (stores the new one). */
  async refreshToken(): Promise<RefreshTokenResult> {
    const core = $(this);
    const result = await core.transport.graphqlRoot<RefreshTokenResult>(doc.REFRESH_TOKEN, {});
    core.session.setToken(result.token);
    return result;
  }

  /** Logs out on the server; the local login state is cleared only when the server agrees. */
  async logout(): Promise<void> {
    const core = $(this);
    await core.transport.rest('GET', `/api/v2/logout?app_id=${core.options.appId}`);
    core.session.clear();
  }

  /** Links a social account (`secondaryUserToken`) to a primary account. */
  async linkAccount(options: {
    primaryUserToken: string;
    secondaryUserToken: string;
  }): Promise<CommonMessage> {
    const { primaryUserToken, secondaryUserToken } = options;
    const body = { primaryUserToken, secondaryUserToken };
    await $(this).transport.rest('POST', '/api/v2/users/link', body);
    return { code: 200, message: '绑定成功' };
  }

  /** Unlinks a social provider from the primary account. */
  async unLinkAccount(options: {
    primaryUserToken: string;
    provider: string;
  }): Promise<CommonMessage> {
    const { primaryUserToken, provider } = options;
    await $(this).transport.rest('POST', '/api/v2/users/unlink', { primaryUserToken, provider });
    return { code: 200, message: '解绑成功' };
  }

  // ── User-defined data ─────────────────────────────────────────────────────────────────────

  /** The logged-in user's user-defined data, values decoded by type. */
  async listUdv(): Promise<UserDefinedData[]> {
    return convertUdv(await udvOp($(this), doc.UDV_QUERY));
  }

  /** Sets one user-defined value (sent JSON-encoded). */
  async setUdv(key: string, value: unknown): Promise<UserDefinedData[]> {
    const extra = { key, value: JSON.stringify(value) };
    return convertUdv(await udvOp($(this), doc.SET_UDV, extra));
  }

  /** Removes one user-defined value. */
  async removeUdv(key: string): Promise<UserDefinedData[]> {
    return convertUdv(await udvOp($(this), doc.REMOVE_UDV, { key }));
  }

  /** The user-defined data as `{key: value}`. */
  async getUdfValue(): Promise<Record<string, unknown>> {
    return udvToKeyValue(await udvOp($(this), doc.UDV_QUERY));
  }

  /** Sets several user-defined values at once. */
  async setUdfValue(data: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(data);
    if (keys.length === 0) {
      throw new GenAuthError({
        kind: 'invalid-argument',
        code: 400,
        message: 'empty udf value list',
      });
    }
    const udvList = keys.map((key) => ({ key, value: JSON.stringify(data[key]) }));
    await udvOp($(this), doc.SET_UDV_BATCH, { udvList });
  }

  /** Removes one user-defined value. */
  async removeUdfValue(key: string): Promise<void> {
    await udvOp($(this), doc.REMOVE_UDV, { key });
  }

  // ── Organisations, security, applications, resources ──────────────────────────────────────

  /** The organisations the user belongs to: for each, the path of nodes from its root. */
  listOrgs(): Promise<OrgNode[][]> {
    return $(this).transport.rest('GET', '/api/v2/users/me/orgs');
  }

  /** The account's security score. */
  getSecurityLevel(): Promise<SecurityLevel> {
    return $(this).transport.rest('GET', '/api/v2/users/me/security-level');
  }

  /** The applications the user may access. */
  listApplications(params: { page?: number; limit?: number } = {}): Promise<ApplicationList> {
    const { page = 1, limit = 10 } = params;
    const path = `/api/v2/users/me/applications/allowed?page=${page}&limit=${limit}`;
    return $(this).transport.rest('GET', path);
  }

  /** Resources the user is authorised for in a permission namespace. */
  async listAuthorizedResources(
    namespace: string,
    options: { resourceType?: string } = {},
  ): Promise<{ list: AuthorizedResource[]; totalCount: number }> {
    const core = $(this);
    const id = loggedInId(core);
    const data = await core.transport.graphql<{
      user: { authorizedResources: { list: AuthorizedResource[]; totalCount: number } } | null;
    }>(doc.LIST_AUTHORIZED_RESOURCES, { id, namespace, resourceType: options.resourceType });
    if (!data.user) throw core.transport.serverError(2004, '用户不存在', null);
    const { list, totalCount } = data.user.authorizedResources;
    const cleaned = list.map((resource) => {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(resource)) if (value) copy[key] = value;
      return copy as unknown as AuthorizedResource;
    });
    return { list: cleaned, totalCount };
  }

  // ── OIDC / OAuth / CAS (on the `appHost` option, `protocol` default 'oidc') ────────────────

  /**
   * Exchanges an authorization code for a token set (`POST {appHost}/oidc/token`, client
   * authentication `none`). Pass the PKCE `codeVerifier` when the URL carried a challenge.
   */
  getAccessTokenByCode(code: string, options?: { codeVerifier?: string }): Promise<OidcTokenSet> {
    return oidc.getAccessTokenByCode($(this), code, options);
  }

  /** A new token set for a refresh token (`grant_type=refresh_token`). */
  getNewAccessTokenByRefreshToken(refreshToken: string): Promise<OidcTokenSet> {
    return oidc.getNewAccessTokenByRefreshToken($(this), refreshToken);
  }

  /** Revokes an access or refresh token (RFC 7009); resolves `true`. */
  revokeToken(token: string): Promise<true> {
    return oidc.revokeToken($(this), token);
  }

  /**
   * Introspects a token (RFC 7662). GenAuth authenticates introspection with the app secret, which
   * a mini-program does not hold: expect an `oauth` 401 unless your provider allows `none`.
   */
  introspectToken(token: string): Promise<IntrospectTokenResult> {
    return oidc.introspectToken($(this), token);
  }

  /** The claims of an access token (`POST {appHost}/oidc/me`). */
  getUserInfoByAccessToken(accessToken: string): Promise<OidcUserInfo> {
    return oidc.getUserInfoByAccessToken($(this), accessToken);
  }

  /** The authorization URL of the `protocol` option (oidc, oauth, saml, cas), as upstream. */
  buildAuthorizeUrl(options?: AuthorizeUrlOptions): string {
    return oidc.buildAuthorizeUrl($(this), options);
  }

  /** The logout URL (CAS, OIDC end-session with `expert: true`, or the hosted page's). */
  buildLogoutUrl(options?: LogoutUrlOptions): string {
    return oidc.buildLogoutUrl($(this), options);
  }

  /** Validates a CAS ticket (`GET {appHost}/cas-idp/{appId}/validate`). */
  validateTicketV1(ticket: string, service: string): Promise<ValidateTicketV1Result> {
    return oidc.validateTicketV1($(this), ticket, service);
  }
}
