import type { Context } from '../../context';
import { ExpiringMap } from '../../expiring';
import { registerExport } from '../../state-io/side';
import type { GenauthState } from '../state';

/** An authorization code: single use, bound to its client, redirect URI and PKCE challenge. */
export interface CodeRecord {
  poolId: string;
  appId: string;
  userId: string;
  redirectUri: string;
  scope: string;
  nonce: string | null;
  codeChallenge: string | null;
  /** Epoch seconds of the authentication. */
  authTime: number;
  /** Epoch ms. */
  expiresAt: number;
}

/** A refresh token: rotated on use (the old one stops working). */
export interface RefreshRecord {
  poolId: string;
  appId: string;
  userId: string;
  scope: string;
  sid: string;
  authTime: number;
  /** Epoch ms. */
  expiresAt: number;
}

/** What the provider knows of an access token it issued (v2 tokens are not recorded). */
export interface AccessRecord {
  poolId: string;
  appId: string;
  /** `null` for client_credentials tokens. */
  userId: string | null;
  scope: string;
  /** The session it belongs to (`null` for client_credentials tokens). */
  sid: string | null;
  iat: number;
  /** Epoch ms. */
  expiresAt: number;
}

/** One login of a user at a client: the tokens end-session revokes together. */
export interface SessionRecord {
  sid: string;
  poolId: string;
  appId: string;
  userId: string;
  authTime: number;
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
  /** Epoch ms: the latest expiry of its tokens. */
  expiresAt: number;
}

/** The provider's state: each index leaves its entries at their expiry on the mock clock. */
export interface OidcState {
  codes: ExpiringMap<string, CodeRecord>;
  refreshTokens: ExpiringMap<string, RefreshRecord>;
  accessTokens: ExpiringMap<string, AccessRecord>;
  sessions: ExpiringMap<string, SessionRecord>;
}

const byExpiry = (v: { expiresAt: number }): number => v.expiresAt;

/**
 * The OIDC state belongs to the GenAuth state it was made for: a reset swaps that object, so the
 * provider starts empty again with it.
 */
const states = new WeakMap<GenauthState, OidcState>();

/** The OIDC state of the current GenAuth state, created on first use. */
export function oidcState(ctx: Context): OidcState {
  const genauth = ctx.store.genauth;
  const existing = states.get(genauth);
  if (existing) return existing;
  const now = () => ctx.clock.now();
  const state: OidcState = {
    codes: new ExpiringMap<string, CodeRecord>(byExpiry, now),
    refreshTokens: new ExpiringMap<string, RefreshRecord>(byExpiry, now),
    accessTokens: new ExpiringMap<string, AccessRecord>(byExpiry, now),
    sessions: new ExpiringMap<string, SessionRecord>(byExpiry, now),
  };
  states.set(genauth, state);
  return state;
}

/** The OIDC state as plain JSON (entries as `[key, record]`, oldest first), for a state export. */
export interface OidcDocument {
  codes: [string, CodeRecord][];
  refreshTokens: [string, RefreshRecord][];
  accessTokens: [string, AccessRecord][];
  sessions: [
    string,
    Omit<SessionRecord, 'accessTokens' | 'refreshTokens'> & {
      accessTokens: string[];
      refreshTokens: string[];
    },
  ][];
}

/** The OIDC state of `genauth` as plain JSON (empty lists when the provider was never used). */
export function exportOidc(genauth: GenauthState): OidcDocument {
  const state = states.get(genauth);
  if (!state) return { codes: [], refreshTokens: [], accessTokens: [], sessions: [] };
  return {
    codes: [...state.codes],
    refreshTokens: [...state.refreshTokens],
    accessTokens: [...state.accessTokens],
    sessions: [...state.sessions].map(([sid, s]) => [
      sid,
      { ...s, accessTokens: [...s.accessTokens], refreshTokens: [...s.refreshTokens] },
    ]),
  };
}

/** Installs `doc` as the OIDC state of `genauth` (a state import; `doc` is already checked). */
export function importOidc(genauth: GenauthState, doc: OidcDocument, now: () => number): void {
  const fill = <V extends { expiresAt: number }>(
    entries: [string, V][],
  ): ExpiringMap<string, V> => {
    return new ExpiringMap<string, V>(byExpiry, now).load(entries.map(([k, v]) => [k, { ...v }]));
  };
  states.set(genauth, {
    codes: fill(doc.codes),
    refreshTokens: fill(doc.refreshTokens),
    accessTokens: fill(doc.accessTokens),
    sessions: fill(
      doc.sessions.map(([sid, s]) => [
        sid,
        { ...s, accessTokens: new Set(s.accessTokens), refreshTokens: new Set(s.refreshTokens) },
      ]),
    ),
  });
}

registerExport('oidc', (owner) => exportOidc(owner as GenauthState));
