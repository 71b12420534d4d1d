/** The request journal, live, filtered by path, status and time. */
import { useState } from 'preact/hooks';

import { control } from './api';
import { DataTable } from './data-table';
import { SelectField, TextField } from './fields';
import { instant, pretty } from './format';
import { useAction } from './hooks';
import type { JournalStream } from './journal-stream';
import { CodeBlock, ErrorNote } from './ui';
import type { JournalEntry } from '../../src/control/types';

const STATUSES = ['any', '2xx', '3xx', '4xx', '5xx'] as const;
const WINDOWS: Record<string, number> = {
  'any time': Infinity,
  'last minute': 60_000,
  'last 5 minutes': 300_000,
  'last hour': 3_600_000,
};

/** Whether `e` passes the filters (the time window on the mock clock). */
function passes(
  e: JournalEntry,
  path: string,
  status: (typeof STATUSES)[number],
  window: number,
  now: number,
): boolean {
  if (path && !e.path.toLowerCase().includes(path.toLowerCase())) return false;
  if (status !== 'any' && String(e.status)[0] !== status[0]) return false;
  return now - e.at <= window;
}

const statusClass = (status: number) => (status >= 500 ? 'bad' : status >= 400 ? 'warn' : 'ok');

/** The journal panel over the stream the page follows. */
export function JournalPanel({ stream, now }: { stream: JournalStream; now: number }) {
  const [path, setPath] = useState('');
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('any');
  const [span, setSpan] = useState('any time');
  const [opened, setOpened] = useState<number | undefined>(undefined);
  const { run, error } = useAction();
  const window = WINDOWS[span] ?? Infinity;
  const shown = stream.entries.filter((e) => passes(e, path, status, window, now)).reverse();
  const entry = stream.entries.find((e) => e.seq === opened);
  return (
    <div>
      <div class="toolbar">
        <span class={stream.live ? 'live on' : 'live'} role="status">
          {stream.live ? 'live' : 'connecting…'}
        </span>
        <TextField label="Path contains" type="search" value={path} onValue={setPath} />
        <SelectField label="Status" value={status} options={STATUSES} onValue={setStatus} />
        <SelectField label="Time" value={span} options={Object.keys(WINDOWS)} onValue={setSpan} />
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await control.journal.clear();
              stream.forget();
            })
          }
        >
          Clear journal
        </button>
      </div>
      <ErrorNote error={error} />
      <p class="muted">
        {shown.length} of {stream.entries.length} requests (control requests are not journaled)
      </p>
      <DataTable
        label="Request journal"
        headers={['#', 'Time', 'Method', 'Path', 'Status']}
        rows={shown}
        row={(e) => (
          <tr
            key={e.seq}
            class={e.seq === opened ? 'selected' : undefined}
            onClick={() => setOpened(e.seq)}
          >
            <td>{e.seq}</td>
            <td>{instant(e.at)}</td>
            <td>{e.method}</td>
            <td class="mono">
              <button type="button" class="link" onClick={() => setOpened(e.seq)}>
                {e.path}
              </button>
            </td>
            <td>
              <span class={`tag ${statusClass(e.status)}`}>{e.status}</span>
            </td>
          </tr>
        )}
      />
      {entry ? (
        <CodeBlock
          text={pretty({ query: entry.query, headers: entry.headers, body: entry.body })}
          label={`Request ${entry.seq}`}
        />
      ) : null}
    </div>
  );
}
