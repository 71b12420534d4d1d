/**
 * How the mock serves the console: the page at `/` and `/__mock/ui`, hashed assets with their
 * content types, a strict CSP and nosniff, long caching for hashed names only; behind the admin
 * guard; loaded only on the first console request; 503 before a build, the build read once after.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import express from 'express';
import request from 'supertest';

import { createMockServer } from '../../src';
import type * as ConsoleApp from '../../src/console/app';
import { buildConsole } from './build';

let mockLoaded = false;
jest.mock('../../src/console/app', () => {
  mockLoaded = true;
  return jest.requireActual('../../src/console/app');
});

describe('the console as the mock serves it', () => {
  const mock = createMockServer();
  let url: string;
  let assets: string[];
  beforeAll(async () => {
    assets = (await buildConsole()).files.map((f) => f.name.replace(/^assets\//, ''));
    url = await mock.start(0);
  });
  afterAll(() => mock.stop());

  it('loads nothing of the console before its first request', async () => {
    expect((await fetch(`${url}/__mock/v1/clock`)).status).toBe(200);
    expect((await fetch(`${url}/sns/jscode2session`)).status).toBe(200);
    expect(mockLoaded).toBe(false);
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect(mockLoaded).toBe(true);
  });

  it('serves the page at / and /__mock/ui with a strict policy and no caching', async () => {
    for (const path of ['/', '/__mock/ui', '/__mock/ui/']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      const csp = res.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      const html = await res.text();
      expect(html).not.toMatch(/<script>|<script [^>]*>[^<]/);
      for (const name of assets) expect(html).toContain(`/__mock/ui/assets/${name}`);
    }
  });

  it('serves the hashed assets with their types, cached for good', async () => {
    expect(assets.map((n) => n.replace(/-[A-Z0-9]+\./, '-#.')).sort()).toEqual([
      'console-#.css',
      'console-#.js',
    ]);
    for (const name of assets) {
      const res = await fetch(`${url}/__mock/ui/assets/${name}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        name.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8',
      );
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const head = await fetch(`${url}/__mock/ui/assets/${assets[0]}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('answers unknown assets and other methods in the wire formats', async () => {
    for (const path of ['/__mock/ui/assets/nope.js', '/__mock/ui/other']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.json()).toEqual({ error: 'not_found', message: expect.any(String) });
    }
    const post = await fetch(`${url}/`, { method: 'POST' });
    expect(post.status).toBe(404);
    expect(await post.json()).toMatchObject({ error: 'not_found' });
  });

  it('stands behind the admin guard', async () => {
    const host = await request(url).get('/').set('host', 'evil.example');
    expect(host.status).toBe(403);
    expect(host.body).toEqual({ error: 'bad_host', message: expect.any(String) });
    const site = await request(url)
      .get(`/__mock/ui/assets/${assets[0]}`)
      .set('sec-fetch-site', 'cross-site');
    expect(site.status).toBe(403);
    expect(site.body).toEqual({ error: 'cross_origin', message: expect.any(String) });
  });

  /** Serves the console of `dir` alone; resolves to its fetch of a path, and its closer. */
  async function serveDir(dir: string) {
    const { consoleApp } = jest.requireActual<typeof ConsoleApp>('../../src/console/app');
    const server = express().use(consoleApp(mock.context, dir)).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    return {
      get: (path: string) => fetch(`http://127.0.0.1:${port}${path}`),
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('answers 503 console_not_built where no bundle was built, then reads a build once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'console-'));
    const served = await serveDir(dir);
    try {
      const res = await served.get('/');
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ error: 'console_not_built', message: expect.any(String) });
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), '<!doctype html><p>first build</p>');
      writeFileSync(join(dir, 'assets', 'console-A.js'), 'void 0;');
      expect(await (await served.get('/')).text()).toContain('first build');
      // Read once: a later build on disk is not seen by the running console.
      writeFileSync(join(dir, 'index.html'), '<!doctype html><p>second build</p>');
      rmSync(join(dir, 'assets', 'console-A.js'));
      expect(await (await served.get('/')).text()).toContain('first build');
      expect((await served.get('/__mock/ui/assets/console-A.js')).status).toBe(200);
    } finally {
      await served.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
