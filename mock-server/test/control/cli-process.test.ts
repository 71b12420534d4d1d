/**
 * The CLI as users run it: real processes through npm, npx and sh (dash on Debian, which forwards
 * no signals to its children). Each test reads the banner URL, stops the process that started
 * the mock and waits, bounded, until the port refuses connections.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';

import { buildBeforeAll, cli, repo } from '../built-cli';

/** How long a stopped mock may take to free its port (the parent check polls every 250 ms). */
const FREED_WITHIN_MS = 5000;

const started: ChildProcess[] = [];
const mockPids: number[] = [];

buildBeforeAll();

afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
  for (const pid of mockPids.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

/** Spawns `command` and resolves with the mock's URL; records the pid a `mock pid N` line prints. */
function start(command: string, args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(command, args, { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const pid = /^mock pid (\d+)$/m.exec(out)?.[1];
      if (pid && !mockPids.includes(Number(pid))) mockPids.push(Number(pid));
      const url = /genauth-mock listening at (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code, signal) =>
      reject(new Error(`${command} exited (${code ?? signal}) before listening:\n${out}\n${err}`)),
    );
  });
}

/** Resolves once `url`'s port refuses connections; rejects after {@link FREED_WITHIN_MS}. */
async function refused(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const deadline = Date.now() + FREED_WITHIN_MS;
  for (;;) {
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), hostname);
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
    });
    if (answer === 'ECONNREFUSED') return;
    if (Date.now() > deadline)
      throw new Error(`${url} still ${answer} after ${FREED_WITHIN_MS} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

describe('genauth-mock as a process', () => {
  it('stops with SIGTERM to `npm start`', async () => {
    const { child, url } = await start('npm', ['start', '--', '--port', '0']);
    expect((await fetch(`${url}/__mock/v1/clock`)).status).toBe(200);
    child.kill('SIGTERM');
    await refused(url);
    await exited(child);
  }, 120_000);

  it('stops with SIGTERM to `npx genauth-mock`', async () => {
    // The package folder as npx resolves an installed one (a fresh `npm ci` links no bin whose
    // target is not built yet); the example repository runs the installed tarball's bin.
    const pkg = `--package=${join(repo, 'mock-server')}`;
    const { child, url } = await start('npx', ['--yes', pkg, 'genauth-mock', '--port', '0']);
    expect((await fetch(`${url}/__mock/v1/clock`)).status).toBe(200);
    child.kill('SIGTERM');
    await refused(url);
    await exited(child);
  }, 30_000);

  it('stops when the shell that started it is killed', async () => {
    // `sh` waits on the mock (no exec), as a script's shell does; SIGKILL leaves the mock orphaned.
    const script = `"${process.execPath}" "${cli}" --port 0 & echo "mock pid $!"; wait`;
    const { child, url } = await start('sh', ['-c', script]);
    expect(mockPids).toHaveLength(1);
    child.kill('SIGKILL');
    await exited(child);
    await refused(url);
  }, 30_000);

  it('exits 2 and names the flag as typed', async () => {
    const child = spawn(process.execPath, [cli, '--session-key-policy', 'sometimes'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child);
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toBe(
      'genauth-mock: --session-key-policy must be rotate or never, got "sometimes"\n',
    );
  });
});
