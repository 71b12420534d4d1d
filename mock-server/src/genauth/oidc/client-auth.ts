import type { Request } from 'express';

import type { ClientCredentials } from '../model/oidc-clients';
import { oauthFail } from '../model/oidc-errors';
import { param, type Params } from './params';

const formDecode = (s: string): string => decodeURIComponent(s.replace(/\+/g, ' '));

/** `Authorization: Basic` credentials (RFC 6749 §2.3.1: form-encoded id and secret), or null. */
function basicOf(req: Request): ClientCredentials['basic'] {
  const auth = req.get('authorization');
  const m = auth === undefined ? null : /^Basic\s+([A-Za-z0-9+/=]*)\s*$/i.exec(auth);
  if (!m) {
    if (auth !== undefined && /^Basic\b/i.test(auth))
      throw oauthFail('invalid_request', 'malformed Basic credentials');
    return null;
  }
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw oauthFail('invalid_request', 'malformed Basic credentials');
  try {
    return {
      id: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    throw oauthFail('invalid_request', 'malformed Basic credentials');
  }
}

const headerAppId = (req: Request): string | null => {
  const v = req.get('x-authing-app-id')?.trim();
  return !v || v === 'undefined' || v === 'null' ? null : v;
};

/** The client credentials of a request: Basic, `client_id`/`client_secret`, the app header. */
export function credentialsOf(req: Request, params: Params): ClientCredentials {
  return {
    clientId: param(params, 'client_id'),
    postSecret: param(params, 'client_secret'),
    basic: basicOf(req),
    headerAppId: headerAppId(req),
  };
}
