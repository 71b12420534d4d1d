/**
 * The SDK's Node runtime and curl against the mock over HTTPS (a generated certificate), each
 * trusting only that certificate: the script through `NODE_EXTRA_CA_CERTS`, curl with `--cacert`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { buildSync } from 'esbuild';

import { createFixtures, DEMO_APPID } from '@genauth-wxapp/fixtures';
import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'genauth-sdk-https-'));
const script = join(dir, 'child.js');
let mock: MockServer;
let ca: string;

beforeAll(async () => {
  buildSync({
    entryPoints: [join(__dirname, 'https-child.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  mock = createMockServer({ tls: { generate: true, dir: join(dir, 'tls') } });
  await mock.start(0);
  ca = mock.certificate!.path!;
});

afterAll(async () => {
  await mock.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('serves the SDK over TLS: loginByCode, then checkLoginStatus', async () => {
  expect(mock.url).toMatch(/^https:\/\//);
  const { stdout } = await run(process.execPath, [script, mock.url], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: ca },
  });
  const got = JSON.parse(stdout) as { openid: string; token: string; status: unknown };
  expect(got.openid).toMatch(/^o/);
  expect(got.token.split('.')).toHaveLength(3);
  expect(got.status).toMatchObject({ status: true });
  const [auth] = mock.control.journal.list({
    path: '/connections/social/wechat-miniprogram/auth',
  });
  expect(auth).toMatchObject({ method: 'POST', status: 200 });
});

it('refuses the script that does not trust the certificate', async () => {
  const env = { ...process.env };
  delete env['NODE_EXTRA_CA_CERTS'];
  await expect(run(process.execPath, [script, mock.url], { env })).rejects.toMatchObject({
    code: 1,
  });
});

it('serves curl over TLS: a wx.login code exchanged at jscode2session', async () => {
  const curl = (...args: string[]) => run('curl', ['-sS', '--cacert', ca, ...args]);
  const login = JSON.parse(
    (
      await curl(
        '-X',
        'POST',
        `${mock.url}/__mock/v1/wechat/login`,
        '-d',
        JSON.stringify({ appid: DEMO_APPID }),
      )
    ).stdout,
  ) as { code: string; openid: string };
  const secret = createFixtures().wechat.apps.find((a) => a.appid === DEMO_APPID)!.secret;
  const query = `appid=${DEMO_APPID}&secret=${secret}&js_code=${login.code}&grant_type=authorization_code`;
  const session = JSON.parse((await curl(`${mock.url}/sns/jscode2session?${query}`)).stdout);
  expect(session).toMatchObject({ openid: login.openid, session_key: expect.any(String) });
  await expect(run('curl', ['-sS', `${mock.url}/__mock/v1/clock`])).rejects.toMatchObject({
    code: 60, // curl: the peer's certificate cannot be verified
  });
});
