import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

import { asBodyError } from '../../http/body';
import { genauthErrorBody } from '../error-body';
import { GenauthError } from '../errors';
import { OAuthError } from '../model/oidc-errors';

/** Writes `body` as JSON with `status`, uncached (RFC 6749 §5.1). */
export function sendJson(res: Response, body: object, status = 200): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

const quoted = (s: string): string => `"${s.replace(/["\\]/g, '')}"`;

/** The `WWW-Authenticate` challenge of a 401/403 (RFC 6749 §5.2, RFC 6750 §3). */
function challenge(err: OAuthError): string | null {
  if (err.error === 'invalid_client') return 'Basic realm="genauth-mock"';
  if (err.error === 'invalid_token' || err.error === 'insufficient_scope')
    return `Bearer realm="genauth-mock", error=${quoted(err.error)}, error_description=${quoted(err.description)}`;
  return null;
}

/**
 * The OIDC router's one error renderer: an {@link OAuthError} as `{error, error_description}`
 * with its status (and `WWW-Authenticate` on 401/403); a body that could not be read as
 * `invalid_request` (413 when too large, else 400); a GenAuth error (the discovery document of an
 * unknown app) in the GenAuth envelope, as before; anything else (a bug, logged) as 500
 * `server_error`.
 */
export function oidcErrors(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof OAuthError) {
      const header = challenge(err);
      if (header) res.setHeader('WWW-Authenticate', header);
      sendJson(res, err.toJSON(), err.status);
      return;
    }
    const body = asBodyError(err);
    if (body) {
      const status = body.fault === 'too_large' ? 413 : 400;
      sendJson(res, { error: 'invalid_request', error_description: body.message }, status);
      return;
    }
    if (err instanceof GenauthError) {
      sendJson(res, genauthErrorBody(err, log, `${req.method} ${req.path}`));
      return;
    }
    log(
      `[oidc] ${req.method} ${req.originalUrl.split('?')[0]} failed: ${String((err as Error)?.stack ?? err)}`,
    );
    sendJson(res, { error: 'server_error', error_description: 'mock server error' }, 500);
  };
}

/** A known OIDC path asked with another method: 405 `invalid_request` naming the allowed ones. */
export const methodNotAllowed =
  (...allowed: string[]): RequestHandler =>
  (req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    sendJson(
      res,
      { error: 'invalid_request', error_description: `${req.method} is not allowed here` },
      405,
    );
  };
