/** `genauth-mock --https …` in process: the banner, the served certificate and the flag errors. */
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HELP, runCli, type CliIo } from '../../src/cli';
import { generateCertificate } from '../../src/tls/certificate';
import { TLS_FLAGS } from '../../src/tls/flags';
import { httpsRequest } from './client';

const tmp = mkdtempSync(join(tmpdir(), 'genauth-mock-tls-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** One pair of PEM files for the whole file, and a key of another certificate. */
const pair = generateCertificate(['localhost', '127.0.0.1', '::1']);
const CERT = join(tmp, 'cert.pem');
const KEY = join(tmp, 'key.pem');
const OTHER_KEY = join(tmp, 'other-key.pem');
writeFileSync(CERT, pair.cert);
writeFileSync(KEY, pair.key);
writeFileSync(OTHER_KEY, generateCertificate(['localhost']).key);

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), env };
  return { io, out, err };
}

/** Runs the CLI, checks it started, and hands back the server and its banner. */
async function run(argv: string[]) {
  const { io, out, err } = capture();
  const result = await runCli(argv, io);
  expect({ code: result.code, err }).toEqual({ code: 0, err: [] });
  const server = result.server!;
  stops.push(() => server.stop());
  return { server, banner: out.join('\n') };
}
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

const fingerprintIn = (banner: string) =>
  /^TLS certificate SHA-256 fingerprint: ([0-9A-F:]+)$/m.exec(banner)?.[1];

describe('genauth-mock --https', () => {
  it('serves HTTPS on --port and prints the URL and the served certificate’s fingerprint', async () => {
    const { server, banner } = await run(['--https', '--port', '0']);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(banner).toContain(`genauth-mock listening at ${server.url} (seed`);
    expect(banner).toContain(`${server.url}/sns/jscode2session`);
    expect(banner).not.toContain('HTTPS at');
    expect(banner).toContain('self-signed, made for this run only');
    const res = await httpsRequest(`${server.url}/__mock/v1/clock`, server.certificate!.pem);
    expect(res.status).toBe(200);
    expect(fingerprintIn(banner)).toBe(res.fingerprint256);
  });

  it('runs HTTP on --port and HTTPS on --https-port side by side', async () => {
    const { server, banner } = await run(['--port', '0', '--https-port', '0']);
    expect(server.url).toMatch(/^http:\/\//);
    expect(banner).toContain(`genauth-mock listening at ${server.url} (seed`);
    expect(banner).toContain(`HTTPS at ${server.httpsUrl}`);
    expect((await fetch(`${server.url}/__mock/v1/clock`)).status).toBe(200);
    const res = await httpsRequest(`${server.httpsUrl}/__mock/v1/clock`, server.certificate!.pem);
    expect(res.status).toBe(200);
    expect(fingerprintIn(banner)).toBe(res.fingerprint256);
  });

  it('serves the certificate of --cert and --key', async () => {
    const { server, banner } = await run(['--port', '0', '--cert', CERT, '--key', KEY]);
    expect(server.url).toMatch(/^https:\/\//);
    expect(banner).toContain('the certificate of --cert');
    const res = await httpsRequest(`${server.url}/__mock/v1/clock`, pair.cert);
    expect(res.status).toBe(200);
    expect(fingerprintIn(banner)).toBe(res.fingerprint256);
  });

  it('keeps the generated certificate in --tls-dir and reuses it on the next start', async () => {
    const dir = join(tmp, 'kept');
    const first = await run(['--port', '0', '--tls-dir', dir]);
    const path = join(dir, 'tls-cert.pem');
    expect(first.banner).toContain(`self-signed, made and kept in ${path}`);
    expect(first.banner).toContain(`trust it: NODE_EXTRA_CA_CERTS=${path}`);
    await first.server.stop();
    const second = await run(['--port', '0', '--https', '--tls-dir', dir]);
    expect(second.banner).toContain(`self-signed, reused from ${path}`);
    expect(fingerprintIn(second.banner)).toBe(fingerprintIn(first.banner));
    const res = await httpsRequest(
      `${second.server.url}/__mock/v1/clock`,
      first.server.certificate!.pem,
    );
    expect(res.fingerprint256).toBe(fingerprintIn(first.banner));
  });

  it('names --host and every --allowed-host in the generated certificate', async () => {
    const { server } = await run([
      '--port',
      '0',
      '--https',
      '--host',
      '127.0.0.2',
      '--allowed-host',
      'mock.lan',
    ]);
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.2:/);
    const x509 = new X509Certificate(server.certificate!.pem);
    expect(x509.checkHost('mock.lan')).toBe('mock.lan');
    expect(x509.checkIP('127.0.0.2')).toBe('127.0.0.2');
    const res = await httpsRequest(`${server.url}/__mock/v1/clock`, server.certificate!.pem);
    expect(res.status).toBe(200);
  });

  it('documents every TLS flag in --help', () => {
    for (const flag of TLS_FLAGS) expect(HELP).toContain(`--${flag}`);
  });
});

describe('genauth-mock --https: bad input exits 2 naming the flag', () => {
  const dirAsFile = join(tmp, 'dir-as-file');
  writeFileSync(dirAsFile, '');
  const directory = join(tmp, 'a-directory');
  mkdirSync(directory);
  const notPem = join(tmp, 'not.pem');
  writeFileSync(notPem, 'hello');

  const rows: [argv: string[], message: string][] = [
    [
      ['--cert', join(tmp, 'missing.pem'), '--key', KEY],
      `--cert cannot read "${join(tmp, 'missing.pem')}": no such file`,
    ],
    [['--cert', directory, '--key', KEY], `--cert cannot read "${directory}": it is a directory`],
    [
      ['--cert', CERT, '--key', join(tmp, 'nope.pem')],
      `--key cannot read "${join(tmp, 'nope.pem')}": no such file`,
    ],
    [['--cert', notPem, '--key', KEY], `--cert must be a PEM certificate file, got "${notPem}"`],
    [
      ['--cert', CERT, '--key', notPem],
      `--key must be an unencrypted PEM private key file, got "${notPem}"`,
    ],
    [
      ['--cert', CERT, '--key', CERT],
      `--key must be an unencrypted PEM private key file, got "${CERT}"`,
    ],
    [
      ['--cert', CERT, '--key', OTHER_KEY],
      `--key "${OTHER_KEY}" does not match the certificate of --cert "${CERT}"`,
    ],
    [['--cert', CERT], '--cert needs --key <file>'],
    [['--https', '--key', KEY], '--key needs --cert <file>'],
    [
      ['--cert', CERT, '--key', KEY, '--tls-dir', tmp],
      '--tls-dir keeps a generated certificate: use it or --cert, not both',
    ],
    [['--tls-dir', ''], '--tls-dir must be a directory path, got ""'],
    [['--tls-dir', dirAsFile], `--tls-dir cannot be used: `],
    [
      ['--port', '4000', '--https-port', '4000'],
      '--https-port must differ from --port (HTTP), got 4000 for both',
    ],
    [
      ['-p', '4000', '--https-port', '4000'],
      '--https-port must differ from -p (HTTP), got 4000 for both',
    ],
    [['--https-port', 'abc'], '--https-port must be an integer from 0 to 65535, got "abc"'],
    [['--https-port', '65536'], '--https-port must be an integer from 0 to 65535, got "65536"'],
  ];
  const cases = rows.map(([argv, message]) => ({
    argv,
    message,
    name: message.replaceAll(tmp, '…'),
  }));
  it.each(cases)('$name', async ({ argv, message }) => {
    const { io, err, out } = capture({ PORT: '0' });
    expect(await runCli(argv, io)).toEqual({ code: 2 });
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toContain(`genauth-mock: ${message}`);
  });

  it('names PORT when the HTTP port comes from the environment', async () => {
    const { io, err } = capture({ PORT: '4000' });
    expect(await runCli(['--https-port', '4000'], io)).toEqual({ code: 2 });
    expect(err).toEqual([
      'genauth-mock: --https-port must differ from PORT (HTTP), got 4000 for both',
    ]);
  });

  it('exits 1 when the HTTPS port is taken', async () => {
    const { server } = await run(['--port', '0', '--https']);
    const taken = new URL(server.url).port;
    const { io, err } = capture();
    expect(await runCli(['--port', '0', '--https-port', taken], io)).toEqual({ code: 1 });
    expect(err.join('\n')).toMatch(/cannot listen .*EADDRINUSE/);
  });
});
