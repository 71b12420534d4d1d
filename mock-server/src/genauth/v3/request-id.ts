/** The `requestId` of v3 failures and 501 answers: one counter per GenAuth state, kept in its document. */
import type { Context } from '../../context';
import { registerSide } from '../../state-io/side';

const sequences = new WeakMap<object, { n: number }>();

registerSide('v3RequestSeq', {
  export: (owner) => sequences.get(owner)?.n ?? 0,
  import: (owner, data) => {
    sequences.set(owner, { n: data as number });
  },
});

/**
 * A request id: the mock clock's time and a counter of the GenAuth state (so `reset` restarts
 * it, and an import or a restart with `--data` resumes it), 32 hex digits; no draw from the
 * seeded stream.
 */
export function requestId(ctx: Context): string {
  const key = ctx.store.genauth;
  let seq = sequences.get(key);
  if (!seq) sequences.set(key, (seq = { n: 0 }));
  seq.n += 1;
  return ctx.clock.now().toString(16).padStart(16, '0') + seq.n.toString(16).padStart(16, '0');
}
