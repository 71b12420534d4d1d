import { Router } from 'express';

import type { Context } from '../context';
import { ERRCODES, type Errcode } from '../wechat/errcodes';
import {
  FAULT_ROUTES,
  addFault,
  clearFaults,
  type FaultRoute,
  type WechatFault,
} from '../wechat/faults';
import { ControlError, badField, controlErrors } from './errors';
import { bodyOf, controlJson, optionalInt, optionalString } from './fields';

const FIELDS = new Set(['route', 'errcode', 'times', 'appid', 'delayMs']);
const MAX_TIMES = 1000;
const MAX_DELAY_MS = 60_000;

/** A fault as the control surface shows it (with the errmsg it answers and the calls left). */
function faultView(f: WechatFault) {
  return {
    id: f.id,
    route: f.route,
    errcode: f.errcode,
    errmsg: ERRCODES[f.errcode],
    times: f.remaining,
    appid: f.appid,
    delayMs: f.delayMs,
  };
}

/** Validates a `POST /faults` body; nothing is added unless all of it is valid. */
function parseFault(ctx: Context, body: Record<string, unknown>): Omit<WechatFault, 'id'> {
  const unknown = Object.keys(body).find((k) => !FIELDS.has(k));
  if (unknown !== undefined) throw badField(unknown, `absent (fields: ${[...FIELDS].join(', ')})`);
  const { route, errcode } = body;
  if (typeof route !== 'string' || !Object.hasOwn(FAULT_ROUTES, route)) {
    throw badField('route', `one of ${Object.keys(FAULT_ROUTES).join(', ')}`);
  }
  if (typeof errcode !== 'number' || !Object.hasOwn(ERRCODES, errcode)) {
    throw badField(
      'errcode',
      `a WeChat errcode the mock knows (${Object.keys(ERRCODES).join(', ')})`,
    );
  }
  const times = optionalInt(body, 'times', 1, MAX_TIMES) ?? 1;
  const delayMs = optionalInt(body, 'delayMs', 0, MAX_DELAY_MS) ?? 0;
  const appid = optionalString(body, 'appid') ?? null;
  if (appid !== null && !ctx.store.wechat.apps.has(appid)) {
    throw new ControlError(404, 'unknown_app', `no WeChat app ${appid}`);
  }
  return {
    route: route as FaultRoute,
    errcode: errcode as Errcode,
    remaining: times,
    appid,
    delayMs,
  };
}

/**
 * WeChat fault injection:
 * - `POST /faults {route, errcode, times?, appid?, delayMs?}` → 201 `{fault}`: the next `times`
 *   calls of `route` (of `appid` only, when given) answer `errcode` without touching state,
 *   held `delayMs` first — also GenAuth's in-process jscode2session;
 * - `GET /faults` → `{faults}` (pending, oldest first); `DELETE /faults` → `{cleared}`.
 * `POST /reset` clears them too (they live in the WeChat state).
 */
export function faultsControl(ctx: Context): Router {
  const router = Router();
  const json = controlJson(ctx);

  router.get('/faults', (_req, res) => {
    res.json({ faults: ctx.store.wechat.faults.pending.map(faultView) });
  });
  router.post('/faults', json, (req, res) => {
    const fault = addFault(ctx, parseFault(ctx, bodyOf(req)));
    res.status(201).json({ fault: faultView(fault) });
  });
  router.delete('/faults', (_req, res) => {
    res.json({ cleared: clearFaults(ctx) });
  });

  router.use(controlErrors);
  return router;
}
