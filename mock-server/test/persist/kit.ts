/** The built CLI in real processes, for the `--data` tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildBeforeAll, cli, repo } from '../built-cli';

export { cli, repo } from '../built-cli';

const children: ChildProcess[] = [];
const dirs: string[] = [];

/** Builds the CLI (a no-op when fresh), and kills what each test left running. */
export function useCli(): void {
  buildBeforeAll();
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
}

afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh empty directory, removed once the test file is done. */
export function freshDir(prefix = 'genauth-mock-data-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A running (or failed) CLI process. */
export interface Run {
  child: ChildProcess;
  /** Resolves with the banner's URL; rejects if the process exits first. */
  url: Promise<string>;
  /** What it printed on stdout so far. */
  out(): string;
  /** Resolves when the process exits, with its code, signal and stderr. */
  exited: Promise<{ code: number | null; signal: string | null; err: string }>;
}

/** Options of {@link run}. */
export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Spawns the CLI on a free port with `args`. */
export function run(args: string[], options: RunOptions = {}): Run {
  const child = spawn(process.execPath, [cli, '--port', '0', '--outlive-parent', ...args], {
    cwd: options.cwd ?? repo,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null; err: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, err })),
  );
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /genauth-mock listening at (https?:\/\/\S+)/.exec(out)?.[1];
      if (found) resolve(found);
    });
    child.on('exit', (code, signal) =>
      reject(new Error(`exited (${code ?? signal}) before listening:\n${out}\n${err}`)),
    );
  });
  url.catch(() => undefined);
  return { child, url, exited, out: () => out };
}

/** Stops `r` with SIGTERM and waits for it to exit 0. */
export async function stop(r: Run): Promise<void> {
  // One answer first: the banner is printed just before the signal handlers are installed.
  await fetch(`${await r.url}/__mock/v1/clock`).catch(() => undefined);
  r.child.kill('SIGTERM');
  const { code, err } = await r.exited;
  if (code !== 0) throw new Error(`exited ${code}: ${err}`);
}

/** JSON of `method path` at `url`. */
export async function call(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; text: string }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, text };
}
