import { gzipSync } from 'node:zlib';

import request from 'supertest';

import { createMockServer } from '../../src';
import { Journal } from '../../src/journal';

describe('journal bounds', () => {
  it('truncates a body over the per-entry limit and marks it, with the original byte length', async () => {
    const mock = createMockServer();
    const pad = 'x'.repeat(300_000);
    await request(mock.app).post('/api/v2/sms/send').send({ phone: '13900000003', pad });
    await request(mock.app).post('/api/v2/sms/send').send({ phone: '13900000004' });
    const [big, small] = (await request(mock.app).get('/__mock/v1/requests')).body.requests;
    const whole = JSON.stringify({ phone: '13900000003', pad });
    expect(big).toMatchObject({ bodyTruncated: true, bodyBytes: Buffer.byteLength(whole) });
    expect(big.body).toBe(whole.slice(0, mock.context.journal.bodyLimit));
    expect(small.body).toEqual({ phone: '13900000004' });
    expect(small).not.toHaveProperty('bodyTruncated');
  });

  it('truncates a compressed body by its size once read, not by its Content-Length', async () => {
    const mock = createMockServer();
    const whole = JSON.stringify({ phone: '13900000003', pad: 'x'.repeat(300_000) });
    const gz = gzipSync(whole);
    expect(gz.length).toBeLessThan(mock.context.journal.bodyLimit);
    await request(mock.app)
      .post('/api/v2/sms/send')
      // Not a JSON type, so supertest sends the bytes as they are (the mock reads any type).
      .set('content-type', 'application/octet-stream')
      .set('content-encoding', 'gzip')
      .send(gz);
    const [big] = (await request(mock.app).get('/__mock/v1/requests')).body.requests;
    expect(big).toMatchObject({ bodyTruncated: true, bodyBytes: Buffer.byteLength(whole) });
  });

  it('journals the parameters of an OIDC form body, not its bytes', async () => {
    const mock = createMockServer();
    await request(mock.app)
      .post('/oidc/token')
      .type('form')
      .send({ grant_type: 'authorization_code', code: 'x' });
    const [entry] = (await request(mock.app).get('/__mock/v1/requests')).body.requests;
    expect(entry.body).toEqual({ grant_type: 'authorization_code', code: 'x' });
  });

  it('caps entries and total bytes, dropping the oldest first', () => {
    const journal = new Journal({ entries: 5, bytes: 4 * 1024 + 4 * 600, bodyBytes: 600 });
    const entry = (i: number, body: unknown) => ({
      at: i,
      method: 'POST',
      path: `/p${i}`,
      query: {},
      headers: {},
      body,
      status: 200,
    });
    for (let i = 0; i < 12; i++) journal.record(entry(i, null));
    expect(journal.list().map((e) => e.path)).toEqual(['/p7', '/p8', '/p9', '/p10', '/p11']);
    for (let i = 12; i < 20; i++) journal.record(entry(i, { pad: 'y'.repeat(5000) }));
    expect(journal.size).toBe(4);
    expect(journal.bytes).toBeLessThanOrEqual(journal.maxBytes);
    expect(journal.list().map((e) => e.path)).toEqual(['/p16', '/p17', '/p18', '/p19']);
    expect(journal.list()[0]).toMatchObject({ bodyTruncated: true, bodyBytes: 5010 });
    journal.clear();
    expect(journal.list()).toEqual([]);
    expect(journal.bytes).toBe(0);
  });
});
