import {
  Router,
  type ErrorRequestHandler,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';

import type { Context } from '../../context';
import { findClient, redirectUriAllowed } from '../model/oidc-clients';
import type { UserRecord } from '../model/types';
import { recordLogin } from '../model/users';
import { hintedUser } from '../oidc/authorize';
import { issueTicket, redeemTicket } from './tickets';

/** CAS 1.0's failed validation. */
const NO = 'no\n\n';

/** A text/plain answer, never cached. */
function sendText(res: Response, text: string, status = 200): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(text);
}

/** A single query parameter: `null` when absent, empty or repeated. */
function query(req: Request, name: string): string | null {
  const v: unknown = req.query[name];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** The name CAS answers for a user: the username, else the e-mail, phone or id. */
const casName = (user: UserRecord): string => user.username ?? user.email ?? user.phone ?? user.id;

/**
 * `GET /cas-idp/:appId/login?service&login_hint` (or `/cas-idp/:appId?…`): the mock has no login page, so the user
 * `login_hint` names (user id, e-mail, phone or username, as `/oidc/auth`) signs in at once and
 * the browser goes to `service?ticket=ST-…`. No redirect target (unknown app, a missing or
 * unregistered service) → 400 text; no hint → 400, an unknown or blocked user → 403.
 */
function login(ctx: Context): RequestHandler {
  return (req, res) => {
    const client = findClient(ctx, String(req.params['appId']));
    if (!client) return sendText(res, 'unknown application\n', 400);
    const service = query(req, 'service');
    if (service === null) return sendText(res, 'service is required\n', 400);
    if (!redirectUriAllowed(client.app, service))
      return sendText(res, 'service is not registered for this application\n', 400);
    const hint = query(req, 'login_hint');
    if (hint === null)
      return sendText(res, 'the mock has no login page: name the user in login_hint\n', 400);
    const user = hintedUser(client.pool, hint);
    if (!user) return sendText(res, 'login_hint names no user of this pool\n', 403);
    if (user.blocked) return sendText(res, 'the user is blocked\n', 403);
    recordLogin(ctx, user);
    const ticket = issueTicket(ctx, { appId: client.app.id, service, userId: user.id });
    const url = new URL(service);
    url.searchParams.set('ticket', ticket);
    res.statusCode = 302;
    res.setHeader('Location', url.href);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Length', 0);
    res.end();
  };
}

/**
 * `GET /cas-idp/:appId/validate?service&ticket` (CAS 1.0): `yes\n<username>\n` for a live
 * ticket of the app issued for that service, else `no\n\n` (also for a missing parameter or an
 * unknown app), always HTTP 200. The ticket is spent by the attempt.
 */
function validate(ctx: Context): RequestHandler {
  return (req, res) => {
    const client = findClient(ctx, String(req.params['appId']));
    const service = query(req, 'service');
    const ticket = query(req, 'ticket');
    if (!client || service === null || ticket === null) return sendText(res, NO);
    const record = redeemTicket(ctx, client.app.id, service, ticket);
    const user = record ? client.pool.users.get(record.userId) : undefined;
    sendText(res, user && !user.blocked ? `yes\n${casName(user)}\n` : NO);
  };
}

const methodNotAllowed: RequestHandler = (req, res) => {
  res.setHeader('Allow', 'GET, HEAD');
  sendText(res, `${req.method} is not allowed here\n`, 405);
};

/** The CAS router's error renderer: text, 400 for a request it could not read, else 500. */
function casErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = (err as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      sendText(res, 'bad request\n', status);
      return;
    }
    log(`[cas] ${req.method} ${req.path} failed: ${String((err as Error)?.stack ?? err)}`);
    sendText(res, 'mock server error\n', 500);
  };
}

/**
 * CAS at `/cas-idp` (protocol 1.0, text answers): login (by `login_hint`, the mock has no login
 * page) and ticket validation. Other methods are 405, other paths 404, both as text.
 */
export function casRouter(ctx: Context): Router {
  const router = Router();
  // `/cas-idp/:appId` is the login URL authing-js-sdk's buildAuthorizeUrl builds.
  router.get(['/:appId', '/:appId/login'], login(ctx));
  router.all(['/:appId', '/:appId/login'], methodNotAllowed);
  router.get('/:appId/validate', validate(ctx));
  router.all('/:appId/validate', methodNotAllowed);
  router.use((_req, res) => sendText(res, 'Not Found\n', 404));
  router.use(casErrors(ctx.options.log));
  return router;
}
