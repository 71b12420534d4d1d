/**
 * The README's shell blocks run as pasted: the preamble of the control-surface section first,
 * then every `sh` block of the WeChat API and control-surface sections in order, in one
 * `bash -e` against a mock on a free port.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { createMockServer } from '../src';

const README = readFileSync(join(__dirname, '../README.md'), 'utf8');

/** The text of the `## <title…>` section, up to the next `## `. */
function section(title: string): string {
  const start = README.indexOf(`\n## ${title}`);
  if (start === -1) throw new Error(`no section "${title}" in the README`);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end === -1 ? undefined : end);
}

const shBlocks = (text: string): string[] =>
  [...text.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);

/** The top-level JSON values printed back to back (curl -s adds no newline). */
function jsonValues(text: string): unknown[] {
  const values: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      if (depth++ === 0) start = i;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) values.push(JSON.parse(text.slice(start, i + 1)));
    } else if (depth === 0 && c !== undefined && c.trim() !== '') {
      throw new Error(`not JSON: ${text.slice(i, i + 80)}`);
    }
  }
  return values;
}

function runBash(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-e', '-c', script], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('mock-server/README.md shell blocks', () => {
  const control = shBlocks(section('Control surface'));
  const preamble = control[0] ?? '';
  const blocks = [...shBlocks(section('WeChat API')), ...control.slice(1)];
  const mock = createMockServer();
  let run: Awaited<ReturnType<typeof runBash>>;

  beforeAll(async () => {
    const url = await mock.start(0);
    const script = [
      // Nothing may need jq: the preamble's `json` helper replaces it.
      `jq() { echo 'the README must not need jq' >&2; return 127; }`,
      preamble,
      `printf '\\n@@vars\\t%s\\t%s\\t%s\\t%s\\t%s\\n' "$URL" "$APPID" "$SECRET" "$OPENID" "$SESSION_KEY"`,
      ...blocks.map((b, i) => `printf '\\n@@begin ${i}\\n'\n${b}printf '\\n@@end ${i}\\n'`),
    ].join('\n');
    run = await runBash(script, { URL: url });
  }, 60_000);
  afterAll(() => mock.stop());

  const segment = (i: number): string => {
    const begin = run.stdout.indexOf(`\n@@begin ${i}\n`);
    const end = run.stdout.indexOf(`\n@@end ${i}\n`);
    if (begin === -1 || end === -1) {
      throw new Error(`block ${i} did not finish:\n${blocks[i]}\nstderr: ${run.stderr}`);
    }
    return run.stdout.slice(begin + `\n@@begin ${i}\n`.length, end);
  };

  it('finds the preamble first in the control section, and the blocks after it', () => {
    expect(preamble).toContain('URL=${URL:-http://127.0.0.1:3000}');
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const b of blocks) expect(b).toMatch(/curl -s/);
    expect(README).not.toMatch(/\|\s*jq\b/);
  });

  it('runs the whole script with bash -e to the end', () => {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('derives the variables from the running mock', () => {
    const line = run.stdout.split('\n').find((l) => l.startsWith('@@vars\t'));
    const [, url, appid, secret, openid, sessionKey] = (line ?? '').split('\t');
    expect({ url, appid, secret, openid, sessionKey }).toEqual({
      url: mock.url,
      appid: DEMO_APPID,
      secret: mock.store.wechat.apps.get(DEMO_APPID)?.secret,
      openid: DEMO_OPENID,
      sessionKey: DEMO_SESSION_KEY,
    });
  });

  it.each(blocks.map((b, i) => [i, b.split('\n')[0]] as const))(
    'block %i (%s) exits 0 and prints JSON without an "error"',
    (i) => {
      const values = jsonValues(segment(i));
      expect(values.length).toBeGreaterThan(0);
      for (const v of values) expect(v).not.toHaveProperty('error');
    },
  );

  it('answers what the blocks say: a valid session signature, a spent fault', () => {
    const blockOf = (text: string) => blocks.findIndex((b) => b.includes(text));
    expect(jsonValues(segment(blockOf('/wxa/checksession')))).toEqual([
      { errcode: 0, errmsg: 'ok' },
      expect.objectContaining({ errcode: 0, openid: DEMO_OPENID }),
    ]);
    expect(jsonValues(segment(blockOf('/__mock/v1/faults'))).at(-1)).toEqual({ cleared: 1 });
  });
});
