import { parse } from 'node:querystring';

import request from 'supertest';

import { createMockServer } from '../src';

describe('the journal parses queries with the parser the app is configured with', () => {
  const mock = createMockServer();
  beforeAll(() => mock.start(0));
  afterAll(() => mock.stop());

  it('lists the same fields the routes read (node:querystring: flat keys, repeated as arrays)', async () => {
    const search = 'appid=a&appid=b&x[y]=1&empty=&plus=a+b&pct=%E4%BD%A0';
    await request(mock.url).get(`/sns/jscode2session?${search}`).expect(200);
    const [entry] = mock.control.journal.list({ path: '/sns/jscode2session' });
    expect(entry?.query).toEqual({ ...parse(search) });
    expect(entry?.query).toEqual({
      appid: ['a', 'b'],
      'x[y]': '1',
      empty: '',
      plus: 'a b',
      pct: '你',
    });
  });
});
