import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { EventEmitter } from 'node:events';

import { HELP, runCli, stopOnSignals, type CliIo } from '../../src/cli';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env };
  return { io, out, err };
}

describe('genauth-mock CLI', () => {
  it('starts on the given port and prints endpoints and demo credentials', async () => {
    const { io, out } = capture();
    const { code, server } = await runCli(['--port', '0', '--seed', 'cli-seed'], io);
    try {
      expect(code).toBe(0);
      const text = out.join('\n');
      const url = server!.url;
      expect(text).toContain(`genauth-mock listening at ${url} (seed "cli-seed"`);
      expect(text).toContain(`${url}/sns/jscode2session`);
      expect(text).toContain(`Console: ${url}/ (loopback clients only)`);
      const demoApp = server!.store.fixtures.wechat.apps[0]!;
      expect(text).toContain(`${DEMO_APPID}  ${demoApp.secret}`);
      expect(text).toContain(DEMO_OPENID);
      expect(text).toContain(DEMO_SESSION_KEY);
      const res = await fetch(`${url}/__mock/v1/wechat/login`, {
        method: 'POST',
        body: JSON.stringify({ appid: DEMO_APPID }),
      });
      expect(res.status).toBe(200);
    } finally {
      await server?.stop();
    }
  });

  it('takes PORT from the environment, --host and --session-key-policy', async () => {
    const { io } = capture({ PORT: '0' });
    const { code, server } = await runCli(
      ['--host', '127.0.0.1', '--session-key-policy', 'never'],
      io,
    );
    try {
      expect(code).toBe(0);
      expect(server!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(server!.context.options.sessionKeyPolicy).toBe('never');
    } finally {
      await server?.stop();
    }
  });

  it('prints help and exits 0', async () => {
    const { io, out } = capture();
    expect(await runCli(['--help'], io)).toEqual({ code: 0 });
    expect(out.join('\n')).toBe(HELP);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['extra'], /positional/i],
    [['--port', 'abc'], /^genauth-mock: --port must be an integer from 0 to 65535, got "abc"$/m],
    [['-p', '70000'], /^genauth-mock: -p must be an integer from 0 to 65535, got "70000"$/m],
    [['--port'], /--port <value>' argument missing/],
    [
      ['--session-key-policy', 'sometimes'],
      /^genauth-mock: --session-key-policy must be rotate or never, got "sometimes"$/m,
    ],
  ])('rejects %j with exit code 2, naming the flag as typed', async (argv, message) => {
    const { io, err } = capture();
    expect(await runCli(argv, io)).toEqual({ code: 2 });
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).not.toMatch(/sessionKeyPolicy/);
  });

  it('names PORT when the bad port comes from the environment', async () => {
    const { io, err } = capture({ PORT: 'http' });
    expect(await runCli([], io)).toEqual({ code: 2 });
    expect(err).toEqual(['genauth-mock: PORT must be an integer from 0 to 65535, got "http"']);
  });

  it('reports --outlive-parent to the caller', async () => {
    const { server, outliveParent } = await runCli(
      ['--port', '0', '--outlive-parent'],
      capture().io,
    );
    await server?.stop();
    expect(outliveParent).toBe(true);
  });

  it('exits 1 when the port is taken', async () => {
    const first = await runCli(['--port', '0'], capture().io);
    try {
      const port = new URL(first.server!.url).port;
      const { io, err } = capture();
      expect(await runCli(['--port', port], io)).toEqual({ code: 1 });
      expect(err.join('\n')).toMatch(/cannot listen/);
    } finally {
      await first.server?.stop();
    }
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('closes the server and exits 0 on %s', async (signal) => {
    const { io, err } = capture();
    const { server } = await runCli(['--port', '0'], io);
    const url = server!.url;
    const signals = new EventEmitter();
    const exits: number[] = [];
    const stopped = stopOnSignals(server!, signals, io, (code) => exits.push(code));
    signals.emit(signal);
    signals.emit(signal === 'SIGINT' ? 'SIGTERM' : 'SIGINT');
    expect(await stopped).toBe(signal);
    expect(exits).toEqual([0]);
    expect(err).toContain(`genauth-mock: ${signal}, stopping`);
    await expect(fetch(`${url}/__mock/v1/clock`)).rejects.toThrow();
  });

  it('closes the server and exits 0 once the parent pid changes', async () => {
    const { io, err } = capture();
    const { server } = await runCli(['--port', '0'], io);
    const url = server!.url;
    let ppid = 4242;
    const parent = { pid: 4242, current: () => ppid, pollMs: 5 };
    const exits: number[] = [];
    const stopped = stopOnSignals(server!, new EventEmitter(), io, (c) => exits.push(c), parent);
    ppid = 1;
    expect(await stopped).toBe('parent exited');
    expect(exits).toEqual([0]);
    expect(err).toContain('genauth-mock: parent exited, stopping');
    await expect(fetch(`${url}/__mock/v1/clock`)).rejects.toThrow();
  });

  it('stops at once when the parent exited before the watch began', async () => {
    const { io } = capture();
    const { server } = await runCli(['--port', '0'], io);
    const parent = { pid: 4242, current: () => 1 };
    expect(await stopOnSignals(server!, new EventEmitter(), io, () => undefined, parent)).toBe(
      'parent exited',
    );
  });
});
