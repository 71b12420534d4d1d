/** The GenAuth side: user pools and their apps, and a pool's users (search, view, edit, delete). */
import { useState } from 'preact/hooks';

import { control } from './api';
import { pretty } from './format';
import { useAction, useLoad } from './hooks';
import { CodeBlock, ErrorNote, Section } from './ui';
import type { GenauthUserPatch, GenauthUserView } from '../../src/control/types';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The editable fields of a user, as the form holds them. */
const EDITABLE = ['nickname', 'username', 'email', 'phone'] as const;

/** One user: the fields it can change, its whole record, delete. */
function UserEditor({ user, onClose }: { user: GenauthUserView; onClose: () => void }) {
  const [form, setForm] = useState<Record<string, string>>(() =>
    Object.fromEntries(EDITABLE.map((f) => [f, text(user[f])])),
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
      <form
        class="editor"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {EDITABLE.map((f) => (
          <label key={f}>
            {f}
            <input
              value={form[f]}
              onInput={(e) => setForm({ ...form, [f]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <label class="inline">
          <input
            type="checkbox"
            checked={blocked}
            onChange={(e) => setBlocked((e.target as HTMLInputElement).checked)}
          />{' '}
          blocked
        </label>
        <div class="buttons">
          <button type="submit">Save user</button>
          <button type="button" class="danger" onClick={() => void remove()}>
            Delete user
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
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
        <table aria-label="User pools">
          <thead>
            <tr>
              <th>Pool</th>
              <th>id</th>
              <th>Users</th>
              <th>Apps</th>
            </tr>
          </thead>
          <tbody>
            {pools.data?.map((p) => (
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
            ))}
          </tbody>
        </table>
      </Section>
      {pool ? (
        <Section title={`Users of ${pool.name}`}>
          <div class="toolbar">
            <label>
              Search users{' '}
              <input
                type="search"
                value={query}
                placeholder="id, e-mail, username, phone, nickname, openid"
                onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
              />
            </label>
          </div>
          <table aria-label="GenAuth users">
            <thead>
              <tr>
                <th>id</th>
                <th>Username</th>
                <th>E-mail</th>
                <th>Phone</th>
                <th>Nickname</th>
                <th>Logins</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.data?.users.map((u) => (
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
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
      {open ? <UserEditor key={open.id} user={open} onClose={() => setOpenId(undefined)} /> : null}
    </div>
  );
}
