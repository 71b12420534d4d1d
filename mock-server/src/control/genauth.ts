import { Router } from 'express';

import type { Context } from '../context';

/**
 * `GET /messages?to=<phone|email>&pool=<userPoolId>`: the SMS and e-mail codes the GenAuth side
 * "sent" (newest last), so tests and demos can read them. `to` is required.
 */
export function genauthControl(ctx: Context): Router {
  const router = Router();
  router.get('/messages', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const to = q['to'];
    const pool = q['pool'];
    if (typeof to !== 'string' || to.trim() === '') {
      res
        .status(400)
        .json({
          error: 'invalid_request',
          message: 'query parameter "to" (phone or email) is required',
        });
      return;
    }
    if (pool !== undefined && typeof pool !== 'string') {
      res
        .status(400)
        .json({ error: 'invalid_request', message: '"pool" must be a single user pool id' });
      return;
    }
    const messages = ctx.store.genauth.messages.filter(
      (m) => m.to === to.trim() && (pool === undefined || m.poolId === pool),
    );
    res.json({ messages });
  });
  return router;
}
