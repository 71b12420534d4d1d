import { Router, type RequestHandler } from 'express';

import { badField } from './errors';
import { bodyOf } from './fields';
import { readJson } from '../http/body';
import { STATE_BODY_LIMIT } from '../state-io/limits';
import { streamJson } from './stream';
import type { ControlApi } from './types';

/**
 * The mock's core controls, over {@link ControlApi}:
 * - `GET /clock` → `{now, iso}`; `POST /clock {advanceMs}` or `{now}` moves the mock clock;
 * - `GET /state` → the whole state, streamed; `PUT /state` with such a document replaces the
 *   whole state (up to {@link STATE_BODY_LIMIT} bytes); `GET /demo` → its demo section;
 * - `POST /reset {seed?}` → back to the seeded state (of `seed` when given), journal cleared.
 */
/** JSON bodies of any content type up to {@link STATE_BODY_LIMIT}, for `PUT /state`. */
const stateJson: RequestHandler = readJson(STATE_BODY_LIMIT, true);

export function coreControl(api: ControlApi, json: RequestHandler): Router {
  const router = Router();

  router.get('/clock', (_req, res) => {
    res.json(api.clock.get());
  });
  router.post('/clock', json, (req, res) => {
    const { advanceMs, now } = bodyOf(req);
    if ((advanceMs === undefined) === (now === undefined)) {
      throw badField('advanceMs', 'given, or "now" given instead (exactly one of them)');
    }
    res.json(
      advanceMs !== undefined
        ? api.clock.advance(advanceMs as number)
        : api.clock.set(now as number | string),
    );
  });

  router.get('/state', async (_req, res) => {
    await streamJson(res, api.stateChunks());
  });
  router.put('/state', stateJson, (req, res) => {
    res.json(api.importState(req.body as Record<string, unknown>));
  });
  router.get('/demo', (_req, res) => {
    res.json(api.demo());
  });
  router.post('/reset', json, (req, res) => {
    const { seed } = bodyOf(req);
    if (seed !== undefined && typeof seed !== 'string' && typeof seed !== 'number') {
      throw badField('seed', 'a string or a number');
    }
    res.json(api.reset(seed === undefined ? undefined : String(seed)));
  });

  return router;
}
