import { Router } from 'express';

import { numberParam } from './query-values';
import type { ControlApi, JournalFilter } from './types';

/**
 * `GET /requests?path=&method=&after=` lists what the mock received (newest last), `after` a
 * `seq` to list only newer entries; a repeated or non-string `path` or `method` is ignored.
 * `DELETE /requests` clears the journal.
 */
export function journalControl(api: ControlApi): Router {
  const router = Router();
  router.get('/requests', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const filter: JournalFilter = {};
    if (typeof q['path'] === 'string') filter.path = q['path'];
    if (typeof q['method'] === 'string') filter.method = q['method'];
    const after = numberParam(q, 'after');
    if (after !== undefined) filter.after = after;
    res.json({ requests: api.journal.list(filter) });
  });
  router.delete('/requests', (_req, res) => {
    api.journal.clear();
    res.json({ cleared: true });
  });
  return router;
}
