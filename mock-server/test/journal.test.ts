import request from 'supertest';

import { createMockServer } from '../src';

describe('request journal (/__mock/v1/requests)', () => {
  const mock = createMockServer();

  beforeEach(() => mock.context.journal.clear());

  it('never records control requests, whatever the case of their path (they may carry the admin token)', async () => {
    const clock = await request(mock.app)
      .get('/__MOCK/V1/clock')
      .set('authorization', 'Bearer some-admin-token');
    expect(clock.status).toBe(200);
    await request(mock.app).get('/__Mock/v1/state');
    expect(mock.control.journal.list()).toEqual([]);
  });

  it('records answered requests with method, path, query, headers, parsed body and status', async () => {
    await request(mock.app).get('/sns/jscode2session?appid=wxnope').set('x-trace', 'one');
    await request(mock.app)
      .post('/cgi-bin/stable_token')
      .send({ grant_type: 'client_credential', appid: 'wxnope', secret: 's' });
    await request(mock.app).get('/__mock/v1/clock');

    const all = await request(mock.app).get('/__mock/v1/requests');
    expect(all.status).toBe(200);
    const entries = all.body.requests as Record<string, unknown>[];
    expect(entries.map((e) => `${String(e['method'])} ${String(e['path'])}`)).toEqual([
      'GET /sns/jscode2session',
      'POST /cgi-bin/stable_token',
    ]);
    expect(entries[0]).toMatchObject({
      query: { appid: 'wxnope' },
      headers: expect.objectContaining({ 'x-trace': 'one' }),
      status: 200,
    });
    expect(entries[1]).toMatchObject({ body: { appid: 'wxnope', secret: 's' } });
    expect(entries[1]!['seq']).toBeGreaterThan(entries[0]!['seq'] as number);
  });

  it('lists the query as parsed by the app and the same entries on every listing', async () => {
    await request(mock.app).get('/cgi-bin/token?appid=a&appid=b&secret=&x=%E4%BD%A0');
    await request(mock.app).get('/sns/jscode2session');
    const first = (await request(mock.app).get('/__mock/v1/requests')).body.requests;
    expect(first[0]).toMatchObject({
      path: '/cgi-bin/token',
      query: { appid: ['a', 'b'], secret: '', x: '你' },
    });
    expect(first[1]).toMatchObject({ path: '/sns/jscode2session', query: {} });
    const again = (await request(mock.app).get('/__mock/v1/requests')).body.requests;
    expect(again).toEqual(first);
  });

  it('filters by path and method, and clears', async () => {
    await request(mock.app).get('/sns/jscode2session');
    await request(mock.app).get('/cgi-bin/token');
    const filtered = await request(mock.app).get(
      '/__mock/v1/requests?path=/cgi-bin/token&method=get',
    );
    expect(filtered.body.requests).toHaveLength(1);
    expect(filtered.body.requests[0].path).toBe('/cgi-bin/token');

    const cleared = await request(mock.app).delete('/__mock/v1/requests');
    expect(cleared.body).toEqual({ cleared: true });
    const after = await request(mock.app).get('/__mock/v1/requests');
    expect(after.body.requests).toEqual([]);
  });

  it('ignores malformed filters and refuses unknown methods with a 404 naming the path', async () => {
    await request(mock.app).get('/cgi-bin/token');
    const repeated = await request(mock.app).get('/__mock/v1/requests?path=/a&path=/b');
    expect(repeated.status).toBe(200);
    expect(repeated.body.requests).toHaveLength(1);
    const wrong = await request(mock.app).put('/__mock/v1/requests');
    expect(wrong.status).toBe(404);
    expect(wrong.body.path).toBe('/__mock/v1/requests');
  });

  it('keeps only the newest entries past its limit', () => {
    const { journal } = mock.context;
    for (let i = 0; i < journal.limit + 5; i++) {
      journal.record({
        at: i,
        method: 'GET',
        path: `/p${i}`,
        query: {},
        headers: {},
        body: undefined,
        status: 200,
      });
    }
    const list = journal.list();
    expect(list).toHaveLength(journal.limit);
    expect(list[0]!.path).toBe('/p5');
  });
});
