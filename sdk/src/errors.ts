/**
 * The `code` each {@link GenAuthErrorKind} carries:
 * - `server`: GenAuth answered with a business error (REST `code !== 200` or GraphQL `errors[]`);
 *   `code` is GenAuth's code (e.g. 2004), `data` its payload.
 * - `http`: the answer was not a GenAuth envelope (non-JSON body or unexpected status); `code` is
 *   the HTTP status (500 for a 2xx answer that is not an envelope).
 * - `oauth`: an OIDC / OAuth / CAS endpoint refused (`{error, error_description}`); `code` is the
 *   HTTP status, `data` the body.
 * - `network`: the request never got an answer (DNS, refused connection, domain not allowed);
 *   `code` is 500, as the legacy SDK reported transport failures.
 * - `timeout`: no answer within `timeout` ms; `code` is 504.
 * - `not-logged-in`: the method needs a stored user or token and there is none (2020), or the
 *   stored token cannot be read (2207).
 * - `cancelled`: the user dismissed a WeChat dialog (e.g. the image picker); `code` is -1.
 * - `denied`: the user refused the phone-number button (`getPhoneNumber:fail user deny` on iOS,
 *   `getPhoneNumber:fail:user deny` on Android); `code` is -1.
 * - `quota`: the app's phone-number quota is used up (button `errno` 1400001); `code` 1400001.
 * - `privacy`: the user has not agreed to the privacy guide (`errno` 104), or the guide does not
 *   declare the API (`errno` 112); `code` is that errno.
 * - `wechat`: a `wx.*` API failed for another reason; `code` is its `errno` or -1.
 * - `invalid-argument`: the call itself was malformed (e.g. an empty UDF list); `code` is 400.
 * - `unsupported`: the host lacks what the call needs (e.g. a secure random source for password
 *   encryption); `code` is -1.
 */
export interface GenAuthErrorCodes {
  server: number;
  http: number;
  oauth: number;
  network: 500;
  timeout: 504;
  'not-logged-in': 2020 | 2207;
  cancelled: -1;
  denied: -1;
  quota: 1400001;
  privacy: 104 | 112;
  wechat: number;
  'invalid-argument': 400;
  unsupported: -1;
}

/** What went wrong, as a stable discriminator (see {@link GenAuthErrorCodes} for each `code`). */
export type GenAuthErrorKind = keyof GenAuthErrorCodes;

/**
 * The only error this SDK throws (besides `TypeError` for invalid constructor options).
 *
 * @example
 * try {
 *   await client.loginByEmail(email, password);
 * } catch (error) {
 *   if (isGenAuthError(error) && error.kind === 'server' && error.code === 2004) showSignUp();
 * }
 */
export class GenAuthError<K extends GenAuthErrorKind = GenAuthErrorKind> extends Error {
  /** Stable discriminator: what kind of failure this is. */
  readonly kind: K;
  /** The code documented for the kind, see {@link GenAuthErrorCodes}. */
  readonly code: GenAuthErrorCodes[K];
  /** The server's `data` for `server` errors (e.g. an MFA token), otherwise `null`. */
  readonly data: unknown;
  /** Always `true`: a marker that survives crossing JS realms, see {@link isGenAuthError}. */
  readonly isGenAuthError = true;
  /** The underlying failure (a wx `fail` result, a fetch error…), if any. */
  readonly cause: unknown;

  /** Builds an error of one kind with its code. */
  constructor(init: {
    kind: K;
    code: GenAuthErrorCodes[K];
    message: string;
    data?: unknown;
    cause?: unknown;
  }) {
    super(init.message);
    this.name = 'GenAuthError';
    this.kind = init.kind;
    this.code = init.code;
    this.data = init.data ?? null;
    this.cause = init.cause;
  }

  /** The legacy plain-object shape `{code, message, data}` (what authing-wxapp-sdk threw). */
  toJSON(): { code: number; message: string; data: unknown } {
    return { code: this.code, message: this.message, data: this.data };
  }
}

/** True for a {@link GenAuthError}, also when it comes from another copy of the SDK. */
export function isGenAuthError(value: unknown): value is GenAuthError {
  return (
    value instanceof GenAuthError ||
    (typeof value === 'object' &&
      value !== null &&
      (value as { isGenAuthError?: unknown }).isGenAuthError === true)
  );
}

/** Shorthand for the "no login state" error the legacy SDK raised as `Error('请先登录！')`. */
export function notLoggedIn(): GenAuthError {
  return new GenAuthError({ kind: 'not-logged-in', code: 2020, message: '请先登录！' });
}

/** What a failed wx API or button passes: `errMsg`, and `errno` on current clients. */
export interface WxFail {
  errMsg?: string;
  errno?: number;
}

/**
 * Maps a failed wx call or button detail to its kind: `privacy` (errno 104 / 112), `quota`
 * (errno 1400001), `cancelled` (a dismissed dialog), `denied` (a refused button), else `wechat`.
 */
export function wechatFailure(err: WxFail | undefined, fallback: string): GenAuthError {
  const errMsg = err?.errMsg ?? fallback;
  const errno = err?.errno;
  const base = { message: errMsg, cause: err };
  if (errno === 104 || errno === 112)
    return new GenAuthError({ kind: 'privacy', code: errno, ...base });
  if (errno === 1400001 || /no quota/i.test(errMsg)) {
    return new GenAuthError({ kind: 'quota', code: 1400001, ...base });
  }
  if (/cancel/i.test(errMsg)) return new GenAuthError({ kind: 'cancelled', code: -1, ...base });
  if (/deny/i.test(errMsg)) return new GenAuthError({ kind: 'denied', code: -1, ...base });
  return new GenAuthError({ kind: 'wechat', code: errno ?? -1, ...base });
}
