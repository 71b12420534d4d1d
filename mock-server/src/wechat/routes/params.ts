import type { Request } from 'express';

import { jsonObjectBody, queryOf } from '../body';

/**
 * The query string, overlaid with the JSON body when there is one: for the APIs whose docs
 * disagree on where their parameters go (`rawBody` must run first). A body that is not a JSON
 * object → 47001.
 * @throws {WechatError}
 */
export function queryAndBody(req: Request): Record<string, unknown> {
  const raw: unknown = req.body;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : '';
  if (text.trim() === '') return queryOf(req);
  return { ...queryOf(req), ...jsonObjectBody(req) };
}
