/** OAuth 2.0 / OIDC errors (RFC 6749 §5.2, RFC 6750 §3.1, OIDC Core §3.1.2.6). */

/** The error codes the OIDC provider answers with. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'access_denied'
  | 'login_required';

/** HTTP status of each code: 401 for client and token authentication, 403 for scope, else 400. */
const STATUS: Record<OAuthErrorCode, number> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_response_type: 400,
  invalid_scope: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  access_denied: 400,
  login_required: 400,
};

/** An OAuth error: rendered as `{error, error_description}` with {@link OAuthError.status}. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  /** The HTTP status it is answered with. */
  readonly status: number;

  constructor(
    /** The RFC error code. */
    readonly error: OAuthErrorCode,
    /** A human-readable `error_description`. */
    readonly description: string,
  ) {
    super(`${error}: ${description}`);
    this.status = STATUS[error];
  }

  /** The `{error, error_description}` body. */
  toJSON(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

/** Shorthand for `new OAuthError(error, description)`. */
export const oauthFail = (error: OAuthErrorCode, description: string): OAuthError =>
  new OAuthError(error, description);
