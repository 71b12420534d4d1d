import type { Runtime } from './runtime';

/** Called once for every GenAuth business error, before the SDK throws it. */
export type ErrorHook = (code: number, message: string, data: unknown) => void;

/** Options of {@link AuthenticationClient}. */
export interface AuthenticationClientOptions {
  /** The GenAuth application id (sent as `x-authing-app-id`). Required. */
  appId: string;
  /** The user pool id (sent as `x-authing-userpool-id`; omitted when not set). */
  userPoolId?: string;
  /**
   * The GenAuth origin, e.g. your tenant domain or a mock server. A trailing `/` is ignored.
   * @default 'https://core.authing.cn'
   */
  host?: string;
  /**
   * Milliseconds before a request fails with a `timeout` GenAuthError (forwarded to `wx.request`).
   * @default 10000
   */
  timeout?: number;
  /** Observer for GenAuth business errors: called once per error, then the error is thrown. */
  onError?: ErrorHook;
  /** Start logged in with this token (stored as `_authing_token`). Alias: `token`. */
  accessToken?: string;
  /** Same as `accessToken` (the authing-js-sdk name). */
  token?: string;
  /** The password-encryption public key (PEM); skips `GET /api/v2/.well-known`. */
  publicKey?: string;
  /**
   * Origin of the AD connector used by `loginByAd`.
   * @default `https://ws.<parent domain of host>` (as authing-js-sdk)
   */
  websocketHost?: string;
  /**
   * Origin of the OIDC / OAuth / CAS endpoints (your application's domain, e.g.
   * `https://my-app.genauth.ai`).
   * @default the `host` option
   */
  appHost?: string;
  /**
   * Protocol of the OIDC / OAuth / CAS helpers (`buildAuthorizeUrl`, `getAccessTokenByCode`…).
   * @default 'oidc'
   */
  protocol?: Protocol;
  /** The redirect URI of the authorization-code flow (sent as `redirect_uri`). */
  redirectUri?: string;
  /**
   * Where I/O happens.
   * @default createWxRuntime() (the global `wx`)
   */
  runtime?: Runtime;
}

/** The protocols of the authorization helpers, as authing-js-sdk names them. */
export type Protocol = 'oidc' | 'oauth' | 'saml' | 'cas';

/** Options after validation and defaults (frozen). */
export interface ResolvedOptions {
  appId: string;
  userPoolId: string | undefined;
  host: string;
  timeout: number;
  onError: ErrorHook | undefined;
  token: string | undefined;
  publicKey: string | undefined;
  websocketHost: string | undefined;
  appHost: string;
  protocol: Protocol;
  redirectUri: string | undefined;
}

/** The public GenAuth host used when `host` is not given. */
export const DEFAULT_HOST = 'https://core.authing.cn';
/** Default request timeout in milliseconds. */
export const DEFAULT_TIMEOUT = 10_000;

/** An optional http(s) origin option, without its trailing `/`. */
function optionalUrl(options: object, name: string): string | undefined {
  const value = optionalString(options, name);
  if (value !== undefined && !/^https?:\/\/[^/\s]+/.test(value)) {
    throw new TypeError(`"${name}" option must be an http(s) URL, e.g. https://core.authing.cn`);
  }
  return value?.replace(/\/+$/, '');
}

function optionalString(options: object, name: string): string | undefined {
  const value = (options as Record<string, unknown>)[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new TypeError(`"${name}" option must be a string`);
  return value;
}

/** Validates options (a `TypeError` naming the offending option) and applies the defaults. */
export function resolveOptions(options: AuthenticationClientOptions): ResolvedOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('AuthenticationClient options must be an object');
  }
  const appId = optionalString(options, 'appId');
  if (appId === undefined) throw new TypeError('"appId" option is required');
  const host = optionalUrl(options, 'host') ?? DEFAULT_HOST;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    throw new TypeError('"timeout" option must be a positive number of milliseconds');
  }
  if (options.onError !== undefined && typeof options.onError !== 'function') {
    throw new TypeError('"onError" option must be a function');
  }
  const accessToken = optionalString(options, 'accessToken');
  const token = optionalString(options, 'token');
  if (accessToken !== undefined && token !== undefined && accessToken !== token) {
    throw new TypeError('"accessToken" and "token" options disagree; pass only one');
  }
  const publicKey = optionalString(options, 'publicKey');
  if (publicKey !== undefined && !publicKey.includes('-----BEGIN')) {
    throw new TypeError('"publicKey" option must be a PEM public key');
  }
  const protocol = optionalString(options, 'protocol') ?? 'oidc';
  if (!['oidc', 'oauth', 'saml', 'cas'].includes(protocol)) {
    throw new TypeError('"protocol" option must be oidc, oauth, saml or cas');
  }
  return Object.freeze({
    appId,
    userPoolId: optionalString(options, 'userPoolId'),
    host,
    timeout,
    onError: options.onError,
    token: accessToken ?? token,
    publicKey,
    websocketHost: optionalUrl(options, 'websocketHost'),
    appHost: optionalUrl(options, 'appHost') ?? host,
    protocol: protocol as Protocol,
    redirectUri: optionalString(options, 'redirectUri'),
  });
}
