/** Fault injection: add, list and clear the faults the next calls of a route answer. */
import { useState } from 'preact/hooks';

import { control } from './api';
import { useAction, useLoad } from './hooks';
import { ErrorNote, Section } from './ui';
import type { FaultInput, FaultRoute } from '../../src/control/types';

/** Routes offered as suggestions (the mock checks the name and lists every one on a typo). */
const SUGGESTED = [
  'wechat.jscode2session',
  'wechat.token',
  'wechat.stable_token',
  'wechat.getuserphonenumber',
  'wechat.checksession',
  'genauth.loginByCode',
  'genauth.loginByPhone',
  'genauth.loginByPhoneCode',
  'genauth.loginByEmail',
  'genauth.sendEmail',
];

/** The faults panel. */
export function FaultsPanel() {
  const { data, error } = useLoad(() => control.faults.list(), []);
  const { run, error: actionError } = useAction();
  const [route, setRoute] = useState('wechat.jscode2session');
  const [errcode, setErrcode] = useState('-1');
  const [times, setTimes] = useState('1');
  const [appid, setAppid] = useState('');
  const [delayMs, setDelayMs] = useState('0');
  const add = () =>
    run(() => {
      const fault: FaultInput = {
        route: route as FaultRoute,
        errcode: Number(errcode) as FaultInput['errcode'],
        times: Number(times),
        delayMs: Number(delayMs),
        ...(appid ? { appid } : {}),
      };
      return control.faults.add(fault);
    });
  const field = (label: string, value: string, set: (v: string) => void, list?: string) => (
    <label>
      {label}
      <input value={value} list={list} onInput={(e) => set((e.target as HTMLInputElement).value)} />
    </label>
  );
  return (
    <div>
      <Section title="Add a fault">
        <form
          class="editor"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          {field('Route', route, setRoute, 'fault-routes')}
          <datalist id="fault-routes">
            {SUGGESTED.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          {field('Errcode', errcode, setErrcode)}
          {field('Times', times, setTimes)}
          {field('App id (optional)', appid, setAppid)}
          {field('Delay (ms)', delayMs, setDelayMs)}
          <div class="buttons">
            <button type="submit">Add fault</button>
          </div>
        </form>
        <ErrorNote error={actionError} />
      </Section>
      <Section title="Pending faults">
        <ErrorNote error={error} />
        {data && data.length === 0 ? <p class="muted">No fault is pending.</p> : null}
        <table aria-label="Pending faults">
          <thead>
            <tr>
              <th>#</th>
              <th>Route</th>
              <th>Errcode</th>
              <th>Message</th>
              <th>Calls left</th>
              <th>App</th>
              <th>Delay</th>
            </tr>
          </thead>
          <tbody>
            {data?.map((f) => (
              <tr key={f.id}>
                <td>{f.id}</td>
                <td class="mono">{f.route}</td>
                <td>{f.errcode}</td>
                <td>{f.errmsg}</td>
                <td>{f.times}</td>
                <td class="mono">{f.appid ?? 'any'}</td>
                <td>{f.delayMs} ms</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="buttons">
          <button type="button" onClick={() => void run(() => control.faults.clear())}>
            Clear faults
          </button>
        </div>
      </Section>
    </div>
  );
}
