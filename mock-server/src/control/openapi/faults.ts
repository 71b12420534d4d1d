/** Fault injection (`/faults`). */
import { FAULT_ROUTES } from '../fault-routes';
import { LIMITS } from '../values';
import type { OperationTable } from './operation';
import { arrayOf, closed, described, int, object, oneOfValues, ref, str } from './schema';

/** Fault injection, keyed as in `CONTROL_ROUTES`. */
export const FAULT_OPERATIONS: OperationTable = {
  'POST /faults': {
    description:
      'The next `times` calls of `route` answer `errcode` (a WeChat errcode for `wechat.*` routes, a GenAuth code for `genauth.*` ones, `200` only delays), held `delayMs` first.',
    body: {
      schema: closed(
        {
          route: oneOfValues(Object.keys(FAULT_ROUTES)),
          errcode: described("An errcode of the route's family that the mock knows.", int()),
          times: int(...LIMITS.faultTimes),
          appid: described('Only calls for this known app match.', str()),
          delayMs: int(...LIMITS.faultDelayMs),
        },
        ['route', 'errcode'],
      ),
    },
    ok: { '201': object({ fault: ref('Fault') }) },
    fails: { '404': ['unknown_app'] },
  },
  'GET /faults': {
    ok: { '200': object({ faults: arrayOf(ref('Fault')) }) },
  },
  'DELETE /faults': {
    ok: { '200': object({ cleared: described('How many faults were pending.', int(0)) }) },
  },
};
