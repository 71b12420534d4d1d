import { HELP, runCli, type CliIo } from '../../src/cli';
import { exposureWarning } from '../../src/control/guard-notice';

const TOKEN = 'cli-admin-token-0123';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env };
  return { io, out, err, text: () => [...out, ...err].join('\n') };
}

/** Runs the CLI, stops the server it started and returns what it printed. */
async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  const c = capture(env);
  const result = await runCli(argv, c.io);
  const options = result.server?.context.options;
  await result.server?.stop();
  return { ...c, code: result.code, options };
}

describe('genauth-mock CLI: the control guard', () => {
  it('warns in the banner that --host 0.0.0.0 opens the APIs, and keeps the control surface to loopback', async () => {
    const { code, out } = await run(['--host', '0.0.0.0', '--port', '0']);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain(
      'Warning: bound to 0.0.0.0: other machines reach the WeChat and GenAuth APIs.',
    );
    expect(text).toContain(
      '  loopback clients only; start the mock with --admin-token to allow other addresses.',
    );
  });

  it('says a token is required from other addresses, and never prints the token', async () => {
    for (const { argv, env } of [
      { argv: ['--admin-token', TOKEN], env: {} },
      { argv: [], env: { GENAUTH_MOCK_ADMIN_TOKEN: TOKEN } },
    ]) {
      const c = await run(['--host', '0.0.0.0', '--port', '0', ...argv], env);
      expect(c.code).toBe(0);
      expect(c.options?.adminToken).toBe(TOKEN);
      expect(c.out.join('\n')).toContain(
        '  addresses only with "Authorization: Bearer <admin token>"; loopback clients need none.',
      );
      expect(c.text()).not.toContain(TOKEN);
    }
  });

  it('prints no warning for a loopback bind', async () => {
    for (const host of ['127.0.0.1', 'localhost']) {
      const { code, out } = await run(['--host', host, '--port', '0']);
      expect([host, code]).toEqual([host, 0]);
      expect(out.join('\n')).not.toContain('Warning');
    }
    for (const host of ['::1', '127.0.0.2', 'app.localhost']) {
      expect(exposureWarning({ host, adminToken: undefined })).toEqual([]);
    }
    for (const host of ['::', '10.231.0.1', 'mybox.lan']) {
      expect(exposureWarning({ host, adminToken: undefined })).toHaveLength(3);
    }
  });

  it('passes the allow-lists and the token to the mock; the flag wins over the env', async () => {
    const { options } = await run(
      [
        '--port',
        '0',
        '--allowed-host',
        'Mock.Test',
        '--allowed-host',
        'dev.example',
        '--allowed-origin',
        'http://localhost:5173',
        `--admin-token=${TOKEN}`,
      ],
      { GENAUTH_MOCK_ADMIN_TOKEN: 'env-token-is-ignored' },
    );
    expect(options).toMatchObject({
      adminToken: TOKEN,
      allowedHosts: ['mock.test', 'dev.example'],
      allowedOrigins: ['http://localhost:5173'],
    });
  });

  it('ignores an empty GENAUTH_MOCK_ADMIN_TOKEN', async () => {
    const { code, options } = await run(['--port', '0'], { GENAUTH_MOCK_ADMIN_TOKEN: '' });
    expect([code, options?.adminToken]).toEqual([0, undefined]);
  });

  it('documents the flags in --help', () => {
    for (const flag of ['--admin-token <token>', '--allowed-host <name>', '--allowed-origin']) {
      expect(HELP).toContain(flag);
    }
    expect(HELP).toContain('GENAUTH_MOCK_ADMIN_TOKEN');
  });

  it.each([
    [
      ['--allowed-host', 'http://a.test'],
      /^genauth-mock: --allowed-host must be a host name or IP address without scheme or port, got "http:\/\/a.test"$/,
    ],
    [
      ['--allowed-host', 'ok.test', '--allowed-host', 'a.test:80'],
      /--allowed-host .*got "a.test:80"$/,
    ],
    [
      ['--allowed-origin', 'localhost:5173'],
      /^genauth-mock: --allowed-origin must be an origin like http:\/\/localhost:5173 .*, got "localhost:5173"$/,
    ],
    [
      ['--admin-token', 'short'],
      /^genauth-mock: --admin-token must be 8 to 1024 visible ASCII characters without spaces$/,
    ],
    [['--admin-token'], /--admin-token <value>' argument missing/],
    [['--allowed-origin'], /--allowed-origin <value>' argument missing/],
  ])('rejects %j with exit code 2, naming the flag as typed', async (argv, message) => {
    const { code, err, out } = await run(argv);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
    expect(err.join('\n')).not.toMatch(/allowedHosts|allowedOrigins|adminToken/);
    expect(out).toEqual([]);
  });

  it('names GENAUTH_MOCK_ADMIN_TOKEN when the bad token comes from the environment, without it', async () => {
    const { code, err } = await run([], { GENAUTH_MOCK_ADMIN_TOKEN: 'has space!' });
    expect(code).toBe(2);
    expect(err).toEqual([
      'genauth-mock: GENAUTH_MOCK_ADMIN_TOKEN must be 8 to 1024 visible ASCII characters without spaces',
    ]);
  });
});
