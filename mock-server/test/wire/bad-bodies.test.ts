/**
 * Every class of unreadable body on a body-reading route of each wire format: the format's own
 * answer (never a 500, never the generic fallback) and no state change.
 */
import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { createMockServer } from '../../src';
import { badBodies, LIMIT, stateOf, type BadBody } from './bodies';

const logged: string[] = [];
const mock = createMockServer({ bodyLimit: LIMIT, log: (line) => logged.push(line) });
let url: string;
beforeAll(async () => {
  url = await mock.start(0);
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());
afterEach(() => expect(logged).toEqual([]));

const RID = /, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

/** POSTs the bytes of `bad` to `path`, checks that the state did not move, and reads the answer. */
async function post(path: string, bad: BadBody, headers: Record<string, string> = {}) {
  const before = stateOf(mock);
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...headers, ...bad.headers },
    body: bad.body,
  });
  const body: unknown = await res.json();
  expect(stateOf(mock)).toBe(before);
  return { status: res.status, body: body as Record<string, unknown> };
}

const poolHeaders = () => {
  const { pools, apps } = mock.store.fixtures.genauth;
  const pool = pools[0]!;
  return {
    'x-authing-userpool-id': pool.id,
    'x-authing-app-id': apps.find((a) => a.poolId === pool.id)!.id,
  };
};

/** The GenAuth code of each class: 2511 for what is (or expands) too large, 2512 otherwise. */
const GENAUTH: Record<string, number> = {
  charset: 2512,
  'unknown encoding': 2512,
  'corrupt gzip': 2512,
  'corrupt br': 2512,
  'corrupt deflate': 2512,
  'truncated gzip': 2512,
  'gzip bomb': 2511,
  'br bomb': 2511,
  'too large': 2511,
  'invalid JSON': 2512,
};

/** The control surface's status and `error` of each class. */
const CONTROL: Record<string, [number, string]> = {
  charset: [415, 'unsupported_charset'],
  'unknown encoding': [415, 'unsupported_encoding'],
  'corrupt gzip': [400, 'invalid_body'],
  'corrupt br': [400, 'invalid_body'],
  'corrupt deflate': [400, 'invalid_body'],
  'truncated gzip': [400, 'invalid_body'],
  'gzip bomb': [413, 'body_too_large'],
  'br bomb': [413, 'body_too_large'],
  'too large': [413, 'body_too_large'],
  'invalid JSON': [400, 'invalid_json'],
};

describe('WeChat POST /cgi-bin/stable_token', () => {
  const bodies = badBodies({ grant_type: 'client_credential', appid: DEMO_APPID, secret: 'x' });
  const { charset, ...unreadable } = bodies;

  it.each(Object.entries(unreadable))('%s → HTTP 200, 47001 with a rid', async (_name, bad) => {
    const res = await post('/cgi-bin/stable_token', bad);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ errcode: 47001, errmsg: expect.stringMatching(RID) });
    expect(res.body['errmsg']).toMatch(/^data format error, rid: /);
  });

  it('reads the bytes whatever the charset says, as WeChat does', async () => {
    const res = await post('/cgi-bin/stable_token', charset!);
    expect(res.body).toMatchObject({ errcode: 40125 });
  });
});

describe('GenAuth REST POST /api/v2/sms/send', () => {
  it.each(Object.entries(badBodies({ phone: '13800000000' })))(
    '%s → HTTP 200, its code with data.reason',
    async (name, bad) => {
      const res = await post('/api/v2/sms/send', bad, poolHeaders());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        code: GENAUTH[name],
        message: GENAUTH[name] === 2511 ? '请求体过大' : '请求体格式不正确',
        data: { reason: expect.any(String) },
      });
    },
  );
});

describe('GenAuth GraphQL POST /graphql/v2', () => {
  const valid = {
    query: 'mutation { sendEmail(email: "a@example.com", scene: RESET_PASSWORD) { code } }',
  };
  it.each(Object.entries(badBodies(valid)))(
    '%s → HTTP 200, errors[0].message with its code, data null',
    async (name, bad) => {
      const res = await post('/graphql/v2', bad, poolHeaders());
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        errors: [
          {
            message: {
              code: GENAUTH[name],
              message: expect.any(String),
              data: { reason: expect.any(String) },
            },
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
        data: null,
      });
    },
  );
});

describe('control POST /__mock/v1/wechat/login', () => {
  it.each(Object.entries(badBodies({ appid: DEMO_APPID })))(
    '%s → its 4xx {error, message}',
    async (name, bad) => {
      const res = await post('/__mock/v1/wechat/login', bad);
      const [status, error] = CONTROL[name]!;
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error, message: expect.any(String) });
    },
  );
});
