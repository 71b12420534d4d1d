/** Authorization codes (RFC 6749 §4.1) with PKCE (RFC 7636, S256 only). */
import { createHash } from 'node:crypto';

import type { Context } from '../../context';
import { oauthFail } from './oidc-errors';
import { oidcState, type CodeRecord } from './oidc-state';

/** Codes stay valid this long (mock clock): 10 minutes. */
export const CODE_TTL_MS = 10 * 60 * 1000;

/** RFC 7636 §4.1: 43–128 characters of `[A-Za-z0-9-._~]`. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The S256 challenge of a PKCE verifier. */
export const s256 = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** Mints a single-use code for `grant`, valid {@link CODE_TTL_MS}. */
export function createCode(ctx: Context, grant: Omit<CodeRecord, 'expiresAt'>): string {
  const code = ctx.random.alnum(43);
  oidcState(ctx).codes.set(code, { ...grant, expiresAt: ctx.clock.now() + CODE_TTL_MS });
  return code;
}

/**
 * Redeems `code` for the client `appId`: it must exist, be unused and unexpired, belong to the
 * client, come with the same `redirect_uri` and, when it was issued with a challenge, with a
 * verifier that hashes to it. The code is spent by the attempt, even a failing one (a replayed
 * or guessed code never works twice). Anything wrong → `invalid_grant`.
 * @throws {OAuthError}
 */
export function redeemCode(
  ctx: Context,
  appId: string,
  code: string,
  redirectUri: string | null,
  verifier: string | null,
): CodeRecord {
  const codes = oidcState(ctx).codes;
  const record = codes.get(code);
  if (!record) throw oauthFail('invalid_grant', 'authorization code is invalid, expired or used');
  codes.delete(code);
  if (record.appId !== appId)
    throw oauthFail('invalid_grant', 'authorization code was issued to another client');
  if (redirectUri !== record.redirectUri)
    throw oauthFail('invalid_grant', 'redirect_uri does not match the authorization request');
  if (record.codeChallenge !== null) {
    if (verifier === null) throw oauthFail('invalid_grant', 'code_verifier is required');
    if (!VERIFIER.test(verifier) || s256(verifier) !== record.codeChallenge)
      throw oauthFail('invalid_grant', 'code_verifier does not match the code_challenge');
  } else if (verifier !== null) {
    throw oauthFail('invalid_grant', 'the authorization request had no code_challenge');
  }
  return record;
}
