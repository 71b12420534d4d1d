/** The GenAuth outbox: the SMS and e-mail verification codes the mock "sent". */
import { useState } from 'preact/hooks';

import { control } from './api';
import { DataTable } from './data-table';
import { TextField } from './fields';
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
        <TextField label="Recipient contains" type="search" value={to} onValue={setTo} />
      </div>
      <ErrorNote error={error} />
      <DataTable
        label="Messages"
        headers={['Channel', 'To', 'Code', 'Scene', 'Sent', 'Expires', 'Used']}
        rows={shown}
        empty={data?.length === 0 ? 'No message has been sent.' : undefined}
        row={(m) => (
          <tr key={m.seq}>
            <td>{m.channel === 'sms' ? 'SMS' : 'e-mail'}</td>
            <td>{m.to}</td>
            <td class="mono strong">{m.code}</td>
            <td>{m.scene}</td>
            <td>{instant(m.sentAt)}</td>
            <td>{relative(m.expiresAt, now)}</td>
            <td>{m.used ? 'yes' : 'no'}</td>
          </tr>
        )}
      />
    </div>
  );
}
