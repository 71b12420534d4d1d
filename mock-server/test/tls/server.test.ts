/** `createMockServer({ tls })` over real TLS on free ports: generated, given and kept certificates. */
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { createMockServer, fixedClock, type MockServer } from '../../src';
import { generateCertificate } from '../../src/tls/certificate';
import { CERT_FILE, KEY_FILE } from '../../src/tls/material';
import { httpsRequest } from './client';

const tmp = mkdtempSync(join(tmpdir(), 'genauth-mock-tls-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A certificate of someone else's, made once for the file (P-256: a few milliseconds). */
const given = generateCertificate(['localhost', '127.0.0.1', '::1']);

const running: MockServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.stop()));
});
const started = async (...args: Parameters<typeof createMockServer>) => {
  const mock = createMockServer(...args);
  running.push(mock);
  await mock.start(0);
  return mock;
};

/** Whether nothing listens on `port` any more: a new server can take it. */
const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createNetServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

describe('createMockServer({ tls: { generate: true } })', () => {
  it('serves jscode2session and the control surface over HTTPS with a generated certificate', async () => {
    const mock = await started({ tls: { generate: true }, clock: fixedClock(1_700_000_000_000) });
    expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.httpsUrl).toBe(mock.url);
    const certificate = mock.certificate!;
    expect(certificate.source).toBe('generated');
    expect(certificate.path).toBeUndefined();
    const app = mock.store.fixtures.wechat.apps.find((a) => a.appid === DEMO_APPID)!;
    const { code } = mock.control.wechat.login({ appid: DEMO_APPID });
    const query = `appid=${DEMO_APPID}&secret=${app.secret}&js_code=${code}&grant_type=authorization_code`;
    const login = await httpsRequest(`${mock.url}/sns/jscode2session?${query}`, certificate.pem);
    expect(login.status).toBe(200);
    expect(JSON.parse(login.body)).toMatchObject({ openid: expect.any(String) });
    expect(login.fingerprint256).toBe(certificate.fingerprint256);
    const clock = await httpsRequest(`${mock.url}/__mock/v1/clock`, certificate.pem);
    expect(clock.status).toBe(200);
    expect(JSON.parse(clock.body)).toEqual({
      now: 1_700_000_000_000,
      iso: '2023-11-14T22:13:20.000Z',
    });
  });

  it('makes a self-signed server certificate for loopback, host and allowed hosts, valid a year', async () => {
    const mock = await started({
      tls: { generate: true },
      allowedHosts: ['mock.lan', '192.0.2.7', '[fe80::1]'],
    });
    const x509 = new X509Certificate(mock.certificate!.pem);
    expect(x509.subjectAltName?.split(', ')).toEqual([
      'DNS:localhost',
      'IP Address:127.0.0.1',
      'IP Address:0:0:0:0:0:0:0:1',
      'DNS:mock.lan',
      'IP Address:192.0.2.7',
      'IP Address:FE80:0:0:0:0:0:0:1',
    ]);
    expect(x509.ca).toBe(false);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    const days = (Date.parse(x509.validTo) - Date.parse(x509.validFrom)) / 86_400_000;
    expect(days).toBe(365);
    expect(x509.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // The same certificate again after a restart of the same server.
    const before = mock.certificate;
    await mock.stop();
    await mock.start(0);
    expect(mock.certificate).toBe(before);
  });

  it('accepts the https:// origin of the mock on the control surface, and refuses others', async () => {
    const mock = await started({ tls: { generate: true } });
    const ca = mock.certificate!.pem;
    const post = (origin: string) =>
      httpsRequest(`${mock.url}/__mock/v1/clock`, ca, {
        method: 'POST',
        body: '{"advanceMs":1000}',
        headers: { origin, 'content-type': 'application/json' },
      });
    expect((await post(mock.url)).status).toBe(200);
    const refused = await post('https://evil.example');
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'cross_origin' });
  });

  it('runs HTTP and HTTPS side by side with tls.port, and stop() frees both ports', async () => {
    const mock = await started({ tls: { generate: true, port: 0 } });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(mock.httpsUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const httpRes = await fetch(`${mock.url}/__mock/v1/clock`);
    expect(httpRes.status).toBe(200);
    const httpsRes = await httpsRequest(`${mock.httpsUrl}/__mock/v1/clock`, mock.certificate!.pem);
    expect(httpsRes.status).toBe(200);
    const ports = [mock.url, mock.httpsUrl].map((u) => Number(new URL(u).port));
    await mock.stop();
    expect(mock.url).toBe('');
    expect(mock.httpsUrl).toBe('');
    expect(await Promise.all(ports.map(portIsFree))).toEqual([true, true]);
  });

  it('side by side, advertises the OIDC endpoints of the listener a discovery came in on', async () => {
    const mock = await started({ tls: { generate: true, port: 0 } });
    const path = '/oidc/.well-known/openid-configuration';
    const headers = { 'x-authing-app-id': mock.control.demo().apps[0]!.appId };
    const overHttp = (await (await fetch(`${mock.url}${path}`, { headers })).json()) as Record<
      string,
      string
    >;
    const overHttps = JSON.parse(
      (await httpsRequest(`${mock.httpsUrl}${path}`, mock.certificate!.pem, { headers })).body,
    ) as Record<string, string>;
    expect(overHttp['token_endpoint']).toBe(`${mock.url}/oidc/token`);
    expect(overHttps['token_endpoint']).toBe(`${mock.httpsUrl}/oidc/token`);
    expect(overHttps['jwks_uri']).toBe(`${mock.httpsUrl}/oidc/.well-known/jwks.json`);
    expect(overHttps['issuer']).toBe(overHttp['issuer']);
  });

  it('side by side, hands out upload URLs of the listener the upload came in on', async () => {
    const mock = await started({ tls: { generate: true, port: 0 } });
    const boundary = 'tls-upload-boundary';
    const body =
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.gif"\r\n` +
      `Content-Type: image/gif\r\n\r\nGIF89a\x01\x00\x01\x00\x00\x00\x00;\r\n--${boundary}--\r\n`;
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const answer = await httpsRequest(
      `${mock.httpsUrl}/api/v2/upload?folder=avatar`,
      mock.certificate!.pem,
      { method: 'POST', body, headers },
    );
    const { data } = JSON.parse(answer.body) as { data: { url: string } };
    expect(data.url).toMatch(new RegExp(`^${mock.httpsUrl}/api/v2/upload/files/avatar/`));
    const served = await httpsRequest(data.url, mock.certificate!.pem);
    expect(served.status).toBe(200);
  });

  it('stops at once with a client stuck in the TLS handshake', async () => {
    const mock = await started({ tls: { generate: true } });
    const { port } = new URL(mock.url);
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    const t0 = Date.now();
    await mock.stop();
    expect(Date.now() - t0).toBeLessThan(5000); // far below the 15 s handshake timeout it must not wait for
    expect(await portIsFree(Number(port))).toBe(true);
  });

  it('closes the HTTP listener again when the HTTPS port is taken', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const mock = createMockServer({ tls: { generate: true, port: taken } });
      await expect(mock.start(0)).rejects.toThrow(/EADDRINUSE/);
      expect(mock.url).toBe('');
      // Nothing is left listening: the mock can start again elsewhere.
      blocker.close();
      await mock.start(0);
      running.push(mock);
      expect(mock.httpsUrl).toBe(`https://127.0.0.1:${taken}`);
    } finally {
      blocker.close();
    }
  });

  it('closes the HTTP listener again when its port is taken (without tls)', async () => {
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const mock = createMockServer();
      await expect(mock.start(taken)).rejects.toThrow(/EADDRINUSE/);
      expect(mock.url).toBe('');
      // Nothing is left listening: the mock can start again elsewhere.
      await mock.start(0);
      running.push(mock);
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      blocker.close();
    }
  });

  it('rejects a tls.port equal to the HTTP port with a TypeError naming it', async () => {
    const mock = createMockServer({ tls: { generate: true, port: 3999 } });
    await expect(mock.start(3999)).rejects.toThrow(TypeError);
    await expect(mock.start(3999)).rejects.toThrow(/"tls\.port" must differ from the HTTP port/);
    expect(mock.url).toBe('');
  });
});

describe('createMockServer({ tls: { cert, key } })', () => {
  it('serves the given certificate', async () => {
    const mock = await started({ tls: { cert: given.cert, key: Buffer.from(given.key) } });
    expect(mock.certificate).toMatchObject({ source: 'given', pem: given.cert, path: undefined });
    const res = await httpsRequest(`${mock.url}/__mock/v1/clock`, given.cert);
    expect(res.status).toBe(200);
    expect(res.fingerprint256).toBe(new X509Certificate(given.cert).fingerprint256);
  });

  it.each([
    ['a string', { tls: 'yes' }, /^"tls" must be/],
    ['generate: false', { tls: { generate: false } }, /^"tls\.generate" must be true/],
    ['port 70000', { tls: { generate: true, port: 70000 } }, /^"tls\.port" must be an integer/],
    ['port 1.5', { tls: { generate: true, port: 1.5 } }, /^"tls\.port" must be an integer/],
    ['an empty dir', { tls: { generate: true, dir: '' } }, /^"tls\.dir" must be a directory path/],
    ['no PEM cert', { tls: { cert: 'x', key: given.key } }, /^"tls\.cert" must be a PEM cert/],
    ['no PEM key', { tls: { cert: given.cert, key: 'x' } }, /^"tls\.key" must be an unencrypted/],
    ['no key', { tls: { cert: given.cert } }, /^"tls\.key" must be a PEM string or Buffer/],
    ['cert and generate', { tls: { ...given, generate: true } }, /^"tls" takes either/],
  ])('rejects %s with a TypeError naming the option', (_, options, message) => {
    expect(() => createMockServer(options as never)).toThrow(TypeError);
    expect(() => createMockServer(options as never)).toThrow(message);
  });

  it('rejects a key that does not match the certificate', () => {
    const other = generateCertificate(['localhost']);
    expect(() => createMockServer({ tls: { cert: given.cert, key: other.key } })).toThrow(
      new TypeError('"tls.key" does not match the certificate'),
    );
  });
});

describe('createMockServer({ tls: { generate: true, dir } })', () => {
  it('keeps the certificate and a 0600 key in dir, and reuses them on the next start', async () => {
    const dir = join(tmp, 'kept', 'tls');
    const first = await started({ tls: { generate: true, dir } });
    expect(first.certificate).toMatchObject({ source: 'generated', path: join(dir, CERT_FILE) });
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, CERT_FILE), 'utf8')).toBe(first.certificate!.pem);
    await first.stop();

    const second = await started({ tls: { generate: true, dir } });
    expect(second.certificate).toMatchObject({
      source: 'reused',
      fingerprint256: first.certificate!.fingerprint256,
    });
    const res = await httpsRequest(`${second.url}/__mock/v1/clock`, first.certificate!.pem);
    expect(res.fingerprint256).toBe(first.certificate!.fingerprint256);
  });

  it('replaces a kept certificate that misses a host, or that is broken', async () => {
    const dir = join(tmp, 'replaced');
    const first = await started({ tls: { generate: true, dir } });
    const widened = await started({ tls: { generate: true, dir }, allowedHosts: ['mock.lan'] });
    expect(widened.certificate!.source).toBe('generated');
    expect(widened.certificate!.fingerprint256).not.toBe(first.certificate!.fingerprint256);
    expect(new X509Certificate(widened.certificate!.pem).checkHost('mock.lan')).toBe('mock.lan');
    writeFileSync(join(dir, KEY_FILE), generateCertificate(['localhost']).key);
    const mismatched = await started({ tls: { generate: true, dir } });
    expect(mismatched.certificate!.source).toBe('generated');
    writeFileSync(join(dir, CERT_FILE), 'garbage');
    const garbage = await started({ tls: { generate: true, dir } });
    expect(garbage.certificate!.source).toBe('generated');
    expect(statSync(join(dir, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it('rejects a dir it cannot use with a TypeError naming tls.dir', async () => {
    const file = join(tmp, 'a-file');
    writeFileSync(file, '');
    const mock = createMockServer({ tls: { generate: true, dir: file } });
    await expect(mock.start(0)).rejects.toThrow(TypeError);
    await expect(mock.start(0)).rejects.toThrow(/^"tls\.dir" cannot be used: /);
    expect(mock.url).toBe('');
  });

  it('is trusted by a Node process started with NODE_EXTRA_CA_CERTS', async () => {
    const dir = join(tmp, 'extra-ca');
    const mock = await started({ tls: { generate: true, dir } });
    const script = `fetch(process.argv[1]).then((r) => r.json()).then((j) => console.log(JSON.stringify(j)))`;
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['-e', script, `${mock.url}/__mock/v1/clock`],
        { env: { ...process.env, NODE_EXTRA_CA_CERTS: mock.certificate!.path } },
        (err, out) => (err ? reject(err) : resolve(out)),
      ),
    );
    expect(JSON.parse(stdout)).toMatchObject({ now: expect.any(Number) });
  });
});

it('gives the kept certificate an absolute path, also for a relative dir', async () => {
  const cwd = process.cwd();
  process.chdir(tmp);
  try {
    const mock = await started({ tls: { generate: true, dir: 'relative' } });
    expect(mock.certificate!.path).toBe(join(realpathSync(tmp), 'relative', CERT_FILE));
  } finally {
    process.chdir(cwd);
  }
});
