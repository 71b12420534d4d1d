import { Router } from 'express';

import { bulkJson } from './bulk-body';
import { bodyOf } from './fields';
import { pageQuery } from './pages';
import { stringParam } from './query-values';
import type { ControlApi, GenauthBulkInput } from './types';

/**
 * GenAuth's side of the control surface, over {@link ControlApi}:
 * - `GET /messages?to=<phone|email>[&pool=<userPoolId>]` → `{messages}`: the SMS and e-mail
 *   codes the GenAuth side "sent" (newest last), so tests and demos can read them;
 * - `POST /genauth/users/bulk {poolId, users, returnIds?}` → 201 `{poolId, created, firstId, …}`;
 * - `GET /genauth/users?poolId&q&cursor&limit` → `{users, nextCursor}` (`q`: a search text).
 */
export function genauthControl(api: ControlApi): Router {
  const router = Router();
  router.post('/genauth/users/bulk', bulkJson, (req, res) => {
    // Every field of every user is checked by the API, before anyone is created.
    res.status(201).json(api.genauth.bulkCreateUsers(bodyOf(req) as unknown as GenauthBulkInput));
  });
  router.get('/genauth/users', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const q = stringParam(query, 'q');
    res.json(
      api.genauth.listUsers({
        poolId: stringParam(query, 'poolId') as string,
        ...(q === undefined ? {} : { q }),
        ...pageQuery(query),
      }),
    );
  });
  router.get('/messages', (req, res) => {
    // The API refuses a missing or repeated `to` or `pool`, naming it.
    const query = req.query as Record<string, unknown>;
    const to = stringParam(query, 'to') as string;
    const pool = stringParam(query, 'pool');
    res.json({ messages: api.messages.list({ to, ...(pool === undefined ? {} : { pool }) }) });
  });
  return router;
}
