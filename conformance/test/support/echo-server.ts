import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';

import express from 'express';
import multer from 'multer';

/** What the echo server saw. */
export interface Echo {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  body: unknown;
  files?: {
    fieldname: string;
    originalname: string;
    mimetype: string;
    size: number;
    base64: string;
  }[];
}

/** The echo server, started. */
export interface EchoServer {
  url: string;
  /** Resolves when the next request reaches `/stall` (it is then held, never answered). */
  nextStall(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A small HTTP server that answers each request with what it received (JSON, form, multipart
 * parsed by multer), plus `/stall` (any method, never answers) and `/text` (a non-JSON body). It
 * tests the bridge's transport in isolation from the mock's own routes.
 */
export async function startEchoServer(): Promise<EchoServer> {
  const app = express();
  app.set('query parser', 'simple');
  const stallWaiters: (() => void)[] = [];
  app.all('/stall', () => {
    for (const arrived of stallWaiters.splice(0)) arrived();
  });
  app.get('/text', (_req, res) => void res.type('text/plain').send('plain words'));
  app.get('/cookie', (_req, res) => void res.cookie('sid', 'abc').json({ ok: true }));
  app.use(
    express.json(),
    express.urlencoded({ extended: false }),
    express.text({ type: 'text/*' }),
  );
  app.all('/{*rest}', multer({ storage: multer.memoryStorage() }).any(), (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined)?.map((f) => ({
      fieldname: f.fieldname,
      originalname: f.originalname,
      mimetype: f.mimetype,
      size: f.size,
      base64: f.buffer.toString('base64'),
    }));
    const echo: Echo = {
      method: req.method,
      path: req.path,
      query: req.query as Record<string, unknown>,
      headers: req.headers,
      body: req.body as unknown,
      ...(files ? { files } : {}),
    };
    res.status(req.path === '/status/418' ? 418 : 200).json(echo);
  });
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    nextStall: () => new Promise<void>((resolve) => stallWaiters.push(resolve)),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
