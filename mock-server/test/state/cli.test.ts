/**
 * `--export-on-exit` and `--import` on the built CLI, in real processes: a mock exports its
 * state on SIGTERM, a second one starts from the file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { createControlClient, createMockServer, fixedClock } from '../../src';
import { buildBeforeAll, cli, repo } from '../built-cli';

const dir = mkdtempSync(join(tmpdir(), 'genauth-mock-state-'));
const children: ChildProcess[] = [];

buildBeforeAll();
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; err: string }>;
}

function run(args: string[]): Run {
  const child = spawn(process.execPath, [cli, '--port', '0', '--outlive-parent', ...args], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, err })),
  );
  return { child, exited };
}

function listening({ child }: Run): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const url = /genauth-mock listening at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening`)));
  });
}

const withoutClock = (doc: Record<string, unknown>) => ({ ...doc, now: 0 });

describe('genauth-mock --export-on-exit and --import', () => {
  it('exports the state on SIGTERM, atomically, and --import starts from it', async () => {
    const file = join(dir, 'state.json');
    const first = run(['--export-on-exit', file]);
    const control = createControlClient(await listening(first));
    const { code } = await control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID });
    await control.faults.add({ route: 'wechat.jscode2session', errcode: 40029 });
    first.child.kill('SIGTERM');
    const done = await first.exited;
    expect(done.code).toBe(0);
    expect(done.err).toContain(`state exported to ${file}`);
    expect(readdirSync(dir)).toEqual(['state.json']);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & {
      wechat: { codes: { code: string }[] };
    };
    expect(doc['version']).toBe(1);
    expect(doc.wechat.codes.map((c) => c.code)).toEqual([code]);

    const second = run(['--import', file]);
    const restored = createControlClient(await listening(second));
    const state = (await restored.exportState()) as unknown as Record<string, unknown>;
    expect(withoutClock(state)).toEqual(withoutClock(doc));
    // The next code is the one the exported mock would have minted.
    const local = createMockServer({ clock: fixedClock(doc['now'] as number) });
    local.control.importState(doc);
    expect((await restored.wechat.login({ appid: DEMO_APPID })).code).toBe(
      local.control.wechat.login({ appid: DEMO_APPID }).code,
    );
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
  }, 30_000);

  it('refuses a file it cannot use, naming the flag', async () => {
    const missing = join(dir, 'missing.json');
    const a = await run(['--import', missing]).exited;
    expect(a.code).toBe(2);
    expect(a.err).toContain(`--import ${missing}: cannot read it: ENOENT`);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"version":9}');
    const b = await run(['--import', bad]).exited;
    expect(b.code).toBe(2);
    expect(b.err).toContain(`--import ${bad}: "version" must be 1`);
    const nowhere = join(dir, 'no-such-dir', 'state.json');
    const c = await run(['--export-on-exit', nowhere]).exited;
    expect(c.code).toBe(2);
    expect(c.err).toContain(`--export-on-exit ${nowhere}: directory`);
  }, 30_000);
});
