/** The simulated WeChat client: what a mini-program's `wx.*` calls would hand a page. */
import { useState } from 'preact/hooks';

import { control, controlCurl, getCurl, getJson } from './api';
import { CheckboxField, SelectField } from './fields';
import { pretty } from './format';
import { useAction, useLoad } from './hooks';
import { CodeBlock, ErrorNote, Section } from './ui';
import { AppPicker } from './wechat';
import type { WechatAppView } from '../../src/control/types';

/** What an action answered, with the curl command that does the same. */
interface Outcome {
  title: string;
  result: unknown;
  curl: string;
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  return (
    <div class="outcome" aria-label={outcome.title}>
      <h3>{outcome.title}</h3>
      <CodeBlock text={pretty(outcome.result)} label={`${outcome.title} result`} />
      <CodeBlock text={outcome.curl} label={`${outcome.title} curl`} />
    </div>
  );
}

/** Buttons for `wx.login`, the phone-number buttons and `getUserInfo`, and what they gave. */
export function ClientPanel({
  apps,
  appid,
  onApp,
}: {
  apps: readonly WechatAppView[];
  appid: string;
  onApp: (appid: string) => void;
}) {
  const users = useLoad(() => control.wechat.listUsers({ appid, limit: 200 }), [appid]);
  const [chosen, setChosen] = useState('');
  const [realtime, setRealtime] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [code, setCode] = useState<string | undefined>(undefined);
  const { run, error } = useAction();
  const list = users.data?.users ?? [];
  const openid = list.some((u) => u.openid === chosen) ? chosen : (list[0]?.openid ?? '');
  const secret = apps.find((a) => a.appid === appid)?.secret ?? '';
  const show = (outcome: Outcome) => setOutcomes((all) => [outcome, ...all].slice(0, 6));

  const login = (input: { appid: string; openid?: string }) =>
    run(async () => {
      const result = await control.wechat.login(input);
      setCode(result.code);
      show({
        title: 'wx.login code',
        result: { code: result.code, openid: result.openid },
        curl: controlCurl('/wechat/login', input),
      });
    });
  const exchange = (jsCode: string) =>
    run(async () => {
      const query = { appid, secret, js_code: jsCode, grant_type: 'authorization_code' };
      const answer = await getJson('/sns/jscode2session', query);
      show({
        title: 'jscode2session answer',
        result: answer.body,
        curl: getCurl('/sns/jscode2session', query),
      });
    });
  const phone = () =>
    run(async () => {
      const input = { appid, openid, realtime };
      show({
        title: 'Phone-number button detail',
        result: await control.wechat.phoneNumber(input),
        curl: controlCurl('/wechat/phone-number', input),
      });
    });
  const userInfo = () =>
    run(async () => {
      const input = { appid, openid };
      show({
        title: 'User-info payload',
        result: await control.wechat.userInfo(input),
        curl: controlCurl('/wechat/user-info', input),
      });
    });

  return (
    <div>
      <div class="toolbar">
        <AppPicker apps={apps} appid={appid} onChange={onApp} />
        <SelectField
          label="User"
          value={openid}
          options={list.map((u) => ({ value: u.openid, text: `${u.nickName} (${u.openid})` }))}
          onValue={setChosen}
        />
      </div>
      <Section title="Actions">
        <div class="buttons">
          <button type="button" onClick={() => void login({ appid, openid })}>
            Mint wx.login code
          </button>
          <button type="button" onClick={() => void login({ appid })}>
            Mint code for a new user
          </button>
          <button type="button" disabled={!code} onClick={() => code && void exchange(code)}>
            Exchange last code (jscode2session)
          </button>
          <button type="button" onClick={() => void userInfo()}>
            User-info payload
          </button>
          <button type="button" onClick={() => void phone()}>
            Phone-button detail
          </button>
          <CheckboxField label="real-time button" checked={realtime} onChecked={setRealtime} />
        </div>
        <ErrorNote error={error ?? users.error} />
      </Section>
      <Section title="Results">
        {outcomes.length === 0 ? <p class="muted">Nothing yet: press an action.</p> : null}
        {outcomes.map((o, i) => (
          <OutcomeView key={`${outcomes.length - i}`} outcome={o} />
        ))}
      </Section>
    </div>
  );
}
