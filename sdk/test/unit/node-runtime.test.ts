import { createNodeRuntime } from '../../src/node';

import { closedPortUrl, startLocalServer } from '../helpers/http';
import { failure } from '../helpers/failure';
import { fakeTimeouts, holdRequests, outlast } from '../helpers/timeouts';

describe('createNodeRuntime', () => {
  it('sends method, headers and body with fetch and parses JSON', async () => {
    const server = await startLocalServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"code":200,"data":1}');
    });
    try {
      const res = await createNodeRuntime().request({
        method: 'POST',
        url: `${server.url}/x`,
        headers: { 'x-a': '1', 'content-type': 'application/json' },
        body: '{"a":1}',
        timeout: 1000,
      });
      expect(res).toEqual({ status: 200, body: { code: 200, data: 1 } });
      expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/x', body: '{"a":1}' });
      expect(server.requests[0]!.headers['x-a']).toBe('1');
    } finally {
      await server.close();
    }
  });

  it('times out a request the server holds longer than timeout', async () => {
    const held = holdRequests();
    const server = await startLocalServer(held.handler); // never answers
    const timeouts = fakeTimeouts();
    try {
      const request = createNodeRuntime().request({
        method: 'GET',
        url: `${server.url}/hang`,
        headers: {},
        timeout: 50,
      });
      const error = await outlast(timeouts, held.arrived, failure(request), 50);
      expect(error).toMatchObject({ kind: 'timeout', code: 504 });
      expect(error.message).toBe(`Timed out after 50 ms: GET ${server.url}/hang`);
    } finally {
      timeouts.restore();
      await server.close();
    }
  });

  it('reports a refused connection as a network error with the cause', async () => {
    const url = await closedPortUrl();
    const error = await failure(
      createNodeRuntime().request({ method: 'GET', url, headers: {}, timeout: 1000 }),
    );
    expect(error).toMatchObject({ kind: 'network', code: 500 });
    expect((error.cause as { message?: string }).message).toBe('fetch failed');
  });

  it('needs login/chooseImage/readFile to be supplied for WeChat-only services', async () => {
    const runtime = createNodeRuntime();
    expect(await failure(runtime.login())).toMatchObject({ kind: 'wechat' });
    expect(await failure(runtime.chooseImage())).toMatchObject({ kind: 'wechat' });
    const upload = runtime.uploadFile({
      url: 'http://x',
      filePath: 'a',
      name: 'file',
      headers: {},
      timeout: 1,
    });
    expect(await failure(upload)).toMatchObject({ kind: 'wechat' });
  });

  it('has crypto randomness and in-memory storage', async () => {
    const runtime = createNodeRuntime();
    expect((await runtime.randomBytes!(16)).length).toBe(16);
    expect(runtime.storage.get('k')).toBe('');
    runtime.storage.set('k', { a: 1 });
    expect(runtime.storage.get('k')).toEqual({ a: 1 });
  });
});
