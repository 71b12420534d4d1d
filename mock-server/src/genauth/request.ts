/**
 * What both GenAuth wire formats read off an HTTP request: the client IP and the tenant headers
 * (`x-authing-userpool-id`, `x-authing-app-id`, `Authorization`), handed to the model as values.
 */
import type { Request } from 'express';

import type { Context } from '../context';
import { findTenant, type Tenant, type TenantClaims } from './model/tenancy';

/** Request headers as Node holds them. */
export type Headers = Record<string, string | string[] | undefined>;

/**
 * The base URL of what the mock hands out in answer to `req`: that of the listener it came in
 * on (HTTPS or HTTP, side by side), else the request's own host.
 */
export const publicBase = (ctx: Context, req: Request): string =>
  ctx.baseUrl(req.secure) || `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/** The client IP the mock records as `lastIP` (the peer address: the mock trusts no proxy). */
export const clientIp = (req: Request): string | null => req.socket.remoteAddress ?? null;

const header = (headers: Headers, name: string): string | null => {
  const v = headers[name];
  const s = Array.isArray(v) ? v[0] : v;
  const value = typeof s === 'string' ? s.trim() : '';
  // An unset SDK option may arrive as "" or as the text "undefined" / "null": all mean absent.
  return value === '' || value === 'undefined' || value === 'null' ? null : value;
};

/** The token of `Authorization: Bearer <jwt>` (or a bare token), or null. */
export function bearerOf(headers: Headers): string | null {
  const auth = header(headers, 'authorization');
  if (!auth) return null;
  const m = /^Bearer\s+(.+)$/i.exec(auth);
  const token = (m ? m[1] : auth)?.trim();
  return token && token !== 'null' && token !== 'undefined' ? token : null;
}

/** The pool id, app id and bearer token the headers name. */
export function tenantClaims(headers: Headers): TenantClaims {
  return {
    poolId: header(headers, 'x-authing-userpool-id'),
    appId: header(headers, 'x-authing-app-id'),
    bearer: bearerOf(headers),
  };
}

/** The tenant of a request's headers (see {@link findTenant}). @throws {GenauthError} 2224 */
export function resolveTenant(ctx: Context, headers: Headers): Tenant {
  return findTenant(ctx, tenantClaims(headers));
}

/** True when the request names a pool or an app (so an unknown one must be refused). */
export function namesTenant(headers: Headers): boolean {
  return (
    header(headers, 'x-authing-userpool-id') !== null ||
    header(headers, 'x-authing-app-id') !== null
  );
}
