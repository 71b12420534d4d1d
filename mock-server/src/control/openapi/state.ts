/** The whole state: export (`GET /state`) and import (`PUT /state`). */
import { STATE_BODY_LIMIT } from '../../state-io/limits';
import type { OperationTable } from './operation';
import { anyStr, constant, int, object, ref } from './schema';

/** State export and import, keyed as in `CONTROL_ROUTES`. */
export const STATE_OPERATIONS: OperationTable = {
  'GET /state': {
    description:
      'Written as it is produced, about 64 KiB a write; other requests are served meanwhile.',
    ok: { '200': ref('MockState') },
    streamed: true,
  },
  'PUT /state': {
    description:
      'Checked whole before anything changes (400 naming the path of a bad field); the journal stays.',
    body: { schema: ref('MockState'), limit: STATE_BODY_LIMIT },
    ok: { '200': object({ imported: constant(true), seed: anyStr, now: int() }) },
  },
};
