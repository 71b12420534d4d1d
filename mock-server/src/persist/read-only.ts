/**
 * The requests known to change nothing, whose answers need not wait for a commit. Anything not
 * listed here waits: `GET /sns/jscode2session`, for one, consumes a code.
 */
import type { Request } from 'express';

/** GET paths (lower case, no trailing slash) that only read. */
const READ_ONLY_PATHS: ReadonlySet<string> = new Set([
  '',
  '/__mock/v1',
  '/__mock/v1/state',
  '/__mock/v1/requests',
  '/__mock/v1/clock',
  '/__mock/v1/faults',
  '/__mock/v1/messages',
  '/__mock/v1/demo',
  '/__mock/v1/openapi.json',
  '/__mock/v1/requests/events',
  '/__mock/v1/messages/recent',
  '/__mock/v1/wechat/apps',
  '/__mock/v1/wechat/users',
  '/__mock/v1/wechat/codes',
  '/__mock/v1/wechat/sessions',
  '/__mock/v1/wechat/sessions/live',
  '/__mock/v1/genauth/pools',
  '/__mock/v1/genauth/users',
  '/__mock/ui',
  '/oidc/.well-known/jwks.json',
  '/oidc/.well-known/openid-configuration',
  '/api/v2/.well-known',
]);

/** GET paths that only read, by pattern: the console's assets, one GenAuth user. */
const READ_ONLY_PATTERNS = [/^\/__mock\/ui\//, /^\/__mock\/v1\/genauth\/users\/[^/]+$/];

/** Whether `req` is known to leave the state as it is. */
export function isReadOnly(req: Request): boolean {
  // An event stream, which never ends, is not held either way (see `hold.ts`): what it is asked
  // for with says nothing of what it writes.
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const path = req.path.toLowerCase().replace(/\/$/, '');
  return READ_ONLY_PATHS.has(path) || READ_ONLY_PATTERNS.some((p) => p.test(path));
}
