/** The request journal (`/requests`), listed or followed as server-sent events. */
import type { OperationTable } from './operation';
import { arrayOf, constant, int, object, ref, str } from './schema';

const after = {
  schema: int(0, Number.MAX_SAFE_INTEGER),
  description: 'Only entries whose `seq` is greater.',
};

/** The request journal, keyed as in `CONTROL_ROUTES`. */
export const JOURNAL_OPERATIONS: OperationTable = {
  'GET /requests': {
    description: 'Newest last. A repeated or non-string `path` or `method` is ignored.',
    query: {
      path: { schema: str(), description: 'Only requests of this exact path.' },
      method: { schema: str(), description: 'Only requests of this method, in any case.' },
      after,
    },
    ok: { '200': object({ requests: arrayOf(ref('JournalEntry')) }) },
    fails: { '400': ['invalid_field'] },
  },
  'GET /requests/events': {
    description:
      'Needs `Accept: text/event-stream`. A `request` event (`id` `<run>:<seq>`, the run naming the journal of this mock process) for every entry after `after` (or `Last-Event-ID`: the whole journal when it names another run; else the newest), then for each new one as it is recorded; `: ping` comments keep it open. At most 16 followers at once.',
    query: { after },
    ok: {
      '200': {
        events: ref('JournalEntry'),
        description: 'Server-sent events; each `data` is a journal entry',
      },
    },
    fails: {
      '400': ['invalid_field'],
      '406': ['not_acceptable'],
      '503': ['too_many_subscribers'],
    },
  },
  'DELETE /requests': {
    ok: { '200': object({ cleared: constant(true) }) },
  },
};
