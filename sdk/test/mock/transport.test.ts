import { AuthenticationClient, createNodeRuntime } from '../../src/node';

import { closedPortUrl, startLocalServer } from '../helpers/http';
import type { MockHarness } from '../helpers/mock';
import { useMockHarness } from '../helpers/mock';
import { failure } from '../helpers/failure';
import { fakeTimeouts, holdRequests, outlast } from '../helpers/timeouts';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

const clientAt = (host: string, extra: object = {}) =>
  new AuthenticationClient({ appId: 'app1', host, runtime: createNodeRuntime(), ...extra });

describe('headers', () => {
  it('GraphQL and REST carry the GenAuth headers and the bearer token once logged in', async () => {
    const a = h.account((x) => x.email);
    const { client } = h.client();
    const user = await client.loginByEmail(a.email!, a.password);
    await client.getCurrentUser();
    for (const path of ['/graphql/v2', '/api/v2/.well-known']) {
      const first = (await h.requests(path))[0]!;
      expect(first.headers).toMatchObject({
        'x-authing-app-id': h.app.appId,
        'x-authing-userpool-id': h.demo.userPoolId,
        'x-authing-request-from': 'wxapp',
        'x-authing-sdk-version': 'genauth-wxapp:0.1.0',
      });
      expect(first.headers['authorization']).toBeUndefined();
    }
    const last = await h.last('/graphql/v2');
    expect(last.headers['authorization']).toBe(`Bearer ${user.token}`);
    expect(last.headers['content-type']).toMatch(/^application\/json/);
  });

  it('omits x-authing-userpool-id when no userPoolId is set (the mock resolves the pool from the app)', async () => {
    const { client } = h.client({ userPoolId: undefined });
    await client.loginByCode();
    const sent = await h.last('/connections/social/wechat-miniprogram/auth');
    expect(sent.headers).not.toHaveProperty('x-authing-userpool-id');
  });
});

describe('password encryption', () => {
  it('the mock decrypts our RSA ciphertexts (UTF-8 passwords, fresh padding each time)', async () => {
    const { client } = h.client();
    for (const [i, password] of ['密码-Pass-1', 'ünï-cödé-2', 'x'.repeat(100)].entries()) {
      await client.registerByEmail(`rsa${i}@example.com`, password);
      await expect(client.loginByEmail(`rsa${i}@example.com`, password)).resolves.toMatchObject({
        email: `rsa${i}@example.com`,
      });
    }
    const sent = (await h.requests('/graphql/v2')).map(
      (r) => (r.body as { variables: { input: { password: string } } }).variables.input.password,
    );
    expect(new Set(sent).size).toBe(sent.length);
  });
});

describe('transport failures', () => {
  it('timeout: a server that holds the request longer than `timeout`', async () => {
    const held = holdRequests();
    const hang = await startLocalServer(held.handler);
    const timeouts = fakeTimeouts();
    try {
      const onError = jest.fn();
      const error = await outlast(
        timeouts,
        held.arrived,
        failure(clientAt(hang.url, { timeout: 100, onError }).checkLoginStatus()),
        100,
      );
      expect(error).toMatchObject({ kind: 'timeout', code: 504 });
      expect(error.message).toContain(`POST ${hang.url}/graphql/v2`);
      expect(onError).not.toHaveBeenCalled();
    } finally {
      timeouts.restore();
      await hang.close();
    }
  });

  it('network: nothing listens on the port', async () => {
    const url = await closedPortUrl();
    const error = await failure(clientAt(url).sendSmsCode('13800000000'));
    expect(error).toMatchObject({ kind: 'network', code: 500 });
    expect(error.message).toContain(`POST ${url}/api/v2/sms/send`);
  });

  it('http: non-JSON answers and HTTP errors without an envelope', async () => {
    const server = await startLocalServer((req, res) => {
      if (req.url === '/graphql/v2') {
        res.statusCode = 502;
        res.end('<html>Bad Gateway</html>');
      } else {
        res.end('plain text');
      }
    });
    try {
      const client = clientAt(server.url);
      const gateway = await failure(client.checkLoginStatus());
      expect(gateway).toMatchObject({ kind: 'http', code: 502, data: '<html>Bad Gateway</html>' });
      const text = await failure(client.listOrgs());
      expect(text).toMatchObject({ kind: 'http', code: 500 });
      expect(text.message).toContain('plain text');
    } finally {
      await server.close();
    }
  });

  it('GraphQL: onError fires once per entry of errors[], the last one is thrown; string messages too', async () => {
    const server = await startLocalServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          errors: [
            { message: { code: 2004, message: '用户不存在' } },
            { message: 'Cannot query field "x" on type "User".' },
          ],
          data: { user: null },
        }),
      );
    });
    try {
      const onError = jest.fn();
      const error = await failure(clientAt(server.url, { onError }).updatePhone('1', '2'));
      expect(error).toMatchObject({
        kind: 'server',
        code: 500,
        message: 'Cannot query field "x" on type "User".',
      });
      expect(onError.mock.calls).toEqual([
        [2004, '用户不存在', null],
        [500, 'Cannot query field "x" on type "User".', null],
      ]);
    } finally {
      await server.close();
    }
  });
});
