import type { Context } from '../../context';
import type { JournalEntry, JournalFollowOptions } from '../types';
import { checkInt } from '../values';

/**
 * `journal.follow`: the entries after `after` (the newest so far without it), then every new
 * one as it is recorded, copied, until the iteration ends or `signal` aborts; an `after` past
 * the newest entry (of a run before a restart) follows from the start. It holds nothing
 * but its place: a reader slower than the journal's bounds misses the entries dropped meanwhile.
 */
export async function* followJournal(
  ctx: Context,
  options: JournalFollowOptions = {},
): AsyncGenerator<JournalEntry, void, undefined> {
  const { signal } = options;
  let last =
    options.after === undefined
      ? ctx.journal.lastSeq
      : checkInt('after', options.after, [0, Number.MAX_SAFE_INTEGER]);
  // A place past the newest entry is one of an earlier run (a restarted mock numbers its
  // journal from 1 again): follow this run's journal from its start.
  if (last > ctx.journal.lastSeq) last = 0;
  let wake: (() => void) | undefined;
  const poke = () => wake?.();
  const unsubscribe = ctx.journal.subscribe(poke);
  signal?.addEventListener('abort', poke);
  try {
    while (!signal?.aborted) {
      const entries = ctx.journal.since(last);
      if (entries.length === 0) {
        // Entries are recorded on later turns of the event loop: none can slip in before this.
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
        continue;
      }
      for (const entry of entries) {
        last = entry.seq;
        yield structuredClone(entry);
        if (signal?.aborted) return;
      }
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', poke);
  }
}
