import { Router, type RequestHandler } from 'express';

import { badField } from './errors';
import { bodyOf, optionalInt, optionalString } from './fields';
import type { ControlApi, FaultInput } from './types';
import { checkFaultErrcode } from './api/faults';
import { LIMITS, checkFaultRoute } from './values';

const FIELDS = new Set(['route', 'errcode', 'times', 'appid', 'delayMs']);

/** Reads a `POST /faults` body: known fields only, each of the right type and range. */
function parseFault(body: Record<string, unknown>): FaultInput {
  const unknown = Object.keys(body).find((k) => !FIELDS.has(k));
  if (unknown !== undefined) throw badField(unknown, `absent (fields: ${[...FIELDS].join(', ')})`);
  const route = checkFaultRoute(body['route']);
  const errcode = checkFaultErrcode(route, body['errcode']);
  const times = optionalInt(body, 'times', ...LIMITS.faultTimes);
  const delayMs = optionalInt(body, 'delayMs', ...LIMITS.faultDelayMs);
  const appid = optionalString(body, 'appid');
  return {
    route,
    errcode,
    ...(times === undefined ? {} : { times }),
    ...(delayMs === undefined ? {} : { delayMs }),
    ...(appid === undefined ? {} : { appid }),
  };
}

/**
 * Fault injection (WeChat and GenAuth routes), over {@link ControlApi}:
 * - `POST /faults {route, errcode, times?, appid?, delayMs?}` → 201 `{fault}`;
 * - `GET /faults` → `{faults}` (pending, oldest first); `DELETE /faults` → `{cleared}`.
 */
export function faultsControl(api: ControlApi, json: RequestHandler): Router {
  const router = Router();

  router.get('/faults', (_req, res) => {
    res.json({ faults: api.faults.list() });
  });
  router.post('/faults', json, (req, res) => {
    res.status(201).json({ fault: api.faults.add(parseFault(bodyOf(req))) });
  });
  router.delete('/faults', (_req, res) => {
    res.json({ cleared: api.faults.clear() });
  });

  return router;
}
