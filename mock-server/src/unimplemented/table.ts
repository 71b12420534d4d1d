/**
 * The real service's operations the mock does not implement, per wire format: a request for one
 * of them answers 501 in its wire format, naming the operation, instead of the 404 (or GraphQL
 * validation error) of a route nobody knows. Sources: `authing-wire.md` (the legacy js-sdk's
 * sub-clients and later methods), `successor-v3.md` §2.13–2.14 (the v3 SDKs), `wechat.md` and
 * `landscape-2026.md` §3 (api.weixin.qq.com).
 */

/** The wire formats whose unknown routes the mock answers itself. */
export type WireFormat = 'wechat' | 'rest' | 'v3' | 'graphql' | 'fallback';

/** One known-but-unserved HTTP operation: its method, its path (`:name` is one segment). */
export interface UnimplementedRoute {
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  /** What the real client calls it: the SDK method (or WeChat API) name. */
  readonly operation: string;
}

/** GenAuth REST v2 (`/api/v2`, `/connections`): the js-sdk's sub-clients and later methods. */
export const REST_UNIMPLEMENTED: readonly UnimplementedRoute[] = Object.freeze([
  // QrCodeAuthenticationClient (`qrcode`, `wxqrcode`)
  { method: 'POST', path: '/api/v2/qrcode/gene', operation: 'qrcode.geneCode' },
  { method: 'GET', path: '/api/v2/qrcode/check', operation: 'qrcode.checkStatus' },
  { method: 'POST', path: '/api/v2/qrcode/userinfo', operation: 'qrcode.exchangeUserInfo' },
  // MfaAuthenticationClient (`mfa`)
  { method: 'GET', path: '/api/v2/mfa/authenticator', operation: 'mfa.getMfaAuthenticators' },
  {
    method: 'POST',
    path: '/api/v2/mfa/totp/associate',
    operation: 'mfa.assosicateMfaAuthenticator',
  },
  { method: 'DELETE', path: '/api/v2/mfa/totp/associate', operation: 'mfa.deleteMfaAuthenticator' },
  {
    method: 'POST',
    path: '/api/v2/mfa/totp/associate/confirm',
    operation: 'mfa.confirmAssosicateMfaAuthenticator',
  },
  { method: 'POST', path: '/api/v2/mfa/totp/verify', operation: 'mfa.verifyTotpMfa' },
  { method: 'POST', path: '/api/v2/mfa/totp/recovery', operation: 'mfa.verifyTotpRecoveryCode' },
  { method: 'POST', path: '/api/v2/applications/mfa/sms/verify', operation: 'mfa.verifyAppSmsMfa' },
  {
    method: 'POST',
    path: '/api/v2/applications/mfa/email/verify',
    operation: 'mfa.verifyAppEmailMfa',
  },
  { method: 'POST', path: '/api/v2/applications/mfa/check', operation: 'mfa.phoneOrEmailBindable' },
  { method: 'POST', path: '/api/v2/mfa/face/associate', operation: 'mfa.associateFaceByUrl' },
  { method: 'POST', path: '/api/v2/mfa/face/verify', operation: 'mfa.verifyFaceMfa' },
  // enterprise and social connections (browser popups)
  {
    method: 'GET',
    path: '/api/v2/applications/:appId/public-config',
    operation: 'enterprise.authorize (public-config)',
  },
  {
    method: 'POST',
    path: '/api/v2/connections/oidc/start-interaction',
    operation: 'enterprise.authorize (start-interaction)',
  },
  { method: 'GET', path: '/connections/social/:provider', operation: 'social.authorize' },
  // js-sdk 4.20+
  { method: 'GET', path: '/api/v2/oidc/validate_token', operation: 'validateToken' },
]);

/** GenAuth v3 (`/api/v3`, the Douyin bind path): the v3 SDKs' endpoints the mock lacks. */
export const V3_UNIMPLEMENTED: readonly UnimplementedRoute[] = Object.freeze([
  {
    method: 'POST',
    path: '/api/v3/get-wechat-access-token',
    operation: 'getWechatMpAccessToken',
  },
  {
    method: 'POST',
    path: '/api/v3/get-wechat-access-token-info',
    operation: 'getWechatMpAccessTokenInfo',
  },
  {
    method: 'POST',
    path: '/api/v3/exchange-tokenset-with-qrcode-ticket',
    operation: 'exchangeTokenSetWithQrCodeTicket',
  },
  {
    method: 'POST',
    path: '/api/v3/decrypt-douyin-miniprogram-phone',
    operation: 'getPhone (douyin)',
  },
  {
    method: 'POST',
    path: '/api/v3/decrypt-douyin-miniprogram-data',
    operation: 'decryptData (douyin)',
  },
  {
    method: 'POST',
    path: '/api/v3/get-douyin-access-token-info',
    operation: 'getAccessTokenInfo (douyin)',
  },
  {
    method: 'POST',
    path: '/connections/social/douyin-miniprogram/bind',
    operation: 'bindPlatformByCode (douyin)',
  },
]);

/** api.weixin.qq.com: server APIs of a mini-program backend the mock does not serve. */
export const WECHAT_UNIMPLEMENTED: readonly UnimplementedRoute[] = Object.freeze([
  { method: 'POST', path: '/wxa/msg_sec_check', operation: 'msgSecCheck' },
  { method: 'POST', path: '/wxa/img_sec_check', operation: 'imgSecCheck' },
  { method: 'POST', path: '/wxa/media_check_async', operation: 'mediaCheckAsync' },
  { method: 'POST', path: '/wxa/getwxacode', operation: 'getwxacode' },
  { method: 'POST', path: '/wxa/getwxacodeunlimit', operation: 'getwxacodeunlimit' },
  { method: 'POST', path: '/cgi-bin/wxaapp/createwxaqrcode', operation: 'createwxaqrcode' },
  {
    method: 'GET',
    path: '/wxa/charge/usage/get_recent_average',
    operation: 'charge.getRecentAverage',
  },
  { method: 'POST', path: '/cgi-bin/openapi/rid/get', operation: 'openapi.getRidInfo' },
  { method: 'POST', path: '/cgi-bin/openapi/quota/get', operation: 'openapi.getApiQuota' },
  { method: 'POST', path: '/cgi-bin/openapi/quota/clear', operation: 'openapi.clearApiQuota' },
  { method: 'POST', path: '/cgi-bin/clear_quota', operation: 'clearQuota' },
  { method: 'POST', path: '/cgi-bin/clear_quota/v2', operation: 'clearQuotaByAppSecret' },
]);

/**
 * Paths outside every prefix the mock serves, answered by the js-sdk helpers of §5.2 that the
 * mock does not implement (the OAuth 2.0 protocol, SAML): 501 in the fallback's `{error,
 * message}` shape.
 */
export const FALLBACK_UNIMPLEMENTED: readonly UnimplementedRoute[] = Object.freeze([
  { method: 'GET', path: '/oauth/auth', operation: 'buildAuthorizeUrl (oauth)' },
  { method: 'POST', path: '/oauth/token', operation: 'getAccessTokenByCode (oauth)' },
  { method: 'POST', path: '/oauth/me', operation: 'getUserInfoByAccessToken (oauth)' },
  { method: 'GET', path: '/saml-idp/:appId', operation: 'buildAuthorizeUrl (saml)' },
]);

/**
 * GraphQL root fields of the real `/graphql/v2` schema the mock's schema lacks (the legacy
 * js-sdk's later AuthenticationClient methods and the ManagementClient's operations a test is
 * likely to reach), each with the SDK method that sends it.
 */
export const GRAPHQL_UNIMPLEMENTED: Readonly<Record<string, string>> = Object.freeze({
  // AuthenticationClient, 4.20+ (authing-wire.md §5.1 "Not in 4.15.8", §11)
  resetPasswordByFirstLoginToken: 'resetPasswordByFirstLoginToken',
  resetPasswordByForceResetToken: 'resetPasswordByForceResetToken',
  // ManagementClient: organisations, roles, groups, users
  createOrg: 'management.org.create',
  deleteOrg: 'management.org.deleteById',
  orgs: 'management.org.list',
  org: 'management.org.findById',
  addNode: 'management.org.addNode',
  updateNode: 'management.org.updateNode',
  deleteNode: 'management.org.deleteNode',
  addMember: 'management.org.addMembers',
  removeMember: 'management.org.removeMembers',
  createRole: 'management.roles.create',
  deleteRole: 'management.roles.delete',
  roles: 'management.roles.list',
  assignRole: 'management.roles.addUsers',
  revokeRole: 'management.roles.removeUsers',
  createGroup: 'management.groups.create',
  groups: 'management.groups.list',
  createUser: 'management.users.create',
  deleteUser: 'management.users.delete',
  users: 'management.users.list',
  searchUser: 'management.users.search',
  accessToken: 'management.getAccessToken',
});

/**
 * Documents whose root field the mock serves (`user`) but whose operation it does not: by the
 * operation name the js-sdk gives the document.
 */
export const GRAPHQL_UNIMPLEMENTED_DOCUMENTS: Readonly<Record<string, string>> = Object.freeze({
  getUserDepartments: 'listDepartments',
});
