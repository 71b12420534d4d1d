/** GenAuth apps as OIDC clients: lookup, client authentication and redirect URIs. */
import { timingSafeEqual } from 'node:crypto';

import type { GenauthAppFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../../context';
import { oauthFail } from './oidc-errors';
import type { PoolState } from './types';

/** An app with its pool. */
export interface Client {
  pool: PoolState;
  app: GenauthAppFixture;
}

/** A client that authenticated; `withSecret` is false for the `none` method. */
export interface AuthenticatedClient extends Client {
  withSecret: boolean;
}

/** What a request presents to identify and authenticate its client. */
export interface ClientCredentials {
  /** `client_id` of the body or query. */
  clientId: string | null;
  /** `client_secret` of the body. */
  postSecret: string | null;
  /** `Authorization: Basic` user and password, when sent. */
  basic: { id: string; secret: string } | null;
  /** The `x-authing-app-id` header (the successor SDK's way of naming the app). */
  headerAppId: string | null;
}

/**
 * Redirect URIs every app accepts: loopback addresses on any port and path (RFC 8252 §7.3), so a
 * test relying party can listen anywhere on the machine.
 */
export const DEFAULT_REDIRECT_URIS = [
  'http://127.0.0.1/*',
  'http://localhost/*',
  'http://[::1]/*',
] as const;

/** The app `clientId` names, with its pool, or `null`. */
export function findClient(ctx: Context, clientId: string | null): Client | null {
  if (!clientId) return null;
  const poolId = ctx.store.genauth.appPools.get(clientId);
  const pool = poolId === undefined ? undefined : ctx.store.genauth.pools.get(poolId);
  const app = pool?.apps.get(clientId);
  return pool && app ? { pool, app } : null;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The client of a request, authenticated: by `client_secret_basic`, `client_secret_post` or, when
 * `allowNone`, by its id alone (`client_id`, or the `x-authing-app-id` header). Two methods at
 * once, or two ids that differ → `invalid_request`; no id, an unknown one, a wrong secret or a
 * missing one where required → `invalid_client`.
 * @throws {OAuthError}
 */
export function authenticateClient(
  ctx: Context,
  creds: ClientCredentials,
  allowNone: boolean,
): AuthenticatedClient {
  if (
    creds.basic &&
    (creds.postSecret !== null || (creds.clientId ?? creds.basic.id) !== creds.basic.id)
  )
    throw oauthFail('invalid_request', 'use one client authentication method');
  const ids = [creds.basic?.id ?? creds.clientId, creds.headerAppId].filter(
    (id): id is string => id !== null,
  );
  if (ids.length === 2 && ids[0] !== ids[1])
    throw oauthFail('invalid_request', 'client_id and x-authing-app-id name different apps');
  const client = findClient(ctx, ids[0] ?? null);
  if (!client)
    throw oauthFail('invalid_client', ids.length ? 'unknown client' : 'client_id is required');
  const secret = creds.basic?.secret ?? creds.postSecret;
  if (secret === null) {
    if (!allowNone) throw oauthFail('invalid_client', 'client authentication is required');
    return { ...client, withSecret: false };
  }
  if (!sameSecret(secret, client.app.secret))
    throw oauthFail('invalid_client', 'client authentication failed');
  return { ...client, withSecret: true };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function matches(pattern: string, uri: URL): boolean {
  if (!pattern.endsWith('*')) return pattern === uri.href;
  const prefix = pattern.slice(0, -1);
  const base = new URL(prefix);
  // Loopback patterns ignore the port, as RFC 8252 asks of native-app redirects.
  if (LOOPBACK_HOSTS.has(base.hostname) && base.port === '') {
    return (
      uri.protocol === base.protocol &&
      uri.hostname === base.hostname &&
      uri.pathname.startsWith(base.pathname)
    );
  }
  return uri.href.startsWith(prefix);
}

/**
 * True when `uri` is an absolute URL without a fragment that the app accepts: one of
 * {@link DEFAULT_REDIRECT_URIS} or of its fixture `redirectUris`.
 */
export function redirectUriAllowed(app: GenauthAppFixture, uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.hash !== '' || uri.includes('#')) return false;
  return [...DEFAULT_REDIRECT_URIS, ...(app.redirectUris ?? [])].some((p) => {
    try {
      return matches(p, url);
    } catch {
      return false;
    }
  });
}
