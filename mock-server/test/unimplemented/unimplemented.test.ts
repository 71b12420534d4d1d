/**
 * Known-but-unimplemented operations answer 501 in their wire format, naming the operation and
 * logged once each; made-up routes answer 404 as before.
 */
import request from 'supertest';

import { createMockServer } from '../../src';
import {
  FALLBACK_UNIMPLEMENTED,
  GRAPHQL_UNIMPLEMENTED,
  REST_UNIMPLEMENTED,
  V3_UNIMPLEMENTED,
  WECHAT_UNIMPLEMENTED,
} from '../../src/unimplemented/table';
import { schema } from '../../src/genauth/graphql/schema';
import { unknownRouteCounts } from '../../src/unimplemented/strict';

const logged: string[] = [];
const mock = createMockServer({ log: (line) => logged.push(line) });
const app = () => request(mock.app);

beforeEach(() => {
  logged.length = 0;
});

const RID = /, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/;

describe('GraphQL', () => {
  const resetByToken = /* GraphQL */ `
    mutation resetPasswordByFirstLoginToken($token: String!, $password: String!) {
      resetPasswordByFirstLoginToken(token: $token, password: $password) {
        code
        message
      }
    }
  `;

  it('answers a mutation of an operation the mock lacks with 501 naming it, logged once', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await app()
        .post('/graphql/v2')
        .send({ query: resetByToken, variables: { token: 't', password: 'p' } });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        errors: [
          {
            message: {
              code: 501,
              message: 'resetPasswordByFirstLoginToken is not implemented by the mock',
              data: null,
            },
            extensions: { code: 'NOT_IMPLEMENTED' },
          },
        ],
        data: null,
      });
    }
    expect(logged.filter((l) => l.includes('resetPasswordByFirstLoginToken'))).toHaveLength(1);
  });

  it('names a ManagementClient query and a document whose root field the mock serves', async () => {
    const roles = await app().post('/graphql/v2').send({ query: '{ roles { totalCount } }' });
    expect(roles.body.errors[0].message).toMatchObject({
      code: 501,
      message: 'management.roles.list is not implemented by the mock',
    });
    const departments = await app()
      .post('/graphql/v2')
      .send({
        query:
          'query getUserDepartments($id: String!) { user(id: $id) { departments { totalCount } } }',
        variables: { id: 'u' },
      });
    expect(departments.body.errors[0].message.message).toBe(
      'listDepartments is not implemented by the mock',
    );
  });

  it('keeps validation errors for made-up operations and served documents untouched', async () => {
    const res = await app().post('/graphql/v2').send({ query: 'mutation { madeUp { id } }' });
    expect(res.status).toBe(200);
    expect(res.body.errors[0]).toMatchObject({
      message: { code: 2510 },
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const ok = await app()
      .post('/graphql/v2')
      .send({ query: 'query { checkPasswordStrength(password: "abcdef12") { valid } }' });
    expect(ok.body).toEqual({ data: { checkPasswordStrength: { valid: true } } });
    expect(logged).toEqual([]);
  });

  it('still answers bad bodies and unparsable documents as before', async () => {
    const noQuery = await app().post('/graphql/v2').send({ variables: {} });
    expect(noQuery.body.errors[0].message.code).toBe(2510);
    const garbage = await app().post('/graphql/v2').send({ query: 'mutation {' });
    expect(garbage.body.errors[0].message.code).toBe(2512);
    const bad = await app()
      .post('/graphql/v2')
      .set('content-type', 'application/json')
      .send('{"query":');
    expect(bad.body.errors[0].message.code).toBe(2512);
  });

  it('lists only root fields the schema does not have', () => {
    const fields = {
      ...schema.getQueryType()!.getFields(),
      ...schema.getMutationType()!.getFields(),
    };
    expect(Object.keys(GRAPHQL_UNIMPLEMENTED).filter((f) => f in fields)).toEqual([]);
  });
});

describe('REST v2', () => {
  it('answers an MFA route with HTTP 501 {code: 501, message, data: null}', async () => {
    const res = await app().post('/api/v2/mfa/totp/verify').send({ totp: '123456' });
    expect(res.status).toBe(501);
    expect(res.body).toEqual({
      code: 501,
      message: 'mfa.verifyTotpMfa is not implemented by the mock',
      data: null,
    });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('mfa.verifyTotpMfa');
  });

  it('matches path parameters, and other methods of a known path stay 404', async () => {
    const config = await app().get('/api/v2/applications/app1/public-config');
    expect(config.status).toBe(501);
    expect(config.body.message).toBe(
      'enterprise.authorize (public-config) is not implemented by the mock',
    );
    const qr = await app().get('/api/v2/qrcode/gene');
    expect(qr.status).toBe(404);
    expect(qr.body).toMatchObject({ code: 404 });
  });

  it('answers a made-up route 404 as before, unlogged', async () => {
    const res = await app().get('/api/v2/made-up');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      code: 404,
      message: '请求的接口不存在',
      data: { method: 'GET', path: '/api/v2/made-up' },
    });
    expect(logged).toEqual([]);
  });

  it('keeps served routes served', async () => {
    const res = await app().get('/api/v2/.well-known');
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(200);
  });
});

describe('v3', () => {
  it('answers a removed v3 endpoint with HTTP 501 in the v3 envelope', async () => {
    const res = await app()
      .post('/api/v3/get-wechat-access-token')
      .send({ appId: 'a', appSecret: 's' });
    expect(res.status).toBe(501);
    expect(res.body).toEqual({
      statusCode: 501,
      message: 'getWechatMpAccessToken is not implemented by the mock',
      apiCode: 501,
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it('numbers its request ids with the v3 failures, one counter that an import resumes', async () => {
    const mock = createMockServer();
    const seqOf = (res: { body: { requestId: string } }) =>
      parseInt(res.body.requestId.slice(16), 16);
    const http = () => request(mock.app);
    const failure = await http().post('/api/v3/signin').send({});
    const unimplemented = await http().post('/api/v3/get-wechat-access-token').send({});
    expect([seqOf(failure), seqOf(unimplemented)]).toEqual([1, 2]);
    const copy = createMockServer();
    copy.control.importState(mock.control.exportState());
    const next = await request(copy.app).post('/api/v3/get-wechat-access-token').send({});
    expect(seqOf(next)).toBe(3);
  });

  it('answers the Douyin bind path in the v3 envelope too', async () => {
    const res = await app().post('/connections/social/douyin-miniprogram/bind').send({});
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({ statusCode: 501, apiCode: 501 });
  });

  it('answers a made-up v3 route 404 as before', async () => {
    const res = await app().post('/api/v3/made-up').send({});
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404 });
  });
});

describe('WeChat', () => {
  it('answers msg_sec_check with HTTP 501, errcode 48001 and the API named', async () => {
    const res = await app().post('/wxa/msg_sec_check?access_token=x').send({ content: 'hi' });
    expect(res.status).toBe(501);
    expect(res.body).toEqual({
      errcode: 48001,
      errmsg: expect.stringMatching(RID),
    });
    expect(res.body.errmsg).toContain('msgSecCheck is not implemented by the mock');
    expect(res.body.errmsg).toContain('POST /wxa/msg_sec_check');
  });

  it('answers rid/get and getwxacode the same way, whatever the body', async () => {
    for (const path of ['/cgi-bin/openapi/rid/get', '/wxa/getwxacode']) {
      const res = await app().post(path).set('content-type', 'application/json').send('{bad');
      expect(res.status).toBe(501);
      expect(res.body.errcode).toBe(48001);
    }
  });

  it('answers a made-up API 404 with 40066 as before', async () => {
    const res = await app().get('/wxa/made_up');
    expect(res.status).toBe(404);
    expect(res.body.errcode).toBe(40066);
    expect(logged).toEqual([]);
  });

  it('leaves jscode2session served', async () => {
    const res = await app().get('/sns/jscode2session');
    expect(res.status).toBe(200);
    expect(res.body.errcode).not.toBe(48001);
  });
});

describe('outside every prefix', () => {
  it('answers the OAuth token endpoint with 501 and a made-up path with 404', async () => {
    const oauth = await app().post('/oauth/token').send({});
    expect(oauth.status).toBe(501);
    expect(oauth.body).toMatchObject({
      error: 'not_implemented',
      message: 'getAccessTokenByCode (oauth) is not implemented by the mock',
    });
    const made = await app().get('/made/up');
    expect(made.status).toBe(404);
    expect(made.body).toMatchObject({ error: 'not_found' });
  });

  it('leaves the control surface to itself', async () => {
    const res = await app().get('/__mock/v1');
    expect(res.status).toBe(200);
  });
});

it('every table entry answers 501', async () => {
  const tables = [
    ...WECHAT_UNIMPLEMENTED,
    ...REST_UNIMPLEMENTED,
    ...V3_UNIMPLEMENTED,
    ...FALLBACK_UNIMPLEMENTED,
  ];
  for (const route of tables) {
    const path = route.path.replace(/:[a-zA-Z]+/g, 'x1');
    const res = await request(mock.app)[route.method.toLowerCase() as 'get' | 'post' | 'delete'](
      path,
    );
    expect([route.path, res.status]).toEqual([route.path, 501]);
  }
  expect(unknownRouteCounts(mock.context)).toEqual({ total: 0, byFormat: {} });
});
