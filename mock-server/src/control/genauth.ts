import { Router } from 'express';

import type { Context } from '../context';
import { badField, controlErrors } from './errors';

/**
 * `GET /messages?to=<phone|email>[&pool=<userPoolId>]` → `{messages}`: the SMS and e-mail codes
 * the GenAuth side "sent" (newest last), so tests and demos can read them. `to` is required.
 */
export function genauthControl(ctx: Context): Router {
  const router = Router();
  router.get('/messages', (req, res) => {
    const q = req.query as Record<string, unknown>;
    const to = q['to'];
    const pool = q['pool'];
    if (typeof to !== 'string' || to.trim() === '')
      throw badField('to', 'a phone number or e-mail');
    if (pool !== undefined && typeof pool !== 'string') throw badField('pool', 'one user pool id');
    const messages = ctx.store.genauth.messages.filter(
      (m) => m.to === to.trim() && (pool === undefined || m.poolId === pool),
    );
    res.json({ messages });
  });
  router.use(controlErrors);
  return router;
}
