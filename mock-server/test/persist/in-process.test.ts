/** The `data` option of createMockServer, in process. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { createMockServer } from '../../src';
import { freshDir } from './kit';

describe('createMockServer({ data })', () => {
  it.each([5, '', { dir: '' }, { dir: 'x', restore: 'yes' }, null, { restore: true }])(
    'refuses data %j with a TypeError naming it',
    (data) => {
      expect(() => createMockServer({ data: data as never })).toThrow(
        /^"data" must be a directory path or \{ dir, restore\? \}, got /,
      );
    },
  );

  it('saves in-process changes with flush() and stop(), one mock at a time per directory', async () => {
    const data = join(freshDir(), 'data');
    const a = createMockServer({ data });
    const { code } = a.control.wechat.login({ appid: DEMO_APPID });
    await a.flush();
    expect(readFileSync(join(data, 'state.json'), 'utf8')).toContain(code);
    expect(() => createMockServer({ data })).toThrow(
      `"data" ${data}: is already used by another mock server in this process`,
    );
    a.control.clock.advance(60_000);
    const now = a.clock.now();
    await a.stop();
    await expect(a.flush()).rejects.toThrow('is closed: the mock was stopped');

    const b = createMockServer({ data });
    expect(b.clock.now()).toBeGreaterThanOrEqual(now);
    expect(JSON.stringify(b.control.exportState())).toContain(code);
    // Listening again takes the directory again.
    await b.start(0);
    await b.stop();
    await b.start(0);
    expect(() => createMockServer({ data })).toThrow(/already used/);
    await b.stop();
  });

  it('keeps a generated certificate in <data>/tls unless tls.dir is given', async () => {
    const data = join(freshDir(), 'data');
    const a = createMockServer({ data, tls: { generate: true } });
    expect(a.context.options.tls).toMatchObject({ dir: join(data, 'tls') });
    await a.stop();
    const other = join(freshDir(), 'certs');
    const b = createMockServer({ data, tls: { generate: true, dir: other } });
    expect(b.context.options.tls).toMatchObject({ dir: other });
    await b.stop();
  });
});
