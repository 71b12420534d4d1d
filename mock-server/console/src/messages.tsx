/** The GenAuth outbox: the SMS and e-mail verification codes the mock "sent". */
import { useState } from 'preact/hooks';

import { control } from './api';
import { instant, relative } from './format';
import { useLoad } from './hooks';
import { ErrorNote } from './ui';

/** The newest messages, filtered by recipient. */
export function MessagesPanel({ now }: { now: number }) {
  const { data, error } = useLoad(() => control.messages.recent({ limit: 200 }), []);
  const [to, setTo] = useState('');
  const shown = (data ?? []).filter((m) => !to || m.to.includes(to));
  return (
    <div>
      <div class="toolbar">
        <label>
          Recipient contains{' '}
          <input
            type="search"
            value={to}
            onInput={(e) => setTo((e.target as HTMLInputElement).value)}
          />
        </label>
      </div>
      <ErrorNote error={error} />
      {data && data.length === 0 ? <p class="muted">No message has been sent.</p> : null}
      <table aria-label="Messages">
        <thead>
          <tr>
            <th>Channel</th>
            <th>To</th>
            <th>Code</th>
            <th>Scene</th>
            <th>Sent</th>
            <th>Expires</th>
            <th>Used</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.seq}>
              <td>{m.channel === 'sms' ? 'SMS' : 'e-mail'}</td>
              <td>{m.to}</td>
              <td class="mono strong">{m.code}</td>
              <td>{m.scene}</td>
              <td>{instant(m.sentAt)}</td>
              <td>{relative(m.expiresAt, now)}</td>
              <td>{m.used ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
