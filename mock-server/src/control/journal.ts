import { Router } from 'express';

import type { ControlApi, JournalFilter } from './types';

/**
 * `GET /requests?path=&method=` lists what the mock received (newest last); a repeated or
 * non-string filter is ignored. `DELETE /requests` clears the journal.
 */
export function journalControl(api: ControlApi): Router {
  const router = Router();
  router.get('/requests', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const filter: JournalFilter = {};
    if (typeof q['path'] === 'string') filter.path = q['path'];
    if (typeof q['method'] === 'string') filter.method = q['method'];
    res.json({ requests: api.journal.list(filter) });
  });
  router.delete('/requests', (_req, res) => {
    api.journal.clear();
    res.json({ cleared: true });
  });
  return router;
}
