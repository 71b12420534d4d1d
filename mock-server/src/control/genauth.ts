import { Router } from 'express';

import { badField } from './errors';
import type { ControlApi } from './types';

/**
 * `GET /messages?to=<phone|email>[&pool=<userPoolId>]` → `{messages}`: the SMS and e-mail codes
 * the GenAuth side "sent" (newest last), so tests and demos can read them. `to` is required.
 */
export function genauthControl(api: ControlApi): Router {
  const router = Router();
  router.get('/messages', (req, res) => {
    const { to, pool } = req.query as Record<string, unknown>;
    if (typeof to !== 'string') throw badField('to', 'a phone number or e-mail');
    if (pool !== undefined && typeof pool !== 'string') throw badField('pool', 'one user pool id');
    res.json({ messages: api.messages.list({ to, ...(pool === undefined ? {} : { pool }) }) });
  });
  return router;
}
