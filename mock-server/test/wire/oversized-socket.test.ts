/**
 * Oversized and unread bodies over a real socket: the client always reads a whole answer in its
 * route's wire format, also when it asked to close the connection, never a reset.
 */
import { createMockServer } from '../../src';
import { exchange } from './socket';

const mock = createMockServer({ bodyLimit: 2048, uploadLimit: 64 * 1024, log: () => undefined });
let url: string;
beforeAll(async () => {
  url = await mock.start(0);
});
afterAll(() => mock.stop());

const BIG = Buffer.alloc(4 * 1024 * 1024, 'a');
const BOUNDARY = 'x-fuzz-boundary';
const MULTIPART = Buffer.concat([
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG\r\n\x1a\n`,
  ),
  BIG,
  Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
]);

const CASES: [name: string, head: string, body: Buffer, check: (body: unknown) => void][] = [
  [
    'an oversized GraphQL body',
    'POST /graphql/v2 HTTP/1.1\r\nContent-Type: application/json',
    BIG,
    (b) => expect(b).toMatchObject({ errors: [{ message: { code: 2511 } }], data: null }),
  ],
  [
    'an oversized multipart upload',
    `POST /api/v2/upload?folder=avatar HTTP/1.1\r\nContent-Type: multipart/form-data; boundary=${BOUNDARY}`,
    MULTIPART,
    (b) => expect(b).toMatchObject({ code: 2511, data: { limit: 64 * 1024 } }),
  ],
  [
    'a large body to the upload that is not multipart',
    'POST /api/v2/upload HTTP/1.1\r\nContent-Type: text/plain',
    BIG,
    (b) => expect(b).toMatchObject({ code: 2512 }),
  ],
  [
    'a large body to a route that ignores it',
    'POST /sns/jscode2session HTTP/1.1\r\nContent-Type: application/json',
    BIG,
    (b) => expect(b).toMatchObject({ errcode: 41002 }),
  ],
  [
    'an oversized control body',
    'POST /__mock/v1/clock HTTP/1.1\r\nContent-Type: application/json',
    BIG,
    (b) => expect(b).toMatchObject({ error: 'body_too_large' }),
  ],
  [
    'a large body to an unknown control path',
    'POST /__mock/v1/nope HTTP/1.1',
    BIG,
    (b) => expect(b).toMatchObject({ error: 'not_found' }),
  ],
];

describe.each(['close', 'keep-alive'])('Connection: %s', (connection) => {
  it.each(CASES)('%s gets a whole answer', async (_name, head, body, check) => {
    const answer = await exchange(
      url,
      `${head}\r\nHost: 127.0.0.1\r\nConnection: ${connection}`,
      body,
    );
    expect(answer.error).toBeUndefined();
    expect(answer.complete).toBe(true);
    expect(answer.status).toBeGreaterThan(0);
    expect(answer.status).toBeLessThan(500);
    check(JSON.parse(answer.body));
  });
});
