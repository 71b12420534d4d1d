/** GenAuth v3 names a WeChat mini-program connection by its identifier (`extIdpConnidentifier`). */
import type { WechatConnectionFixture } from '@genauth-wxapp/fixtures';

import { fail } from '../errors';
import type { Tenant } from './tenancy';
import { requireString } from './validate';

const unknown = (identifier: string) =>
  fail(2502, { extIdpConnidentifier: identifier }, `身份源连接不存在: ${identifier}`);

/**
 * The WeChat connection of the calling app named `identifier`: missing → 2231, an app without a
 * connection or with another identifier → 2502. Without an app, the pool's connections count.
 */
export function appConnection(t: Tenant, identifier: unknown): WechatConnectionFixture {
  const id = requireString(identifier, 'extIdpConnidentifier');
  if (!t.app) return poolConnection(t, id);
  const conn = t.app.connection;
  if (!conn || conn.identifier !== id) throw unknown(id);
  return conn;
}

/** The connection named `identifier` among the pool's apps: missing → 2231, none → 2502. */
export function poolConnection(t: Tenant, identifier: unknown): WechatConnectionFixture {
  const id = requireString(identifier, 'extIdpConnidentifier');
  for (const app of t.pool.apps.values())
    if (app.connection?.identifier === id) return app.connection;
  throw unknown(id);
}
