import type { Context } from '../../context';
import { demoSection } from '../../genauth/demo';
import { jsonChunks, materialize } from '../../lazy-json';
import type * as StateImport from '../../state-io/import';
import type * as Follow from './journal-follow';
import { ControlError, badField } from '../error';
import type { ClockView, ControlApi, MessageView, MockState } from '../types';
import {
  checkLimit,
  checkAdvance,
  checkInstant,
  checkInt,
  checkRecipient,
  checkString,
} from '../values';

type CoreApi = Pick<
  ControlApi,
  | 'clock'
  | 'journal'
  | 'messages'
  | 'state'
  | 'stateChunks'
  | 'exportState'
  | 'importState'
  | 'reset'
  | 'demo'
>;

/** The clock, journal, GenAuth outbox, state, reset and demo controls over `ctx`. */
export function coreApi(ctx: Context): CoreApi {
  const clockView = (): ClockView => {
    const now = ctx.clock.now();
    return { now, iso: new Date(now).toISOString() };
  };
  return {
    clock: {
      get: clockView,
      advance(ms) {
        ctx.clock.advance(checkAdvance(ms, ctx.clock.now()));
        return clockView();
      },
      set(now) {
        ctx.clock.set(checkInstant(now));
        return clockView();
      },
    },
    journal: {
      list(filter = {}) {
        const { after, ...exact } = filter;
        if (after === undefined) return structuredClone(ctx.journal.list(exact));
        const since = checkInt('after', after, [0, Number.MAX_SAFE_INTEGER]);
        return structuredClone(ctx.journal.list(exact).filter((e) => e.seq > since));
      },
      clear() {
        ctx.journal.clear();
      },
      follow(options) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return (require('./journal-follow') as typeof Follow).followJournal(ctx, options);
      },
    },
    messages: {
      list(query) {
        const to = checkRecipient(query.to);
        const { pool } = query;
        if (pool !== undefined && typeof pool !== 'string')
          throw badField('pool', 'one user pool id');
        return ctx.store.genauth.messages
          .filter((m) => m.to === to && (pool === undefined || m.poolId === pool))
          .map((m) => ({ ...m }));
      },
      recent(query = {}) {
        const { pool, limit } = query;
        if (pool !== undefined) checkString('pool', pool);
        const n = checkLimit(limit);
        const out: MessageView[] = [];
        const all = ctx.store.genauth.messages;
        for (let i = all.length - 1; i >= 0 && out.length < n; i--) {
          const m = all[i] as MessageView;
          if (pool === undefined || m.poolId === pool) out.push({ ...m });
        }
        return out;
      },
    },
    state() {
      return structuredClone(materialize(ctx.store.document())) as MockState;
    },
    stateChunks() {
      return jsonChunks(ctx.store.document());
    },
    exportState() {
      return structuredClone(materialize(ctx.store.document())) as MockState;
    },
    importState(doc) {
      // The import code loads on first use, off the mock's start-up path.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require('../../state-io/import') as typeof StateImport).importState(ctx, doc);
      return { imported: true, seed: ctx.store.fixtures.seed, now: ctx.clock.now() };
    },
    reset(seed) {
      if (seed !== undefined && typeof seed !== 'string') throw badField('seed', 'a string');
      ctx.store.reset(seed);
      ctx.journal.clear();
      return { reset: true, seed: ctx.store.fixtures.seed };
    },
    demo() {
      const demo = demoSection(ctx.store.fixtures);
      if (!demo) {
        throw new ControlError(404, 'no_demo', 'the fixtures have no GenAuth user pool');
      }
      return structuredClone(demo);
    },
  };
}
