/** The WeChat side: its apps, an app's users with their sessions, and its pending codes. */
import { control } from './api';
import { DataTable } from './data-table';
import { SelectField } from './fields';
import { instant, relative } from './format';
import { useLoad } from './hooks';
import { ErrorNote, Section } from './ui';
import type { WechatAppView } from '../../src/control/types';

/** A picker of the WeChat apps. */
export function AppPicker({
  apps,
  appid,
  onChange,
}: {
  apps: readonly WechatAppView[];
  appid: string;
  onChange: (appid: string) => void;
}) {
  return (
    <SelectField
      label="WeChat app"
      value={appid}
      options={apps.map((a) => ({ value: a.appid, text: `${a.name} (${a.appid})` }))}
      onValue={onChange}
    />
  );
}

/** The users of `appid` and their live sessions. */
function Users({ appid, now }: { appid: string; now: number }) {
  const { data, error } = useLoad(async () => {
    const [page, sessions] = await Promise.all([
      control.wechat.listUsers({ appid, limit: 200 }),
      control.wechat.sessions({ appid, limit: 1000 }),
    ]);
    return { users: page.users, sessions: new Map(sessions.map((s) => [s.openid, s])) };
  }, [appid]);
  return (
    <Section title="WeChat users">
      <ErrorNote error={error} />
      <DataTable
        label="WeChat users"
        headers={['openid', 'Nickname', 'Phone', 'unionid', 'Session key', 'Session expires']}
        rows={data?.users}
        row={(u) => {
          const session = data?.sessions.get(u.openid);
          return (
            <tr key={u.openid}>
              <td class="mono">{u.openid}</td>
              <td>
                {u.nickName}
                {u.blocked ? <span class="tag bad">blocked</span> : null}
              </td>
              <td>{u.phone ? `+${u.phone.countryCode} ${u.phone.purePhoneNumber}` : '—'}</td>
              <td class="mono">{u.unionid ?? '—'}</td>
              <td class="mono">{session?.sessionKey ?? '—'}</td>
              <td title={session ? instant(session.expiresAt) : undefined}>
                {session ? relative(session.expiresAt, now) : 'no session'}
              </td>
            </tr>
          );
        }}
      />
    </Section>
  );
}

/** The `wx.login` codes of `appid` still inside their five minutes. */
function Codes({ appid, now }: { appid: string; now: number }) {
  const { data, error } = useLoad(() => control.wechat.codes({ appid, limit: 50 }), [appid]);
  return (
    <Section title="Pending login codes">
      <ErrorNote error={error} />
      <DataTable
        label="Pending login codes"
        headers={['Code', 'openid', 'Issued', 'Expires', 'State']}
        rows={data}
        empty="No code of this app is pending."
        row={(c) => (
          <tr key={c.code}>
            <td class="mono">{c.code}</td>
            <td class="mono">{c.openid}</td>
            <td>{instant(c.issuedAt)}</td>
            <td>{relative(c.expiresAt, now)}</td>
            <td>{c.usedAt === null ? 'pending' : `used ${relative(c.usedAt, now)}`}</td>
          </tr>
        )}
      />
    </Section>
  );
}

/** The WeChat panel for one app. */
export function WechatPanel({
  apps,
  appid,
  onApp,
  now,
}: {
  apps: readonly WechatAppView[];
  appid: string;
  onApp: (appid: string) => void;
  now: number;
}) {
  const app = apps.find((a) => a.appid === appid);
  return (
    <div>
      <div class="toolbar">
        <AppPicker apps={apps} appid={appid} onChange={onApp} />
        {app ? (
          <span class="muted">
            secret <code>{app.secret}</code>
            {app.openPlatformId ? ` · open platform ${app.openPlatformId}` : ''}
          </span>
        ) : null}
      </div>
      {app ? (
        <>
          <Users appid={appid} now={now} />
          <Codes appid={appid} now={now} />
        </>
      ) : null}
    </div>
  );
}
