import type { IncomingHttpHeaders } from 'node:http';

import type { Request, RequestHandler } from 'express';

import type { Context } from '../context';
import { ControlError, controlErrors } from './errors';
import {
  bearerOf,
  hostOf,
  isIpHost,
  isLoopbackAddress,
  isLoopbackName,
  normalizeHostName,
  normalizeOrigin,
  sameToken,
} from './guard-rules';

/** Longest piece of a header quoted back in a refusal. */
const QUOTED = 100;

const quote = (value: string) => JSON.stringify(value.slice(0, QUOTED));

/**
 * DNS rebinding: a `Host` that is not an IP address, a loopback name (`localhost`,
 * `*.localhost`), the configured host or an allowed host. A rebinding page can only send its own
 * name, never an address.
 */
function hostRefusal(headers: IncomingHttpHeaders, hosts: ReadonlySet<string>) {
  const name = hostOf(headers.host);
  if (name !== undefined && (isIpHost(name) || isLoopbackName(name) || hosts.has(name))) return;
  const shown = headers.host === undefined ? 'no Host header' : `Host ${quote(headers.host)}`;
  return new ControlError(
    403,
    'bad_host',
    `${shown} is not this mock: use its IP address or localhost, or start the mock with --allowed-host <name>`,
  );
}

/** Whether `origin` (normalized) is the mock's own, as the request's `Host` names it. */
function isOwnOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined || host === undefined) return false;
  return (
    normalizeOrigin(`http://${host}`) === origin || normalizeOrigin(`https://${host}`) === origin
  );
}

/**
 * CSRF: a browser request from another site, known by an `Origin` that is neither the mock's own
 * nor allowed, or by `Sec-Fetch-Site: cross-site`. Requests without either (curl, SDKs) pass.
 */
function originRefusal(headers: IncomingHttpHeaders, origins: ReadonlySet<string>) {
  const raw = headers.origin;
  const origin = normalizeOrigin(raw);
  if (origin !== undefined && origins.has(origin)) return;
  const crossSite = headers['sec-fetch-site'] === 'cross-site';
  if (!crossSite && (raw === undefined || isOwnOrigin(origin, headers.host))) return;
  const shown = raw === undefined ? 'a cross-site request' : `Origin ${quote(raw)}`;
  return new ControlError(
    403,
    'cross_origin',
    `${shown} may not use the control surface: start the mock with --allowed-origin <origin> to allow a page`,
  );
}

/** Who may use it: loopback clients, and others only with the admin token, when there is one. */
function accessRefusal(req: Request, adminToken: string | undefined) {
  if (isLoopbackAddress(req.socket.remoteAddress)) return;
  if (adminToken === undefined) {
    return new ControlError(
      403,
      'admin_forbidden',
      'the control surface answers loopback clients only; start the mock with --admin-token to allow others',
    );
  }
  const given = bearerOf(req.headers.authorization);
  if (given !== undefined && sameToken(given, adminToken)) return;
  return new ControlError(
    401,
    'admin_unauthorized',
    given === undefined
      ? 'send the admin token as Authorization: Bearer <token>'
      : 'the admin token is wrong',
  );
}

/**
 * Guards an admin surface (the control surface `/__mock/v1`): refuses, as `{error, message}`, a
 * `Host` that is not the mock's (403 `bad_host`), a cross-site browser request (403
 * `cross_origin`), and a client that is not loopback (403 `admin_forbidden`, or 401
 * `admin_unauthorized` with `WWW-Authenticate: Bearer` when an admin token is configured and the
 * request does not carry it). Mount it in front of the routes it guards, before any body parser.
 */
export function adminGuard(ctx: Context): RequestHandler {
  const { host, adminToken, allowedHosts, allowedOrigins } = ctx.options;
  const hosts = new Set(allowedHosts);
  const configured = normalizeHostName(host);
  if (configured !== undefined) hosts.add(configured);
  const origins = new Set(allowedOrigins);
  return (req, res, next) => {
    const refusal =
      hostRefusal(req.headers, hosts) ??
      originRefusal(req.headers, origins) ??
      accessRefusal(req, adminToken);
    if (refusal === undefined) {
      next();
      return;
    }
    if (refusal.status === 401) res.set('WWW-Authenticate', 'Bearer');
    controlErrors(refusal, req, res, next);
  };
}
