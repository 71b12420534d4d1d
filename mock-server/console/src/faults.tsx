/** Fault injection: add, list and clear the faults the next calls of a route answer. */
import { useState } from 'preact/hooks';

import { ActionForm } from './action-form';
import { control } from './api';
import { DataTable } from './data-table';
import { TextField } from './fields';
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
  return (
    <div>
      <Section title="Add a fault">
        <ActionForm class="editor" onSubmit={add}>
          <TextField label="Route" value={route} onValue={setRoute} list="fault-routes" />
          <datalist id="fault-routes">
            {SUGGESTED.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
          <TextField label="Errcode" value={errcode} onValue={setErrcode} />
          <TextField label="Times" value={times} onValue={setTimes} />
          <TextField label="App id (optional)" value={appid} onValue={setAppid} />
          <TextField label="Delay (ms)" value={delayMs} onValue={setDelayMs} />
          <div class="buttons">
            <button type="submit">Add fault</button>
          </div>
        </ActionForm>
        <ErrorNote error={actionError} />
      </Section>
      <Section title="Pending faults">
        <ErrorNote error={error} />
        <DataTable
          label="Pending faults"
          headers={['#', 'Route', 'Errcode', 'Message', 'Calls left', 'App', 'Delay']}
          rows={data}
          empty="No fault is pending."
          row={(f) => (
            <tr key={f.id}>
              <td>{f.id}</td>
              <td class="mono">{f.route}</td>
              <td>{f.errcode}</td>
              <td>{f.errmsg}</td>
              <td>{f.times}</td>
              <td class="mono">{f.appid ?? 'any'}</td>
              <td>{f.delayMs} ms</td>
            </tr>
          )}
        />
        <div class="buttons">
          <button type="button" onClick={() => void run(() => control.faults.clear())}>
            Clear faults
          </button>
        </div>
      </Section>
    </div>
  );
}
