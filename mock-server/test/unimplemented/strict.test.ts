/** `strict`: every unknown request is logged once, with its method, path and format, and counted. */
import request from 'supertest';

import { createMockServer } from '../../src';
import { unknownRouteCounts } from '../../src/unimplemented/strict';

const logged: string[] = [];
const mock = createMockServer({ strict: true, log: (line) => logged.push(line) });
const app = () => request(mock.app);

beforeEach(() => {
  logged.length = 0;
});

it('logs each unknown request once, with method, path and wire format, still answering 404', async () => {
  const cases: [string, string, string, number][] = [
    ['get', '/wxa/made_up', 'wechat', 404],
    ['post', '/api/v2/made-up', 'rest', 404],
    ['delete', '/api/v3/made-up', 'v3', 404],
    ['get', '/graphql/made-up', 'graphql', 404],
    ['get', '/made/up', 'fallback', 404],
  ];
  for (const [method, path, format, status] of cases) {
    logged.length = 0;
    const res = await app()[method as 'get'](path);
    expect(res.status).toBe(status);
    expect(logged).toEqual([
      expect.stringContaining(`${method.toUpperCase()} ${path} (${format})`),
    ]);
  }
  const wechat = await app().get('/wxa/made_up');
  expect(wechat.body.errcode).toBe(40066);
  expect(unknownRouteCounts(mock.context)).toMatchObject({
    total: 6,
    byFormat: { wechat: 2, rest: 1, v3: 1, graphql: 1, fallback: 1 },
  });
});

it('logs a GraphQL document asking a root field the schema lacks, not a bad argument', async () => {
  const before = unknownRouteCounts(mock.context).total;
  const unknown = await app().post('/graphql/v2').send({ query: '{ madeUp }' });
  expect(unknown.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(logged).toEqual([expect.stringContaining('POST /graphql/v2 (graphql)')]);
  logged.length = 0;
  await app().post('/graphql/v2').send({ query: '{ checkPasswordStrength { valid } }' });
  expect(logged).toEqual([]);
  expect(unknownRouteCounts(mock.context).total).toBe(before + 1);
});

it('counts a path below the v3 bind path once, as REST', async () => {
  const before = unknownRouteCounts(mock.context).byFormat;
  const res = await app().post('/connections/social/wechat-miniprogram/bind/x').send({});
  expect(res.status).toBe(404);
  expect(res.body).toMatchObject({ code: 404 });
  expect(logged).toEqual([expect.stringContaining('(rest)')]);
  expect(unknownRouteCounts(mock.context).byFormat.v3).toBe(before.v3);
  const bind = await app().get('/connections/social/wechat-miniprogram/bind');
  expect(bind.body).toMatchObject({ statusCode: 404 });
  expect(unknownRouteCounts(mock.context).byFormat.v3).toBe((before.v3 ?? 0) + 1);
});

it('does not count served routes, 501s or control requests', async () => {
  const before = unknownRouteCounts(mock.context).total;
  await app().get('/api/v2/.well-known');
  await app().get('/__mock/v1');
  await app().get('/__mock/v1/made-up');
  const mfa = await app().post('/api/v2/mfa/totp/verify').send({});
  expect(mfa.status).toBe(501);
  expect(unknownRouteCounts(mock.context).total).toBe(before);
  expect(logged).toEqual([expect.stringContaining('mfa.verifyTotpMfa is not implemented')]);
});

it('stays quiet without strict', async () => {
  const quiet: string[] = [];
  const plain = createMockServer({ log: (line) => quiet.push(line) });
  const res = await request(plain.app).get('/api/v2/made-up');
  expect(res.status).toBe(404);
  expect(quiet).toEqual([]);
  expect(unknownRouteCounts(plain.context).total).toBe(0);
});

it('rejects a strict that is not a boolean, naming the option', () => {
  expect(() => createMockServer({ strict: 'yes' as unknown as boolean })).toThrow(/"strict"/);
});

it('shows the count in the control index under strict only', async () => {
  const index = await app().get('/__mock/v1');
  expect(index.body.unknownRoutes).toEqual(unknownRouteCounts(mock.context));
  expect(index.body.unknownRoutes.total).toBeGreaterThan(0);
  const plain = await request(createMockServer().app).get('/__mock/v1');
  expect(Object.keys(plain.body)).toEqual(['routes']);
});
