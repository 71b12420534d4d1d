/**
 * Over TLS too, a body the answer did not need (here 4 MiB to a route that ignores it, with
 * `Connection: close`) never costs the client its answer: the connection lingers, then closes.
 */
import { connect } from 'node:tls';

import { createMockServer } from '../../src';

const mock = createMockServer({ tls: { generate: true }, log: () => undefined });
beforeAll(() => mock.start(0));
afterAll(() => mock.stop());

const BIG = Buffer.alloc(4 * 1024 * 1024, 'a');

it.each(['close', 'keep-alive'])('answers whole with Connection: %s', async (connection) => {
  const { port } = new URL(mock.url);
  const { text, error } = await new Promise<{ text: string; error?: string }>((resolve) => {
    const socket = connect({ port: Number(port), host: '127.0.0.1', ca: mock.certificate!.pem });
    const chunks: Buffer[] = [];
    let error: string | undefined;
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (
        connection === 'keep-alive' &&
        /\r\n\r\n\{.*\}$/s.test(Buffer.concat(chunks).toString())
      ) {
        socket.end();
      }
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString(), error }));
    socket.write(
      `POST /sns/jscode2session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nConnection: ${connection}\r\nContent-Length: ${BIG.length}\r\n\r\n`,
    );
    socket.write(BIG);
  });
  expect(error).toBeUndefined();
  expect(text).toMatch(/^HTTP\/1\.1 200 /);
  expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ errcode: 41002 });
});
