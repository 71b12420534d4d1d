import { Router } from 'express';

import type { Context } from '../context';
import { badField, controlErrors } from './errors';
import { bodyOf, controlJson } from './fields';

function clockView(ctx: Context) {
  const now = ctx.clock.now();
  return { now, iso: new Date(now).toISOString() };
}

/** Reads `{now}` as epoch milliseconds or an ISO date string. */
function absoluteTime(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw badField('now', 'epoch milliseconds or an ISO date string');
  }
  return ms;
}

/**
 * The mock's core controls:
 * - `GET /clock` → `{now, iso}`; `POST /clock {advanceMs}` or `{now}` moves the mock clock;
 * - `GET /state` → the whole state (apps with secrets, users, sessions, codes, tokens, GenAuth…);
 * - `POST /reset {seed?}` → back to the seeded state (of `seed` when given), journal cleared.
 */
export function coreControl(ctx: Context): Router {
  const router = Router();
  const json = controlJson(ctx);

  router.get('/clock', (_req, res) => {
    res.json(clockView(ctx));
  });
  router.post('/clock', json, (req, res) => {
    const body = bodyOf(req);
    const { advanceMs, now } = body;
    if ((advanceMs === undefined) === (now === undefined)) {
      throw badField('advanceMs', 'given, or "now" given instead (exactly one of them)');
    }
    if (advanceMs !== undefined) {
      if (typeof advanceMs !== 'number' || !Number.isFinite(advanceMs)) {
        throw badField('advanceMs', 'a finite number of milliseconds');
      }
      ctx.clock.advance(advanceMs);
    } else {
      ctx.clock.set(absoluteTime(now));
    }
    res.json(clockView(ctx));
  });

  router.get('/state', (_req, res) => {
    res.json(ctx.store.snapshot());
  });
  router.post('/reset', json, (req, res) => {
    const { seed } = bodyOf(req);
    if (seed !== undefined && typeof seed !== 'string' && typeof seed !== 'number') {
      throw badField('seed', 'a string or a number');
    }
    ctx.store.reset(seed === undefined ? undefined : String(seed));
    ctx.journal.clear();
    res.json({ reset: true, seed: ctx.store.fixtures.seed });
  });

  router.use(controlErrors);
  return router;
}
