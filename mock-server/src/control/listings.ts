import { Router } from 'express';

import type { ControlApi } from './types';
import { numberParam, stringParam } from './query-values';

/**
 * Listings for the console and for scripts, over {@link ControlApi}:
 * - `GET /wechat/apps` → `{apps}` (with their secrets);
 * - `GET /wechat/codes?appid&limit` → `{codes}`: the `wx.login` codes not expired, newest first;
 * - `GET /wechat/sessions/live?appid&limit` → `{sessions}`: the live sessions, newest first;
 * - `GET /genauth/pools` → `{pools}` with their apps and user counts;
 * - `GET /messages/recent?pool&limit` → `{messages}`: the newest SMS and e-mail codes.
 */
export function listingsControl(api: ControlApi): Router {
  const router = Router();
  const appQuery = (query: Record<string, unknown>) => {
    const limit = numberParam(query, 'limit');
    return {
      appid: stringParam(query, 'appid') as string,
      ...(limit === undefined ? {} : { limit }),
    };
  };
  router.get('/wechat/apps', (_req, res) => {
    res.json({ apps: api.wechat.apps() });
  });
  router.get('/wechat/codes', (req, res) => {
    res.json({ codes: api.wechat.codes(appQuery(req.query as Record<string, unknown>)) });
  });
  router.get('/wechat/sessions/live', (req, res) => {
    res.json({ sessions: api.wechat.sessions(appQuery(req.query as Record<string, unknown>)) });
  });
  router.get('/genauth/pools', (_req, res) => {
    res.json({ pools: api.genauth.pools() });
  });
  router.get('/messages/recent', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const pool = stringParam(query, 'pool');
    const limit = numberParam(query, 'limit');
    res.json({
      messages: api.messages.recent({
        ...(pool === undefined ? {} : { pool }),
        ...(limit === undefined ? {} : { limit }),
      }),
    });
  });
  return router;
}
