/** Public data shapes, as GenAuth returns them (the authing-js-sdk 4.15.8 types). */

/** A GenAuth user. `token` is the user's JWT after a login. */
export interface User {
  id: string;
  arn?: string | null;
  status?: 'Suspended' | 'Resigned' | 'Activated' | 'Archived' | null;
  userPoolId?: string;
  username?: string | null;
  email?: string | null;
  emailVerified?: boolean | null;
  phone?: string | null;
  phoneVerified?: boolean | null;
  unionid?: string | null;
  openid?: string | null;
  identities?: Identity[] | null;
  nickname?: string | null;
  registerSource?: string[] | null;
  photo?: string | null;
  password?: string | null;
  oauth?: string | null;
  token?: string | null;
  tokenExpiredAt?: string | null;
  loginsCount?: number | null;
  lastLogin?: string | null;
  lastIP?: string | null;
  signedUp?: string | null;
  blocked?: boolean | null;
  isDeleted?: boolean | null;
  device?: string | null;
  browser?: string | null;
  company?: string | null;
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
  middleName?: string | null;
  profile?: string | null;
  preferredUsername?: string | null;
  website?: string | null;
  gender?: string | null;
  birthdate?: string | null;
  zoneinfo?: string | null;
  locale?: string | null;
  address?: string | null;
  formatted?: string | null;
  streetAddress?: string | null;
  locality?: string | null;
  region?: string | null;
  postalCode?: string | null;
  city?: string | null;
  province?: string | null;
  country?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  externalId?: string | null;
  /** The country code of `phone` (e.g. `+86`). */
  phoneCountryCode?: string | null;
  /** The user-defined data (UDF values) of the user, as GenAuth returns them with the user. */
  customData?: UserCustomData[] | null;
  /** `true` when the login created the account. */
  newlyCreated?: boolean | null;
}

/** One user-defined value returned with a user (`value` as GenAuth stores it). */
export interface UserCustomData {
  key: string;
  value?: string | null;
  dataType: 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' | 'OBJECT';
  label?: string | null;
}

/** An external identity linked to a user (returned by `getCurrentUser`). */
export interface Identity {
  openid?: string | null;
  userIdInIdp?: string | null;
  userId?: string | null;
  connectionId?: string | null;
  isSocial?: boolean | null;
  provider?: string | null;
  userPoolId?: string | null;
}

/** Profile fields accepted at registration. */
export interface RegisterProfile {
  ip?: string;
  oauth?: string;
  username?: string;
  nickname?: string;
  company?: string;
  photo?: string;
  device?: string;
  browser?: string;
  name?: string;
  givenName?: string;
  familyName?: string;
  middleName?: string;
  profile?: string;
  preferredUsername?: string;
  website?: string;
  gender?: string;
  birthdate?: string;
  zoneinfo?: string;
  locale?: string;
  address?: string;
  formatted?: string;
  streetAddress?: string;
  locality?: string;
  region?: string;
  postalCode?: string;
  country?: string;
  udf?: { key: string; value: string }[];
}

/** Fields `updateProfile` may change (GraphQL `UpdateUserInput`). */
export type UpdateUserInput = Partial<
  Omit<User, 'id' | 'arn' | 'status' | 'userPoolId' | 'identities' | 'registerSource'>
>;

/** Options shared by the register methods. */
export interface RegisterOptions {
  forceLogin?: boolean;
  generateToken?: boolean;
  clientIp?: string;
  /** Extra login parameters (sent JSON-encoded as `params`). */
  params?: unknown;
  /** Extra key/values, sent as `params` = `[{key, value}]` JSON (wins over `params`). */
  customData?: Record<string, unknown>;
  /** Pipeline context (sent JSON-encoded). */
  context?: Record<string, unknown>;
}

/** Options shared by the password login methods. */
export interface LoginOptions {
  autoRegister?: boolean;
  captchaCode?: string;
  clientIp?: string;
  params?: unknown;
  customData?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** The answer of `checkLoginStatus`. `status: false` means the token is not valid. */
export interface JwtTokenStatus {
  code?: number | null;
  message?: string | null;
  status?: boolean | null;
  exp?: number | null;
  iat?: number | null;
  data?: { id?: string | null; userPoolId?: string | null; arn?: string | null } | null;
}

/** `{code, message}` answers (sendEmail, resetPassword*, link/unlink). */
export interface CommonMessage {
  message?: string | null;
  code?: number | null;
}

/** The answer of `checkPasswordStrength`. */
export interface CheckPasswordStrengthResult {
  valid: boolean;
  message?: string | null;
}

/** The answer of `refreshToken`. */
export interface RefreshTokenResult {
  token?: string | null;
  iat?: number | null;
  exp?: number | null;
}

/** `sendEmail` scenes. */
export type EmailScene = 'RESET_PASSWORD' | 'VERIFY_EMAIL' | 'CHANGE_EMAIL' | 'MFA_VERIFY';

/** A user-defined data entry; `value` is decoded by `dataType`. */
export interface UserDefinedData {
  key: string;
  dataType: 'STRING' | 'NUMBER' | 'DATETIME' | 'BOOLEAN' | 'OBJECT';
  value: unknown;
  label?: string | null;
}

/** The answer of `getSecurityLevel`. */
export interface SecurityLevel {
  score: number;
  email: boolean;
  phone: boolean;
  password: boolean;
  passwordSecurityLevel: 1 | 2 | 3 | null;
  mfa: boolean;
}

/** An authorised resource (falsy fields removed, as authing-js-sdk does). */
export interface AuthorizedResource {
  code: string;
  type?: string;
  actions?: string[];
}

/** A page of applications the user may access. */
export interface ApplicationList {
  totalCount: number;
  list: Record<string, unknown>[];
}

/** Phone information returned by `getPhone`. */
export interface PhoneInfo {
  countryCode?: string;
  phoneNumber?: string;
  purePhoneNumber?: string;
  openid?: string;
  unionid?: string;
}

/** One organisation node of `listOrgs` (each entry is the path from the root to the node). */
export interface OrgNode {
  id: string;
  orgId?: string;
  name: string;
  code?: string | null;
  userPoolId?: string;
}

/** The OIDC / OAuth token set of `getAccessTokenByCode` and `getNewAccessTokenByRefreshToken`. */
export interface OidcTokenSet {
  access_token: string;
  id_token?: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

/** The answer of `introspectToken` (RFC 7662). */
export interface IntrospectTokenResult {
  active: boolean;
  sub?: string;
  client_id?: string;
  scope?: string;
  exp?: number;
  iat?: number;
  iss?: string;
  token_type?: string;
}

/** The claims of `getUserInfoByAccessToken` (those of the token's scope). */
export interface OidcUserInfo {
  sub: string;
  name?: string | null;
  nickname?: string | null;
  preferred_username?: string | null;
  picture?: string | null;
  gender?: string | null;
  updated_at?: number | string | null;
  email?: string | null;
  email_verified?: boolean | null;
  phone_number?: string | null;
  phone_number_verified?: boolean | null;
  address?: { locality?: string | null; region?: string | null } | null;
}

/** Options of `buildAuthorizeUrl` (authing-js-sdk's IOidcParams, IOauthParams and ICasParams). */
export interface AuthorizeUrlOptions {
  appId?: string;
  redirectUri?: string;
  responseType?: string;
  responseMode?: 'query' | 'fragment' | 'form_post';
  state?: string;
  nonce?: string;
  scope?: string;
  /** CAS: the service URL. */
  service?: string;
  /** OIDC PKCE (an addition to upstream): the S256 challenge of the code verifier. */
  codeChallenge?: string;
  codeChallengeMethod?: 'S256';
}

/** Options of `buildLogoutUrl`. */
export interface LogoutUrlOptions {
  /** OIDC: use the end-session endpoint (needs `idToken` and `redirectUri`). */
  expert?: boolean;
  redirectUri?: string;
  idToken?: string;
}

/** The answer of `validateTicketV1`. */
export interface ValidateTicketV1Result {
  valid: boolean;
  username?: string;
  message?: string;
}

/** `loginByCode` profile data from `wx.getUserInfo` / `wx.getUserProfile`. */
export interface LoginByCodeOptions {
  iv?: string;
  encryptedData?: string;
  /** The `rawData` JSON string of `wx.getUserInfo`. */
  rawData?: string;
}

/** 1 = low, 2 = middle, 3 = high. */
export type PasswordSecurityLevel = 1 | 2 | 3;
