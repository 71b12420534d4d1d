/**
 * The OIDC / OAuth / CAS helpers of authing-js-sdk 4.15.8 (`tokenEndPointAuthMethod: 'none'`: a
 * mini-program holds no app secret), on the application host: same URLs, form fields and results.
 */
import type { Core } from './core';
import { GenAuthError } from './errors';
import type {
  AuthorizeUrlOptions,
  IntrospectTokenResult,
  LogoutUrlOptions,
  OidcTokenSet,
  OidcUserInfo,
  ValidateTicketV1Result,
} from './types';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** `application/x-www-form-urlencoded` as URLSearchParams writes it (absent values skipped). */
export function formEncode(fields: Record<string, string | undefined>): string {
  const encode = (text: string) =>
    encodeURIComponent(text)
      .replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
      .replace(/%20/g, '+');
  return Object.keys(fields)
    .filter((key) => fields[key] !== undefined)
    .map((key) => `${encode(key)}=${encode(fields[key] as string)}`)
    .join('&');
}

/** `{appHost}/oidc` or `{appHost}/oauth`; the token helpers need one of them. */
function tokenBase(core: Core): string {
  const { protocol, appHost } = core.options;
  if (protocol !== 'oidc' && protocol !== 'oauth') {
    throw new GenAuthError({
      kind: 'invalid-argument',
      code: 400,
      message: 'protocol must be oauth or oidc',
    });
  }
  return `${appHost}/${protocol}`;
}

/** A form POST to `{appHost}/{protocol}{path}`, authenticated as `none` (`client_id` first). */
function post(core: Core, path: string, fields: Record<string, string | undefined>) {
  const body = formEncode({ client_id: core.options.appId, ...fields });
  return core.transport.raw('POST', tokenBase(core) + path, FORM, body);
}

/** `POST {appHost}/oidc/token` `grant_type=authorization_code` (with PKCE's `code_verifier`). */
export async function getAccessTokenByCode(
  core: Core,
  code: string,
  options: { codeVerifier?: string } = {},
): Promise<OidcTokenSet> {
  const fields = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: core.options.redirectUri,
    code_verifier: options.codeVerifier,
  };
  return (await post(core, '/token', fields)) as OidcTokenSet;
}

/** `POST {appHost}/oidc/token` `grant_type=refresh_token`. */
export async function getNewAccessTokenByRefreshToken(
  core: Core,
  refreshToken: string,
): Promise<OidcTokenSet> {
  const fields = { grant_type: 'refresh_token', refresh_token: refreshToken };
  return (await post(core, '/token', fields)) as OidcTokenSet;
}

/** `POST {appHost}/oidc/token/revocation`; resolves `true`. */
export async function revokeToken(core: Core, token: string): Promise<true> {
  await post(core, '/token/revocation', { token });
  return true;
}

/** `POST {appHost}/oidc/token/introspection`. */
export async function introspectToken(core: Core, token: string): Promise<IntrospectTokenResult> {
  return (await post(core, '/token/introspection', { token })) as IntrospectTokenResult;
}

/** `POST {appHost}/oidc/me` with `Authorization: Bearer <accessToken>`. */
export async function getUserInfoByAccessToken(
  core: Core,
  accessToken: string,
): Promise<OidcUserInfo> {
  const url = `${tokenBase(core)}/me`;
  const headers = { Authorization: `Bearer ${accessToken}` };
  return (await core.transport.raw('POST', url, headers)) as OidcUserInfo;
}

const nonce = () => Math.random().toString().slice(2);

/** The authorization URL of the `protocol` option (oidc, oauth, saml or cas), as upstream. */
export function buildAuthorizeUrl(core: Core, options: AuthorizeUrlOptions = {}): string {
  const { appHost, appId, protocol, redirectUri } = core.options;
  if (protocol === 'saml') return `${appHost}/saml-idp/${appId}`;
  if (protocol === 'cas') {
    const service = options.service ? `?service=${options.service}` : '';
    return `${appHost}/cas-idp/${appId}${service}`;
  }
  const oidc = protocol === 'oidc';
  const query: Record<string, string | undefined> = {
    ...(oidc ? { nonce: nonce() } : {}),
    state: nonce(),
    scope: oidc ? 'openid profile email phone address' : 'user',
    client_id: appId,
    ...(oidc ? { response_mode: 'query' } : {}),
    redirect_uri: redirectUri,
    response_type: 'code',
  };
  const keys = oidc
    ? 'appId scope state nonce responseMode responseType redirectUri codeChallenge codeChallengeMethod'
    : 'appId scope state responseType redirectUri';
  const given = options as Record<string, string | undefined>;
  for (const key of keys.split(' ')) {
    const value = given[key];
    if (!value) continue;
    if (oidc && key === 'scope' && value.includes('offline_access')) query['prompt'] = 'consent';
    // redirectUri → redirect_uri…, appId → client_id
    query[key === 'appId' ? 'client_id' : key.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())] =
      value;
  }
  return `${appHost}/${protocol}/auth?${formEncode(query)}`;
}

/** The logout URL: CAS, OIDC end-session (`expert: true`) or the hosted login page's. */
export function buildLogoutUrl(core: Core, options?: LogoutUrlOptions): string {
  const { appHost, protocol } = core.options;
  const redirect = options?.redirectUri;
  if (protocol === 'cas') return `${appHost}/cas-idp/logout${redirect ? `?url=${redirect}` : ''}`;
  if (protocol === 'oidc' && options?.expert) {
    if (!(options.idToken && redirect)) {
      throw new GenAuthError({
        kind: 'invalid-argument',
        code: 400,
        message: 'expert logout needs both idToken and redirectUri',
      });
    }
    return `${appHost}/oidc/session/end?id_token_hint=${options.idToken}&post_logout_redirect_uri=${redirect}`;
  }
  return `${appHost}/login/profile/logout${redirect ? `?redirect_uri=${redirect}` : ''}`;
}

/** `GET {appHost}/cas-idp/{appId}/validate?service&ticket`: text `yes\nusername` or `no`. */
export async function validateTicketV1(
  core: Core,
  ticket: string,
  service: string,
): Promise<ValidateTicketV1Result> {
  const { appHost, appId } = core.options;
  const url = `${appHost}/cas-idp/${appId}/validate?${formEncode({ service, ticket })}`;
  const [valid, username] = String(await core.transport.raw('GET', url, {})).split('\n');
  const ok = valid === 'yes';
  return { valid: ok, ...(username && { username }), ...(!ok && { message: 'ticket 不合法' }) };
}
