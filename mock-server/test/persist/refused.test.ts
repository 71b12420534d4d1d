/**
 * `--data` refusing what it cannot use, with the flag named and nothing overwritten: a file, a
 * corrupt state or clock mark, a directory another mock holds, a bad import.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { call, freshDir, run, stop, useCli } from './kit';

useCli();

/** Runs the CLI with `args` and expects it to exit `code` with `message` on stderr. */
async function refuses(args: string[], code: number, message: string): Promise<string> {
  const { code: exit, err } = await run(args).exited;
  expect(err).toContain(message);
  expect(exit).toBe(code);
  return err;
}

/** A data directory holding one saved state. */
async function savedDir(): Promise<string> {
  const data = join(freshDir(), 'data');
  const mock = run(['--data', data]);
  await call(await mock.url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID });
  await stop(mock);
  return data;
}

describe('--data refuses', () => {
  it('a path that is not a usable directory, and an empty value', async () => {
    const root = freshDir();
    const file = join(root, 'file');
    writeFileSync(file, 'x');
    await refuses(['--data', file], 2, `--data ${file}: is not a directory`);
    await refuses(
      ['--data', join(file, 'sub')],
      2,
      `--data ${join(file, 'sub')}: cannot be read (ENOTDIR)`,
    );
    await refuses(['--data', ''], 2, '--data must be a directory path, got ""');
    await refuses(['--data'], 2, "Option '--data <value>' argument missing");
  }, 30_000);

  it('a state file it cannot restore, leaving it as it is', async () => {
    const data = await savedDir();
    const state = join(data, 'state.json');
    for (const [text, message] of [
      ['{"version":1,"seed":', 'it is not a JSON document'],
      ['{"version":1}', '"seed" must be a string'],
      ['{"version":7}', '"version" must be 1'],
    ] as const) {
      writeFileSync(state, text);
      const err = await refuses(
        ['--data', data],
        2,
        `--data ${data}: cannot restore the state in ${state}: ${message}`,
      );
      expect(err).toContain('The file is left as it is');
      expect(readFileSync(state, 'utf8')).toBe(text);
    }
  }, 30_000);

  it('a clock mark that is not one', async () => {
    const data = await savedDir();
    writeFileSync(join(data, 'clock'), 'yesterday');
    await refuses(['--data', data], 2, `${join(data, 'clock')} is not a clock mark`);
  }, 30_000);

  it('a directory another mock uses (exit 1), and takes over the lock of one that died', async () => {
    const data = await savedDir();
    const first = run(['--data', data]);
    const url = await first.url;
    const before = readFileSync(join(data, 'state.json'), 'utf8');
    await refuses(['--data', data], 1, `--data ${data}: is used by process ${first.child.pid}`);
    expect(readFileSync(join(data, 'state.json'), 'utf8')).toBe(before);
    expect((await call(url, 'GET', '/__mock/v1/clock')).status).toBe(200);
    await stop(first);
    expect(existsSync(join(data, 'lock'))).toBe(false);

    // A lock whose process is gone, or that holds no pid, is stale.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    for (const stale of [`${dead}\n`, 'garbage']) {
      writeFileSync(join(data, 'lock'), stale);
      const next = run(['--data', data]);
      await next.url;
      expect(readFileSync(join(data, 'lock'), 'utf8')).toBe(`${next.child.pid}\n`);
      await stop(next);
    }
  }, 30_000);

  it('all but one of several mocks started at once on a stale lock', async () => {
    const data = await savedDir();
    writeFileSync(join(data, 'lock'), `${spawnSync(process.execPath, ['-e', '']).pid}\n`);
    const runs = Array.from({ length: 4 }, () => run(['--data', data]));
    const outcomes = await Promise.all(
      runs.map((r) =>
        Promise.race([r.url.then(() => 'listening'), r.exited.then(({ code }) => `exit ${code}`)]),
      ),
    );
    expect(outcomes.filter((o) => o === 'listening')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exit 1')).toHaveLength(3);
    const winner = runs[outcomes.indexOf('listening')]!;
    expect(readFileSync(join(data, 'lock'), 'utf8')).toBe(`${winner.child.pid}\n`);
    await stop(winner);
  }, 30_000);

  it('an --import it cannot read, keeping the saved state', async () => {
    const data = await savedDir();
    const before = readFileSync(join(data, 'state.json'), 'utf8');
    const mark = readFileSync(join(data, 'clock'), 'utf8');
    const bad = join(data, '..', 'bad.json');
    writeFileSync(bad, '{"version":9}');
    await refuses(['--data', data, '--import', bad], 2, `--import ${bad}: "version" must be 1`);
    expect(readFileSync(join(data, 'state.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(data, 'clock'), 'utf8')).toBe(mark);
    // The failed start let the directory go.
    expect(existsSync(join(data, 'lock'))).toBe(false);
    const again = run(['--data', data]);
    await stop(again);
  }, 30_000);
});
