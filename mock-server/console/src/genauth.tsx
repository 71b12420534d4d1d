/** The GenAuth side: user pools and their apps, and a pool's users (search, view, edit, delete). */
import { useState } from 'preact/hooks';

import { ActionForm } from './action-form';
import { control } from './api';
import { DataTable } from './data-table';
import { CheckboxField, TextField } from './fields';
import { pretty } from './format';
import { useAction, useLoad } from './hooks';
import { CodeBlock, ErrorNote, Section } from './ui';
import type { GenauthUserPatch, GenauthUserView } from '../../src/control/types';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The editable fields of a user, as the form holds them. */
const EDITABLE = ['nickname', 'username', 'email', 'phone'] as const;
type Editable = (typeof EDITABLE)[number];

/** One user: the fields it can change, its whole record, delete. */
function UserEditor({ user, onClose }: { user: GenauthUserView; onClose: () => void }) {
  const [form, setForm] = useState(
    () => Object.fromEntries(EDITABLE.map((f) => [f, text(user[f])])) as Record<Editable, string>,
  );
  const [blocked, setBlocked] = useState(user['blocked'] === true);
  const { run, error } = useAction();
  const save = () =>
    run(async () => {
      const patch: GenauthUserPatch = { id: user.id, blocked };
      for (const f of EDITABLE) {
        if (form[f] !== text(user[f])) patch[f] = form[f] === '' ? null : form[f];
      }
      await control.genauth.updateUser(patch);
    });
  const remove = () =>
    run(async () => {
      await control.genauth.deleteUser({ id: user.id });
      onClose();
    });
  return (
    <Section title={`User ${user.id}`}>
      <ActionForm class="editor" onSubmit={save}>
        {EDITABLE.map((f) => (
          <TextField
            key={f}
            label={f}
            value={form[f]}
            onValue={(v) => setForm({ ...form, [f]: v })}
          />
        ))}
        <CheckboxField label="blocked" checked={blocked} onChecked={setBlocked} />
        <div class="buttons">
          <button type="submit">Save user</button>
          <button type="button" class="danger" onClick={() => void remove()}>
            Delete user
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </ActionForm>
      <ErrorNote error={error} />
      <details>
        <summary>Whole record</summary>
        <CodeBlock text={pretty(user)} label="User record" />
      </details>
    </Section>
  );
}

/** The GenAuth panel. */
export function GenauthPanel() {
  const pools = useLoad(() => control.genauth.pools(), []);
  const [poolId, setPoolId] = useState('');
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const pool = pools.data?.find((p) => p.id === poolId) ?? pools.data?.[0];
  const users = useLoad(
    async () =>
      pool
        ? control.genauth.listUsers({ poolId: pool.id, limit: 100, ...(query ? { q: query } : {}) })
        : undefined,
    [pool?.id, query],
  );
  const open = users.data?.users.find((u) => u.id === openId);
  return (
    <div>
      <ErrorNote error={pools.error ?? users.error} />
      <Section title="User pools">
        <DataTable
          label="User pools"
          headers={['Pool', 'id', 'Users', 'Apps']}
          rows={pools.data}
          row={(p) => (
            <tr key={p.id} class={p.id === pool?.id ? 'selected' : undefined}>
              <td>
                <button type="button" class="link" onClick={() => setPoolId(p.id)}>
                  {p.name}
                </button>
              </td>
              <td class="mono">{p.id}</td>
              <td>{p.userCount}</td>
              <td>
                {p.apps.map((a) => (
                  <div key={a.id}>
                    {a.name} <span class="mono muted">{a.id}</span> · {a.tokenAlgorithm}
                    {a.connection ? ` · WeChat ${a.connection.appid}` : ''}
                  </div>
                ))}
              </td>
            </tr>
          )}
        />
      </Section>
      {pool ? (
        <Section title={`Users of ${pool.name}`}>
          <div class="toolbar">
            <TextField
              label="Search users"
              type="search"
              value={query}
              placeholder="id, e-mail, username, phone, nickname, openid"
              onValue={setQuery}
            />
          </div>
          <DataTable
            label="GenAuth users"
            headers={['id', 'Username', 'E-mail', 'Phone', 'Nickname', 'Logins', '']}
            rows={users.data?.users}
            row={(u) => (
              <tr key={u.id}>
                <td class="mono">{u.id}</td>
                <td>{text(u['username']) || '—'}</td>
                <td>{text(u['email']) || '—'}</td>
                <td>{text(u['phone']) || '—'}</td>
                <td>
                  {text(u['nickname']) || '—'}
                  {u['blocked'] === true ? <span class="tag bad">blocked</span> : null}
                </td>
                <td>{String(u['loginsCount'] ?? 0)}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Open user ${u.id}`}
                    onClick={() => setOpenId(u.id)}
                  >
                    Open
                  </button>
                </td>
              </tr>
            )}
          />
        </Section>
      ) : null}
      {open ? <UserEditor key={open.id} user={open} onClose={() => setOpenId(undefined)} /> : null}
    </div>
  );
}
