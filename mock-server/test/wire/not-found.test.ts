/**
 * A path under a wire format's prefix that no route serves answers 404 in that format; a path
 * outside every prefix keeps the generic fallback.
 */
import request from 'supertest';

import { createMockServer } from '../../src';

const mock = createMockServer();
const app = () => request(mock.app);

describe('unknown paths', () => {
  it.each([
    ['GET', '/api/v2/nope'],
    ['POST', '/connections/social/wechat-miniprogram/nope'],
    ['DELETE', '/oidc/.well-known/jwks.json'],
    ['PUT', '/api/v2/sms/send'],
  ])('GenAuth REST %s %s → 404 {code: 404, message, data}', async (method, path) => {
    const res = await app()[method.toLowerCase() as 'get'](path).expect(404);
    expect(res.body).toEqual({ code: 404, message: '请求的接口不存在', data: { method, path } });
  });

  it.each([
    ['GET', '/graphql/v2'],
    ['POST', '/graphql/v3'],
  ])('GraphQL %s %s → 404 in the GraphQL error shape', async (method, path) => {
    const res = await app()[method.toLowerCase() as 'get'](path).expect(404);
    expect(res.body).toEqual({
      errors: [
        {
          message: { code: 404, message: '请求的接口不存在', data: { method, path } },
          extensions: { code: 'NOT_FOUND' },
        },
      ],
      data: null,
    });
  });

  it.each([
    ['OPTIONS', '/__mock/v1/faults'],
    ['PATCH', '/__mock/v1/clock'],
    ['GET', '/__mock/v1/nope/deeper'],
  ])('control %s %s → 404 not_found naming the path', async (method, path) => {
    const res = await app()[method.toLowerCase() as 'get'](path).expect(404);
    expect(res.body).toEqual({
      error: 'not_found',
      message: `No route for ${method} ${path}`,
      path,
    });
  });

  it('keeps the generic fallback outside every prefix', async () => {
    const res = await app().post('/nope/deeper').send({}).expect(404);
    expect(res.body).toEqual({
      error: 'not_found',
      message: 'No route for POST /nope/deeper',
      path: '/nope/deeper',
    });
  });
});

describe('the control clock', () => {
  it('refuses a step or an instant a Date cannot hold, and keeps answering', async () => {
    const before = (await app().get('/__mock/v1/clock').expect(200)).body;
    for (const body of [{ advanceMs: 1e308 }, { advanceMs: -9e15 }, { now: 1e300 }]) {
      const res = await app().post('/__mock/v1/clock').send(body).expect(400);
      expect(res.body).toMatchObject({ error: 'invalid_field' });
    }
    const after = (await app().get('/__mock/v1/clock').expect(200)).body;
    expect(after.now - before.now).toBeLessThan(60_000);
    expect(after.iso).toBe(new Date(after.now).toISOString());
  });
});
