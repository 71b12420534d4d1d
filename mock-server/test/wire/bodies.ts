/** Bodies a parser cannot read, one per class, and a snapshot of the state they must not change. */
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

import type { MockServer } from '../../src';

/** The body limit of the mocks in these tests. */
export const LIMIT = 4096;

/** The whole state, clock excluded. */
export const stateOf = (mock: MockServer) => JSON.stringify({ ...mock.store.snapshot(), now: 0 });

/** A bad body: its headers and bytes. */
export interface BadBody {
  headers: Record<string, string>;
  body: Buffer;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/**
 * One bad body per class, built around `valid` (a body the route would accept or refuse on its
 * merits): an unsupported charset, an unknown and a corrupt `Content-Encoding`, a truncated
 * gzip stream, a bomb (a few KB that expand past {@link LIMIT}), a body over the limit, and
 * invalid JSON.
 */
export function badBodies(valid: object): Record<string, BadBody> {
  const type = { 'content-type': 'application/json' };
  const gz = gzipSync(json(valid));
  return {
    charset: { headers: { 'content-type': 'application/json; charset=latin1' }, body: json(valid) },
    'unknown encoding': { headers: { ...type, 'content-encoding': 'x-foo' }, body: json(valid) },
    'corrupt gzip': {
      headers: { ...type, 'content-encoding': 'gzip' },
      body: Buffer.from('not gzip'),
    },
    'corrupt br': { headers: { ...type, 'content-encoding': 'br' }, body: Buffer.from('not br') },
    'corrupt deflate': {
      headers: { ...type, 'content-encoding': 'deflate' },
      body: deflateSync(json(valid)).subarray(2),
    },
    'truncated gzip': {
      headers: { ...type, 'content-encoding': 'gzip' },
      body: gz.subarray(0, 12),
    },
    'gzip bomb': {
      headers: { ...type, 'content-encoding': 'gzip' },
      body: gzipSync(Buffer.alloc(LIMIT * 64, 0x20)),
    },
    'br bomb': {
      headers: { ...type, 'content-encoding': 'br' },
      body: brotliCompressSync(Buffer.alloc(LIMIT * 64, 0x20)),
    },
    'too large': { headers: type, body: json({ ...valid, pad: 'x'.repeat(LIMIT) }) },
    'invalid JSON': { headers: type, body: Buffer.from('{"a":') },
  };
}
