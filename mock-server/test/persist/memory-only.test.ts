/**
 * Without `--data` the mock lives in memory: it writes nothing in its working directory, home,
 * temporary or cache directories, and never loads the persistence code.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { call, freshDir, repo, run, stop, useCli } from './kit';

useCli();

describe('without --data', () => {
  it.each([[[]], [['--https-port', '0']]])(
    'writes nothing anywhere (flags %j)',
    async (flags: string[]) => {
      const root = freshDir();
      const dirs = ['home', 'tmp', 'cache', 'cwd'].map((name) => join(root, name));
      for (const dir of dirs) mkdirSync(dir);
      const [home, tmp, cache, cwd] = dirs as [string, string, string, string];
      const mock = run(flags, {
        cwd,
        env: { PATH: process.env['PATH'] ?? '', HOME: home, TMPDIR: tmp, XDG_CACHE_HOME: cache },
      });
      const url = await mock.url;
      await call(url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID });
      await call(url, 'POST', '/__mock/v1/clock', { advanceMs: 1000 });
      await call(url, 'POST', '/api/v2/sms/send', { phone: '13912345678' });
      await call(url, 'PUT', '/__mock/v1/state', (await call(url, 'GET', '/__mock/v1/state')).body);
      await stop(mock);
      for (const dir of dirs) expect(readdirSync(dir)).toEqual([]);
    },
    30_000,
  );

  it('never loads the persistence code (and loads it with data)', () => {
    const loaded = (options: string) =>
      execFileSync(
        process.execPath,
        [
          '-e',
          `const { createMockServer } = require('./mock-server/dist/src/server');
           const mock = createMockServer(${options});
           process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('/persist/'))));
           void mock.stop();`,
        ],
        { cwd: repo, encoding: 'utf8' },
      );
    expect(loaded('{}')).toBe('false');
    expect(loaded(`{ data: ${JSON.stringify(join(freshDir(), 'data'))} }`)).toBe('true');
  });
});
