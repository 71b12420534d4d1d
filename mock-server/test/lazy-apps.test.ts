/** The WeChat and GenAuth apps load on the first request that may be theirs: never for a control one. */
import request from 'supertest';

import { createMockServer } from '../src';

jest.mock('../src/wechat/app', () => {
  throw new Error('loaded src/wechat/app');
});
jest.mock('../src/genauth/app', () => {
  throw new Error('loaded src/genauth/app');
});

it('answers control requests, whatever the case of their path, without loading either', async () => {
  const mock = createMockServer({ log: () => undefined });
  for (const path of ['/__mock/v1/clock', '/__MOCK/V1/clock', '/__Mock/v1/state'])
    expect((await request(mock.app).get(path)).status).toBe(200);
});
