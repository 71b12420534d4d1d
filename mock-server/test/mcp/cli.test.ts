/** `genauth-mock mcp`'s flags, in process, and how the `demo` tool finds the WeChat apps. */
import { PassThrough } from 'node:stream';

import { MCP_HELP, startMcp, type McpIo } from '../../src/mcp/cli';
import { wechatAppsOf } from '../../src/mcp/tools';

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
});

describe('wechatAppsOf', () => {
  const apps = [{ appid: 'wx1', secret: 's', name: 'a ] "} [ name' }];
  const text = JSON.stringify({ seed: 's', now: 1, wechat: { apps, users: [{ x: 1 }] } });

  it('reads the apps array once the text holds all of it, brackets in strings skipped', () => {
    expect(wechatAppsOf(text)).toEqual(apps);
    const end = text.indexOf(',"users"');
    expect(wechatAppsOf(text.slice(0, end))).toEqual(apps);
    expect(wechatAppsOf(text.slice(0, end - 1))).toBeUndefined();
    expect(wechatAppsOf('{"seed":"s","now":1,"wech')).toBeUndefined();
  });
});
