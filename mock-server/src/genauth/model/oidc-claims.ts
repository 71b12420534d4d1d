/** OIDC scopes and the user claims each releases (OIDC Core §5.4). */
import type { UserRecord } from './types';

/** Scopes the provider knows; any other requested scope is dropped. */
export const SCOPES_SUPPORTED = [
  'openid',
  'profile',
  'email',
  'phone',
  'address',
  'offline_access',
] as const;

/** Claims the provider can release, as discovery lists them. */
export const CLAIMS_SUPPORTED = [
  'sub',
  'iss',
  'aud',
  'exp',
  'iat',
  'auth_time',
  'nonce',
  'sid',
  'name',
  'nickname',
  'preferred_username',
  'picture',
  'gender',
  'updated_at',
  'email',
  'email_verified',
  'phone_number',
  'phone_number_verified',
  'address',
] as const;

/** The scope a token from a v2 login carries: it was issued with no scope, for every claim. */
export const V2_TOKEN_SCOPE = 'openid profile email phone';

/**
 * `scope` normalised: the known scopes it names, in the order of {@link SCOPES_SUPPORTED},
 * space-separated (`''` when it names none).
 */
export function normaliseScope(scope: string | null | undefined): string {
  const asked = new Set((scope ?? '').split(/\s+/).filter(Boolean));
  return SCOPES_SUPPORTED.filter((s) => asked.has(s)).join(' ');
}

/** True when the space-separated `scope` includes `name`. */
export const hasScope = (scope: string, name: string): boolean => scope.split(' ').includes(name);

const GENDER: Record<string, string> = { M: 'male', F: 'female' };

/** The claims of `user` its `scope` releases, `sub` first. */
export function userClaims(user: UserRecord, scope: string): Record<string, unknown> {
  const claims: Record<string, unknown> = { sub: user.id };
  if (hasScope(scope, 'profile')) {
    const p = user.profile;
    claims['name'] = p['name'] ?? null;
    claims['nickname'] = user.nickname;
    claims['preferred_username'] = user.username;
    claims['picture'] = user.photo;
    claims['gender'] = GENDER[p['gender'] ?? ''] ?? null;
    claims['updated_at'] = Math.floor(Date.parse(user.updatedAt) / 1000) || null;
  }
  if (hasScope(scope, 'email')) {
    claims['email'] = user.email;
    claims['email_verified'] = user.emailVerified;
  }
  if (hasScope(scope, 'phone')) {
    claims['phone_number'] = user.phone;
    claims['phone_number_verified'] = user.phoneVerified;
  }
  if (hasScope(scope, 'address')) {
    const p = user.profile;
    claims['address'] = { locality: p['city'] ?? null, region: p['province'] ?? null };
  }
  return claims;
}
