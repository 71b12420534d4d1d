/** The bar above every panel: the mock clock (advance, set) and reset with a seed. */
import { useState } from 'preact/hooks';

import { ActionForm } from './action-form';
import { control } from './api';
import { TextField } from './fields';
import { instant } from './format';
import { useAction } from './hooks';
import { ErrorNote } from './ui';

const STEPS: [label: string, ms: number][] = [
  ['+1 min', 60_000],
  ['+5 min', 300_000],
  ['+1 h', 3_600_000],
  ['+1 day', 86_400_000],
];

/** The clock and reset controls; `onReset` runs after a reset. */
export function Header({ now, onReset }: { now: number | undefined; onReset: () => void }) {
  const { run, error } = useAction();
  const [target, setTarget] = useState('');
  const [seed, setSeed] = useState('');
  return (
    <header>
      <h1>genauth-mock console</h1>
      <div class="bar" role="group" aria-label="Mock clock">
        <span>
          Mock clock{' '}
          <output aria-label="Mock time">{now === undefined ? '…' : instant(now)}</output>
        </span>
        {STEPS.map(([label, ms]) => (
          <button
            key={label}
            type="button"
            aria-label={`Advance the clock ${label}`}
            onClick={() => void run(() => control.clock.advance(ms))}
          >
            {label}
          </button>
        ))}
        <ActionForm onSubmit={() => run(() => control.clock.set(target))}>
          <TextField
            label="Set to"
            value={target}
            placeholder="2024-01-01T00:00:00Z"
            onValue={setTarget}
          />
          <button type="submit">Set clock</button>
        </ActionForm>
      </div>
      <ActionForm
        class="bar"
        aria-label="Reset"
        onSubmit={() =>
          run(async () => {
            await control.reset(seed || undefined);
            onReset();
          })
        }
      >
        <TextField label="Seed" value={seed} placeholder="genauth-wxapp" onValue={setSeed} />
        <button type="submit" class="danger">
          Reset state
        </button>
      </ActionForm>
      <ErrorNote error={error} />
    </header>
  );
}
