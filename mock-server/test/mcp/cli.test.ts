/** `genauth-mock mcp`'s flags, in process. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { MCP_HELP, startMcp, type McpIo } from '../../src/mcp/cli';

function fakeIo() {
  const err: string[] = [];
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  const io: McpIo = { stdin: new PassThrough(), stdout, err: (l) => err.push(l), env: {} };
  return { io, err, out: () => out };
}

describe('genauth-mock mcp flags', () => {
  it('prints its help on stdout and exits 0', async () => {
    const { io, out } = fakeIo();
    expect(await startMcp(['--help'], io)).toBe(0);
    expect(out()).toBe(`${MCP_HELP}\n`);
  });

  it.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--url', 'ftp://example.com'], '--url must be an http(s) URL, got "ftp://example.com"'],
    [
      ['--url', 'http://127.0.0.1:1', '--seed', 's'],
      '--seed applies to the mock started in process',
    ],
    [['stray'], "Unexpected argument 'stray'"],
    [
      ['--url', 'http://127.0.0.1:1', '--data', 'state'],
      '--data applies to the mock started in process',
    ],
    [['--data', ''], '--data must be a directory path, got ""'],
  ])('rejects %j with exit code 2', async (argv, message) => {
    const { io, err, out } = fakeIo();
    expect(await startMcp(argv, io)).toBe(2);
    expect(err[0]).toContain(message);
    expect(out()).toBe('');
  });

  it('serves a mock it starts, and stops it on close', async () => {
    const { io, err, out } = fakeIo();
    const handle = await startMcp(['--seed', 'mcp-seed'], io);
    if (typeof handle === 'number') throw new Error(`exit ${handle}`);
    expect(err.join('\n')).toContain(`mock listening at ${handle.url} (seed "mcp-seed")`);
    expect((await handle.control.clock.get()).now).toEqual(expect.any(Number));
    await handle.close();
    await expect(fetch(`${handle.url}/__mock/v1/clock`)).rejects.toThrow();
    expect(out()).toBe('');
  });

  it('sends --token, else a non-empty GENAUTH_MOCK_ADMIN_TOKEN, as the bearer token', async () => {
    const seen: (string | undefined)[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end('{"now":0,"iso":"1970-01-01T00:00:00.000Z"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      for (const [argv, env] of [
        [['--token', 'from-flag'], { GENAUTH_MOCK_ADMIN_TOKEN: 'from-env' }],
        [[], { GENAUTH_MOCK_ADMIN_TOKEN: 'from-env' }],
        [[], { GENAUTH_MOCK_ADMIN_TOKEN: '' }],
      ] as const) {
        const { io } = fakeIo();
        const handle = await startMcp(['--url', url, ...argv], { ...io, env });
        if (typeof handle === 'number') throw new Error(`exit ${handle}`);
        await handle.control.clock.get();
        await handle.close();
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(['Bearer from-flag', 'Bearer from-env', undefined]);
  });

  describe('--data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genauth-mcp-data-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('keeps the state of the mock it starts, so the next one resumes it', async () => {
      const first = fakeIo();
      const handle = await startMcp(['--data', join(dir, 'kept')], first.io);
      if (typeof handle === 'number') throw new Error(`exit ${handle}`);
      const { now } = await handle.control.clock.advance(86_400_000);
      const { code } = await handle.control.wechat.login({ appid: DEMO_APPID });
      await handle.close();
      const second = fakeIo();
      const again = await startMcp(['--data', join(dir, 'kept')], second.io);
      if (typeof again === 'number') throw new Error(`exit ${again}`);
      try {
        expect((await again.control.clock.get()).now).toBeGreaterThanOrEqual(now);
        const codes = await again.control.wechat.codes({ appid: DEMO_APPID });
        expect(codes.map((c) => c.code)).toContain(code);
      } finally {
        await again.close();
      }
    });

    it('refuses a path that is a file with exit code 2, naming the flag', async () => {
      const file = join(dir, 'a-file');
      writeFileSync(file, 'x');
      const { io, err } = fakeIo();
      expect(await startMcp(['--data', file], io)).toBe(2);
      expect(err[0]).toMatch(/^genauth-mock mcp: --data .*a-file: /);
    });
  });
});
