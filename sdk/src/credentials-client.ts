import { ClientCore } from './core';
import * as doc from './documents';
import type {
  CheckPasswordStrengthResult,
  CommonMessage,
  EmailScene,
  JwtTokenStatus,
  LoginOptions,
  RegisterOptions,
  RegisterProfile,
  User,
} from './types';

type Extras = Pick<RegisterOptions, 'params' | 'customData' | 'context'>;

/** `params` / `context` exactly as authing-js-sdk encodes them (JSON strings or `null`). */
function extras(options: Extras): { params: string | null; context: string | null } {
  const { params, customData, context } = options;
  return {
    params: customData
      ? JSON.stringify(Object.keys(customData).map((key) => ({ key, value: customData[key] })))
      : params
        ? JSON.stringify(params)
        : null,
    context: context ? JSON.stringify(context) : null,
  };
}

/** Registration, password/code login, verification codes and password reset. */
export class CredentialsClient extends ClientCore {
  private async register(
    document: string,
    root: string,
    fields: Record<string, unknown>,
    profile: RegisterProfile | undefined,
    options: RegisterOptions = {},
  ): Promise<User> {
    const input = {
      ...fields,
      profile: profile ?? {},
      forceLogin: options.forceLogin ?? false,
      generateToken: options.generateToken ?? false,
      clientIp: options.clientIp,
      ...extras(options),
    };
    return this.keep(await this.transport.graphqlRoot<User>(document, { input }, root));
  }

  private async login(
    document: string,
    root: string,
    fields: Record<string, unknown>,
    options: LoginOptions,
  ): Promise<User> {
    const input = { ...fields, clientIp: options.clientIp, ...extras(options) };
    return this.keep(await this.transport.graphqlRoot<User>(document, { input }, root));
  }

  /** Registers with email and password (stores the returned user). */
  async registerByEmail(
    email: string,
    password: string,
    profile?: RegisterProfile,
    options?: RegisterOptions,
  ): Promise<User> {
    const fields = { email, password: await this.encrypt(password) };
    return this.register(doc.REGISTER_BY_EMAIL, 'registerByEmail', fields, profile, options);
  }

  /** Registers with username and password (stores the returned user). */
  async registerByUsername(
    username: string,
    password: string,
    profile?: RegisterProfile,
    options?: RegisterOptions,
  ): Promise<User> {
    const fields = { username, password: await this.encrypt(password) };
    return this.register(doc.REGISTER_BY_USERNAME, 'registerByUsername', fields, profile, options);
  }

  /** Registers with a phone and its SMS code, optionally setting a password. */
  async registerByPhoneCode(
    phone: string,
    code: string,
    password?: string,
    profile?: RegisterProfile,
    options?: RegisterOptions,
  ): Promise<User> {
    const fields = { phone, code, password: password ? await this.encrypt(password) : password };
    return this.register(
      doc.REGISTER_BY_PHONE_CODE,
      'registerByPhoneCode',
      fields,
      profile,
      options,
    );
  }

  /** Checks a password against the pool's strength rule (sent in plain text, as upstream). */
  async checkPasswordStrength(password: string): Promise<CheckPasswordStrengthResult> {
    return this.transport.graphqlRoot(
      doc.CHECK_PASSWORD_STRENGTH,
      { password },
      'checkPasswordStrength',
    );
  }

  /** Sends an SMS verification code. Resolves the envelope's `data` (usually `undefined`). */
  sendSmsCode(phone: string): Promise<CommonMessage | undefined> {
    return this.transport.rest('POST', '/api/v2/sms/send', { phone });
  }

  /** Logs in with email and password. */
  async loginByEmail(email: string, password: string, options: LoginOptions = {}): Promise<User> {
    const fields = {
      email,
      password: await this.encrypt(password),
      autoRegister: options.autoRegister ?? false,
      captchaCode: options.captchaCode,
    };
    return this.login(doc.LOGIN_BY_EMAIL, 'loginByEmail', fields, options);
  }

  /** Logs in with username and password. */
  async loginByUsername(
    username: string,
    password: string,
    options: LoginOptions = {},
  ): Promise<User> {
    const fields = {
      username,
      password: await this.encrypt(password),
      autoRegister: options.autoRegister ?? false,
      captchaCode: options.captchaCode,
    };
    return this.login(doc.LOGIN_BY_USERNAME, 'loginByUsername', fields, options);
  }

  /** Logs in with a phone and its SMS code. */
  loginByPhoneCode(
    phone: string,
    code: string,
    options: Omit<LoginOptions, 'autoRegister' | 'captchaCode'> = {},
  ): Promise<User> {
    return this.login(doc.LOGIN_BY_PHONE_CODE, 'loginByPhoneCode', { phone, code }, options);
  }

  /** Logs in with a phone and password. */
  async loginByPhonePassword(
    phone: string,
    password: string,
    options: LoginOptions = {},
  ): Promise<User> {
    const fields = {
      phone,
      password: await this.encrypt(password),
      captchaCode: options.captchaCode,
      autoRegister: options.autoRegister ?? false,
    };
    return this.login(doc.LOGIN_BY_PHONE_PASSWORD, 'loginByPhonePassword', fields, options);
  }

  /** Logs in with a sub-account and its password. */
  async loginBySubAccount(
    account: string,
    password: string,
    options: { captchaCode?: string; clientIp?: string } = {},
  ): Promise<User> {
    const variables = {
      account,
      password: await this.encrypt(password),
      captchaCode: options.captchaCode,
      clientIp: options.clientIp,
    };
    return this.keep(
      await this.transport.graphqlRoot<User>(
        doc.LOGIN_BY_SUB_ACCOUNT,
        variables,
        'loginBySubAccount',
      ),
    );
  }

  /** Logs in through the pool's LDAP connection (password sent as given, as upstream). */
  async loginByLdap(username: string, password: string): Promise<User> {
    const user = await this.transport.rest<User>('POST', '/api/v2/ldap/verify-user', {
      username,
      password,
    });
    return this.keep(user);
  }

  /**
   * Logs in through the pool's AD connection, at `https://ws.<parent domain of host>`.
   * The origin is the `websocketHost` option unless `websocketHost` is passed here.
   */
  async loginByAd(username: string, password: string, websocketHost?: string): Promise<User> {
    const hostname = this.options.host.replace(/^https?:\/\//, '').split(/[/:]/)[0] ?? '';
    const origin =
      websocketHost ??
      this.options.websocketHost ??
      `https://ws.${hostname.split('.').slice(1).join('.')}`;
    const user = await this.transport.restAt<User>(
      'POST',
      `${origin.replace(/\/+$/, '')}/api/v2/ad/verify-user`,
      { username, password },
    );
    return this.keep(user);
  }

  /**
   * Checks a token on the server (the stored one when `token` is omitted). Never throws for an
   * invalid token: the answer has `status: false`.
   */
  async checkLoginStatus(token?: string): Promise<JwtTokenStatus> {
    return this.transport.graphqlRoot(doc.CHECK_LOGIN_STATUS, { token }, 'checkLoginStatus');
  }

  /** Sends a verification email for the given scene. */
  async sendEmail(email: string, scene: EmailScene): Promise<CommonMessage> {
    return this.transport.graphqlRoot(doc.SEND_EMAIL, { email, scene }, 'sendEmail');
  }

  /** Resets the password with a phone SMS code. */
  async resetPasswordByPhoneCode(
    phone: string,
    code: string,
    newPassword: string,
  ): Promise<CommonMessage> {
    const variables = { phone, code, newPassword: await this.encrypt(newPassword) };
    return this.transport.graphqlRoot(doc.RESET_PASSWORD, variables, 'resetPassword');
  }

  /** Resets the password with an email code. */
  async resetPasswordByEmailCode(
    email: string,
    code: string,
    newPassword: string,
  ): Promise<CommonMessage> {
    const variables = { email, code, newPassword: await this.encrypt(newPassword) };
    return this.transport.graphqlRoot(doc.RESET_PASSWORD, variables, 'resetPassword');
  }

  /** Rates a password locally: 3 = high, 2 = middle, 1 = low (authing-js-sdk's rule). */
  computedPasswordSecurityLevel(password: string): 1 | 2 | 3 {
    if (typeof password !== 'string') throw new TypeError('password must be a `string`');
    if (/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[^]{12,}$/.test(password)) return 3;
    if (/^(?=.*[a-zA-Z])(?=.*\d)[^]{8,}$/.test(password)) return 2;
    return 1;
  }
}
