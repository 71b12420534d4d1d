/**
 * What went wrong, as a stable discriminator:
 * - `server`: GenAuth answered with a business error (REST `code !== 200` or GraphQL `errors[]`);
 *   `code` is GenAuth's code (e.g. 2004), `data` its payload.
 * - `http`: the answer was not a GenAuth envelope (non-JSON body or unexpected status); `code` is the
 *   HTTP status.
 * - `network`: the request never got an answer (DNS, refused connection, domain not allowed);
 *   `code` is 500, as the legacy SDK reported transport failures.
 * - `timeout`: no answer within `timeout` ms; `code` is 504.
 * - `not-logged-in`: the method needs a stored user or token and there is none (code 2020), or the
 *   stored token cannot be read (code 2207).
 * - `cancelled`: the user dismissed a WeChat dialog (e.g. the image picker); `code` is -1.
 * - `wechat`: a `wx.*` API failed for another reason; `code` is its `errno` or -1.
 * - `invalid-argument`: the call itself was malformed (e.g. an empty UDF list); `code` is 400.
 */
export type GenAuthErrorKind =
  | 'server'
  | 'http'
  | 'network'
  | 'timeout'
  | 'not-logged-in'
  | 'cancelled'
  | 'wechat'
  | 'invalid-argument';

/** Everything needed to build a {@link GenAuthError}. */
export interface GenAuthErrorInit {
  kind: GenAuthErrorKind;
  code: number;
  message: string;
  data?: unknown;
  cause?: unknown;
}

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
export class GenAuthError extends Error {
  /** Stable discriminator: what kind of failure this is. */
  readonly kind: GenAuthErrorKind;
  /** GenAuth business code for `server`, HTTP status for `http`, see {@link GenAuthErrorKind}. */
  readonly code: number;
  /** The server's `data` for `server` errors (e.g. an MFA token), otherwise `null`. */
  readonly data: unknown;
  /** Always `true`: a marker that survives crossing JS realms, see {@link isGenAuthError}. */
  readonly isGenAuthError = true;
  /** The underlying failure (a wx `fail` result, a fetch error…), if any. */
  readonly cause: unknown;

  constructor(init: GenAuthErrorInit) {
    super(init.message);
    this.name = 'GenAuthError';
    this.kind = init.kind;
    this.code = init.code;
    this.data = init.data === undefined ? null : init.data;
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
