/**
 * `--data` across graceful restarts: the same state document, the same HTTPS certificate, and
 * `--import` replacing the directory's state.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { createMockServer } from '../../src';
import { call, freshDir, run, stop, useCli } from './kit';

useCli();

/** The state document without its `now`, which runs on. */
const stateOf = async (url: string) => {
  const { body } = await call(url, 'GET', '/__mock/v1/state');
  return { doc: { ...body, now: 0 }, now: body['now'] as number };
};

describe('--data across restarts', () => {
  it('gives an identical state after SIGTERM and a restart, files 0600 in a 0700 directory', async () => {
    const data = join(freshDir(), 'a', 'b');
    const first = run(['--data', data]);
    const url = await first.url;
    await call(url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID, openid: DEMO_OPENID });
    await call(url, 'POST', '/__mock/v1/faults', {
      route: 'wechat.jscode2session',
      errcode: 40029,
    });
    await call(url, 'POST', '/__mock/v1/clock', { advanceMs: 3_600_000 });
    await call(url, 'POST', '/__mock/v1/wechat/users/bulk', { appid: DEMO_APPID, count: 3 });
    const before = await stateOf(url);
    await stop(first);

    const second = run(['--data', data]);
    const again = await second.url;
    const after = await stateOf(again);
    expect(after.doc).toEqual(before.doc);
    expect(after.now).toBeGreaterThanOrEqual(before.now);
    // The next minted code is the one a mock imported from the same state mints.
    const local = createMockServer({ clock: { now: () => before.now } });
    local.control.importState({ ...before.doc, now: before.now });
    const next = await call(again, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID });
    expect(next.body['code']).toBe(local.control.wechat.login({ appid: DEMO_APPID }).code);
    await stop(second);

    expect(statSync(data).mode & 0o777).toBe(0o700);
    for (const file of ['state.json', 'clock'])
      expect(statSync(join(data, file)).mode & 0o777).toBe(0o600);
  }, 30_000);

  it('exports on exit beside --data: the same state in both files', async () => {
    const root = freshDir();
    const data = join(root, 'data');
    const file = join(root, 'export.json');
    const mock = run(['--data', data, '--export-on-exit', file]);
    await call(await mock.url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID });
    await stop(mock);
    const saved = JSON.parse(readFileSync(join(data, 'state.json'), 'utf8')) as object;
    const exported = JSON.parse(readFileSync(file, 'utf8')) as object;
    expect({ ...exported, now: 0 }).toEqual({ ...saved, now: 0 });
  }, 30_000);

  it('keeps the generated certificate in <data>/tls: the same one after a restart', async () => {
    const data = join(freshDir(), 'data');
    const fingerprint = async (): Promise<string> => {
      const mock = run(['--data', data, '--https-port', '0']);
      await stop(mock);
      return /SHA-256 fingerprint: (\S+)/.exec(mock.out())![1]!;
    };
    const a = await fingerprint();
    expect(a).toMatch(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/);
    expect(await fingerprint()).toBe(a);
    expect(readFileSync(join(data, 'tls', 'tls-cert.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  }, 30_000);

  it('--import with --data replaces the directory state, kept for the next start', async () => {
    const root = freshDir();
    const data = join(root, 'data');
    const first = run(['--data', data]);
    const url = await first.url;
    const old = await call(url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID });
    await stop(first);

    const other = createMockServer({ seed: 'imported-seed' });
    // An import from the past: the replaced state's clock mark must not carry over.
    const past = Date.parse('2020-01-01T00:00:00Z');
    other.clock.set(past);
    other.control.wechat.login({ appid: other.store.fixtures.wechat.apps[0]!.appid });
    const doc = other.control.exportState();
    const file = join(root, 'import.json');
    writeFileSync(file, JSON.stringify(doc));

    const importing = run(['--data', data, '--import', file]);
    await importing.url;
    // The banner names the seed of the state it serves.
    expect(importing.out()).toContain('(seed "imported-seed"');
    // Killed at once: the import was on disk before the mock listened.
    importing.child.kill('SIGKILL');
    await importing.exited;
    const next = run(['--data', data]);
    const state = await stateOf(await next.url);
    expect(state.doc).toEqual({ ...doc, now: 0 });
    expect(state.now).toBeGreaterThanOrEqual(past);
    expect(state.now).toBeLessThan(past + 60_000);
    expect(JSON.stringify(state.doc)).not.toContain(old.body['code'] as string);
    await stop(next);
  }, 30_000);
});
