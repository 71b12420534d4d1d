/** The request journal, followed live over server-sent events. */
import { useEffect, useState } from 'preact/hooks';

import type { JournalEntry } from '../../src/control/types';

/** Entries the page keeps (the oldest go first). */
export const KEPT_ENTRIES = 500;

/** The journal as it streams in, whether the stream is open, and a way to forget what it holds. */
export interface JournalStream {
  entries: readonly JournalEntry[];
  live: boolean;
  forget(): void;
}

/**
 * Follows `GET /__mock/v1/requests/events` from the start of the journal; calls `onEntry` for
 * every new entry. The EventSource reconnects by itself, from the last id it read.
 */
export function useJournalStream(onEntry: () => void): JournalStream {
  const [entries, setEntries] = useState<readonly JournalEntry[]>([]);
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/__mock/v1/requests/events?after=0');
    source.onopen = () => setLive(true);
    source.onerror = () => setLive(false);
    source.addEventListener('request', (event) => {
      const entry = JSON.parse((event as MessageEvent<string>).data) as JournalEntry;
      setEntries((list) => {
        // A reconnect resumes after the last id read, so an entry that is not newer comes from a
        // restarted mock (which follows from its start): its journal is the one to show.
        const last = list[list.length - 1];
        if (last && last.seq >= entry.seq) return [entry];
        const next = [...list, entry];
        return next.length > KEPT_ENTRIES ? next.slice(-KEPT_ENTRIES) : next;
      });
      onEntry();
    });
    return () => source.close();
  }, [onEntry]);
  return { entries, live, forget: () => setEntries([]) };
}
