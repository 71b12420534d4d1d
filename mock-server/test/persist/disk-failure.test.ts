/**
 * `--data` when the disk refuses a commit: the answers waiting for it are dropped (never
 * acknowledged), the mock goes on once the disk works again, and a stop that cannot save exits 1.
 */
import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { call, freshDir, run, useCli } from './kit';

useCli();

const login = (url: string) =>
  call(url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID }).then(
    ({ body }) => body['code'] as string,
    () => 'dropped',
  );

describe('--data and a failing disk', () => {
  it('drops the answers of a failed commit, recovers, and exits 1 when the last save fails', async () => {
    const data = join(freshDir(), 'data');
    const mock = run(['--data', data]);
    const url = await mock.url;
    // A directory where the commit writes its temporary file makes every commit fail.
    const blocker = join(data, 'state.json.tmp');
    mkdirSync(blocker);
    expect(await login(url)).toBe('dropped');
    rmdirSync(blocker);
    const code = await login(url);
    expect(code).toMatch(/^\S{32}$/);

    mkdirSync(blocker);
    mock.child.kill('SIGTERM');
    const { code: exit, err } = await mock.exited;
    expect(err).toContain(`cannot save the state in ${data}: EISDIR`);
    expect(exit).toBe(1);
    rmdirSync(blocker);

    // The answered login was saved before the failures.
    const again = run(['--data', data]);
    const { text } = await call(await again.url, 'GET', '/__mock/v1/state');
    expect(text).toContain(code);
  }, 30_000);
});
