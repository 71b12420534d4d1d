/** The console: a header (clock, reset) over one tab of panels, all live on the journal. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';

import { control } from './api';
import { ClientPanel } from './client-actions';
import { FaultsPanel } from './faults';
import { GenauthPanel } from './genauth';
import { Header } from './header';
import { ChangesContext, useLoad } from './hooks';
import { JournalPanel } from './journal';
import { useJournalStream, type JournalStream } from './journal-stream';
import { MessagesPanel } from './messages';
import { ErrorNote } from './ui';
import { WechatPanel } from './wechat';

const TABS = ['WeChat', 'WeChat client', 'GenAuth', 'Journal', 'Messages', 'Faults'] as const;
type Tab = (typeof TABS)[number];

/** A tab's address in the page's URL (`#journal`), so a reload keeps it. */
const slug = (tab: Tab) => tab.toLowerCase().replace(/ /g, '-');
const tabOfHash = (): Tab => TABS.find((t) => `#${slug(t)}` === location.hash) ?? 'WeChat';

/** The tabs that pick the panel. */
function Tabs({ tab, onTab, count }: { tab: Tab; onTab: (tab: Tab) => void; count: number }) {
  return (
    <nav role="tablist" aria-label="Panels">
      {TABS.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          aria-selected={t === tab}
          aria-controls="panel"
          onClick={() => onTab(t)}
        >
          {t}
          {t === 'Journal' ? (
            <span class="count" aria-hidden="true">
              {count}
            </span>
          ) : null}
        </button>
      ))}
    </nav>
  );
}

/** The header, the tabs and a panel, fed by the clock and the WeChat apps they may need. */
function Panels({ journal, onReset }: { journal: JournalStream; onReset: () => void }) {
  const [tab, setTab] = useState<Tab>(tabOfHash);
  const pick = (next: Tab) => {
    history.replaceState(null, '', `#${slug(next)}`);
    setTab(next);
  };
  const clock = useLoad(() => control.clock.get(), []);
  const apps = useLoad(() => control.wechat.apps(), []);
  const [appid, setAppid] = useState('');
  const list = apps.data ?? [];
  const app = list.find((a) => a.appid === appid)?.appid ?? list[0]?.appid ?? '';
  const now = clock.data?.now ?? 0;
  return (
    <>
      <Header now={clock.data?.now} onReset={onReset} />
      <Tabs tab={tab} onTab={pick} count={journal.entries.length} />
      <ErrorNote error={clock.error ?? apps.error} />
      <main id="panel" role="tabpanel" aria-label={tab}>
        {tab === 'WeChat' ? (
          <WechatPanel apps={list} appid={app} onApp={setAppid} now={now} />
        ) : tab === 'WeChat client' ? (
          <ClientPanel apps={list} appid={app} onApp={setAppid} />
        ) : tab === 'GenAuth' ? (
          <GenauthPanel />
        ) : tab === 'Journal' ? (
          <JournalPanel stream={journal} now={now} />
        ) : tab === 'Messages' ? (
          <MessagesPanel now={now} />
        ) : (
          <FaultsPanel />
        )}
      </main>
    </>
  );
}

/** The whole page. */
export function App() {
  const [version, setVersion] = useState(0);
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Bursts of journal entries reload the panels once.
  const changed = useCallback(() => {
    if (pending.current !== undefined) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      setVersion((v) => v + 1);
    }, 30);
  }, []);
  useEffect(() => () => clearTimeout(pending.current), []);
  const journal = useJournalStream(changed);
  const changes = useMemo(() => ({ version, changed }), [version, changed]);
  // A reset may replace every app, pool and user: the panels start over, not from stale ids.
  const [generation, setGeneration] = useState(0);
  const reset = useCallback(() => {
    journal.forget();
    setGeneration((g) => g + 1);
  }, [journal]);
  return (
    <ChangesContext.Provider value={changes}>
      <Panels key={generation} journal={journal} onReset={reset} />
    </ChangesContext.Provider>
  );
}
