'use strict';
/**
 * The malformed requests: for a seed, a deterministic list of cases, each a route of
 * `routes.js` and one way of getting its request wrong (a class). Bodies are sized against
 * `bodyLimit` so that "too large" and "bomb" cases really cross it.
 */
const zlib = require('node:zlib');

const { prng } = require('./prng');

const CHARSETS = [
  'latin1',
  'iso-8859-1',
  'utf-16',
  'utf-7',
  'klingon',
  'UTF-8',
  '',
  '"utf-8"',
  'utf-32le',
  'ascii',
  'gbk',
  'x'.repeat(300),
];
const ENCODINGS = ['gzip', 'br', 'deflate'];
const UNKNOWN_ENCODINGS = [
  'x-foo',
  'compress',
  'gzip, br',
  'GZIP',
  'identity',
  'zstd',
  'gzip;q=1',
  'deflate, gzip',
  ' ',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset',
  'application/json; charset="',
  'application/json;;;',
  ';',
  'application/json; a=b; a=c',
  '*/*',
  'application/octet-stream',
  'image/png',
  'application/json; boundary=x; charset=utf-8',
  'text/html; charset=utf-8',
  'a'.repeat(2000),
];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'];
const BAD_JSON = [
  '{',
  '{"a":',
  '{"a":1,}',
  "{'a':1}",
  '[1,2',
  'NaN',
  'undefined',
  '{"a":1}garbage',
  '\ufeff{"a":1}',
  '{"a":"\u0000"}',
  '{"a":"\\ud800"}',
  '"just a string',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  'null',
  'true',
  '12345678901234567890123456789',
  '[]',
  '""',
];
const WRONG_VALUES = [
  null,
  true,
  0,
  -1,
  1e308,
  -0,
  '',
  ' ',
  [],
  [1, 'a'],
  {},
  { $gt: '' },
  '<script>',
  '../../etc/passwd',
  '\u0000',
  '💥'.repeat(50),
  Number.MAX_SAFE_INTEGER,
  '13800000000',
];

/** Compressed once per process: bombs are slow to build and identical every time. */
const cache = new Map();
function once(key, build) {
  if (!cache.has(key)) cache.set(key, build());
  return cache.get(key);
}

function compress(encoding, buf) {
  if (encoding === 'gzip') return zlib.gzipSync(buf);
  if (encoding === 'deflate') return zlib.deflateSync(buf);
  return zlib.brotliCompressSync(buf);
}

/** A compressed body that expands to `factor` × the body limit: a few KB on the wire. */
function bomb(encoding, limit, factor) {
  return once(`bomb:${encoding}:${limit}:${factor}`, () =>
    compress(encoding, Buffer.alloc(limit * factor, 0x20)),
  );
}

function multipart(boundary, parts, end = true) {
  const chunks = parts.map(
    ({ name, filename, type, data }) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${
        filename === undefined ? '' : `; filename="${filename}"`
      }\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n${data}\r\n`,
  );
  return Buffer.from(chunks.join('') + (end ? `--${boundary}--\r\n` : ''), 'latin1');
}

const PNG_HEAD = '\x89PNG\r\n\x1a\n';

/** Builds one class's request for `route` from the stream `r`. */
const CLASSES = {
  charset(r, route) {
    return {
      headers: { 'content-type': `application/json; charset=${r.pick(CHARSETS)}` },
      body: Buffer.from(JSON.stringify(route.sample ?? { a: 1 })),
    };
  },
  corruptEncoding(r, route) {
    const encoding = r.pick(ENCODINGS);
    const good = compress(encoding, Buffer.from(JSON.stringify(route.sample ?? { a: 1 })));
    const body = r.pick([
      () => r.bytes(r.int(1, 512)),
      () => good.subarray(0, Math.max(1, Math.floor(good.length / 2))),
      () => Buffer.concat([good, r.bytes(r.int(1, 64))]),
      () => {
        const b = Buffer.from(good);
        b[r.int(0, b.length - 1)] ^= 0xff;
        return b;
      },
      () => compress(r.pick(ENCODINGS.filter((e) => e !== encoding)), good),
      () => compress(encoding, Buffer.from(r.pick(BAD_JSON))),
    ])();
    return { headers: { 'content-encoding': encoding, 'content-type': 'application/json' }, body };
  },
  unknownEncoding(r, route) {
    return {
      headers: { 'content-encoding': r.pick(UNKNOWN_ENCODINGS) },
      body: Buffer.from(JSON.stringify(route.sample ?? {})),
    };
  },
  bomb(r, _route, { bodyLimit }) {
    const encoding = r.pick(ENCODINGS);
    return {
      headers: { 'content-encoding': encoding, 'content-type': 'application/json' },
      body: bomb(encoding, bodyLimit, r.pick([2, 16])),
    };
  },
  contentType(r, route) {
    return {
      headers: { 'content-type': r.pick(CONTENT_TYPES) },
      body: Buffer.from(JSON.stringify(route.sample ?? { a: 1 })),
    };
  },
  invalidJson(r) {
    return {
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(r.pick([...BAD_JSON, '['.repeat(r.int(1000, 20000))])),
    };
  },
  wrongTypes(r, route) {
    const sample = route.sample ?? { a: 1 };
    const keys = Object.keys(sample);
    let value;
    if (r.chance(0.2)) value = r.pick(WRONG_VALUES);
    else {
      value = { ...sample };
      for (const key of keys.length ? keys : ['a']) {
        if (r.chance(0.6)) value[key] = r.pick(WRONG_VALUES);
      }
      if (r.chance(0.3)) value[`extra${r.int(0, 9)}`] = r.pick(WRONG_VALUES);
    }
    return {
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(value) ?? 'null'),
    };
  },
  hugeField(r, route, { bodyLimit }) {
    const sample = { ...(route.sample ?? {}) };
    const key = r.pick([...Object.keys(sample), 'query', 'appid', 'code']);
    sample[key] = 'x'.repeat(r.pick([Math.floor(bodyLimit / 2), bodyLimit + 16, bodyLimit * 2]));
    return {
      headers: { 'content-type': 'application/json' },
      body: Buffer.from(JSON.stringify(sample)),
    };
  },
  oversized(r, _route, { bodyLimit, uploadLimit }) {
    return {
      headers: { 'content-type': r.pick(['application/json', 'text/plain']) },
      // Now and then a body far past the socket buffers: the client is still sending when answered.
      body: r.chance(0.05)
        ? once('huge', () => Buffer.alloc(8 * 1024 * 1024, 0x7b))
        : Buffer.alloc(r.pick([bodyLimit + 1, bodyLimit * 4, uploadLimit * 2]), 0x7b),
    };
  },
  method(r, route) {
    const method = r.pick(METHODS.filter((m) => m !== route.method));
    return {
      method,
      headers: r.chance(0.5) ? { 'content-type': 'application/json' } : {},
      body: r.chance(0.5) ? Buffer.from(JSON.stringify(route.sample ?? {})) : Buffer.alloc(0),
    };
  },
  hugeUrl(r) {
    const keys = [
      'appid',
      'secret',
      'js_code',
      'access_token',
      'openid',
      'folder',
      'page',
      'limit',
      'to',
      'path',
    ];
    const parts = [];
    const target = r.int(200, 8000);
    while (parts.join('&').length < target) {
      const key = r.pick([...keys, 'a[b]', 'a[]', '%zz', '__proto__', 'x'.repeat(r.int(1, 200))]);
      const value = r.pick(['', '%', '%E4%B8', 'x'.repeat(r.int(1, 500)), '1', '-1', 'a&b', '%00']);
      parts.push(`${key}=${value}`);
    }
    return { query: parts.join('&').slice(0, 8000), headers: {}, body: Buffer.alloc(0) };
  },
  hugeHeaders(r, route) {
    const headers = {};
    const count = r.int(1, 60);
    for (let i = 0; i < count; i++) headers[`x-fuzz-${i}`] = 'v'.repeat(r.int(1, 150));
    headers[r.pick(['authorization', 'x-authing-userpool-id', 'x-authing-app-id', 'cookie'])] =
      r.pick([
        'Bearer ' + 'a'.repeat(r.int(1, 3000)),
        'undefined',
        'null',
        '',
        'x'.repeat(r.int(1, 3000)),
      ]);
    return { headers, body: Buffer.from(JSON.stringify(route.sample ?? {})) };
  },
  truncatedContent(r, route) {
    const json = JSON.stringify(route.sample ?? { a: 1 });
    return r.pick([
      () => ({
        headers: { 'content-type': 'application/json' },
        body: Buffer.from(json.slice(0, r.int(1, json.length - 1))),
      }),
      () => {
        const gz = zlib.gzipSync(json);
        return {
          headers: { 'content-encoding': 'gzip' },
          body: gz.subarray(0, r.int(1, gz.length - 1)),
        };
      },
      () => ({
        headers: { 'content-type': 'multipart/form-data; boundary=zz' },
        body: multipart(
          'zz',
          [{ name: 'file', filename: 'a.png', type: 'image/png', data: PNG_HEAD }],
          false,
        ),
      }),
    ])();
  },
  abortedBody(r, route) {
    const body = Buffer.from(JSON.stringify(route.sample ?? { a: 1 }).padEnd(r.int(16, 4096), ' '));
    return {
      headers: { 'content-type': 'application/json' },
      body,
      abortAfter: r.int(0, body.length - 1),
    };
  },
  multipart(r, _route, { uploadLimit }) {
    const boundary = r.pick(['zz', 'x'.repeat(70), '----WebKitFormBoundary7MA4YWxkTrZu0gW']);
    const file = (data) => ({
      name: 'file',
      filename: r.pick(['a.png', '', '../../x', '"q"']),
      type: 'image/png',
      data,
    });
    const body = r.pick([
      () => multipart(boundary, [file(PNG_HEAD + 'x'.repeat(uploadLimit + 1))]),
      () => multipart(boundary, [file(PNG_HEAD), file(PNG_HEAD)]),
      () =>
        multipart(
          boundary,
          Array.from({ length: 30 }, (_, i) => ({ name: `f${i}`, data: 'v' })),
        ),
      () => multipart(boundary, [{ name: 'f', data: 'v'.repeat(70 * 1024) }, file(PNG_HEAD)]),
      () => multipart(boundary, [file('not an image')]),
      () => multipart(boundary, [{ name: 'other', data: 'x' }]),
      () => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx`),
      () => Buffer.from('no boundary at all'),
    ])();
    const type = r.chance(0.85)
      ? `multipart/form-data; boundary=${boundary}`
      : r.pick([
          'multipart/form-data',
          `multipart/form-data; boundary=other`,
          'multipart/mixed; boundary=zz',
        ]);
    return { headers: { 'content-type': type }, body };
  },
};

/** The names of the malformation classes, in the order they are drawn. */
const CLASS_NAMES = Object.keys(CLASSES);

/**
 * `count` cases for `routes`, deterministic for `seed`: case i takes route i mod routes and a
 * class drawn from the stream, so every route gets every class many times over a long run.
 * `limits` are the mock's `bodyLimit` and `uploadLimit`.
 */
function generateCases({ seed, count, routes, limits }) {
  const r = prng(seed);
  const cases = [];
  for (let i = 0; i < count; i++) {
    const route = routes[i % routes.length];
    const className =
      CLASS_NAMES[
        (Math.floor(i / routes.length) + r.int(0, CLASS_NAMES.length - 1)) % CLASS_NAMES.length
      ];
    const made = CLASSES[className](r, route, limits);
    cases.push({
      id: i,
      className,
      route,
      method: made.method ?? route.method,
      target: made.query === undefined ? route.path : `${route.path}?${made.query}`,
      headers: made.headers,
      body: made.body,
      abortAfter: made.abortAfter,
      keepAlive: r.chance(0.3),
    });
  }
  return cases;
}

module.exports = { generateCases, CLASS_NAMES };
