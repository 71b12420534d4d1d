import { Router } from 'express';

import type { Context } from '../context';

/**
 * `GET /requests?path=&method=` lists what the mock received (newest last);
 * `DELETE /requests` clears the journal.
 */
export function journalControl(ctx: Context): Router {
  const router = Router();
  router.get('/requests', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const filter: { path?: string; method?: string } = {};
    if (typeof q['path'] === 'string') filter.path = q['path'];
    if (typeof q['method'] === 'string') filter.method = q['method'];
    res.json({ requests: ctx.journal.list(filter) });
  });
  router.delete('/requests', (_req, res) => {
    ctx.journal.clear();
    res.json({ cleared: true });
  });
  return router;
}
