/**
 * `GET /__mock/v1/openapi.json`: a well-formed OpenAPI 3.1 document of exactly the routes of
 * `CONTROL_ROUTES`, kept true by real answers. Every operation gets the valid and bad requests
 * of `openapi-cases.ts`, a foreign `Host`, and (with a body) unreadable bodies, over HTTP; each
 * answer's status must be documented for it and its body must validate (Ajv, strict) against
 * the documented schema, and every documented status but 401 must be met. The 401 is met from
 * this machine's own non-loopback address, when it has one.
 */
import { request as httpRequest } from 'node:http';
import { networkInterfaces } from 'node:os';

import Ajv2020 from 'ajv/dist/2020';

import { CONTROL_ROUTES, createMockServer, fixedClock } from '../../src';
import type * as Src from '../../src';
import { templateOf } from '../../src/control/openapi/document';
import { CASES, type Case, type CaseEnv, type CaseSpec, type RouteCases } from './openapi-cases';
import { SchemaChecker, deref, refsOf, resolvePointer, send, type Answer } from './openapi-check';
import { OperationChecks, eventsIn } from './openapi-answers';
import { OPENAPI_31_STRUCTURE } from './openapi-meta';

type Json = Record<string, unknown>;

const T0 = Date.UTC(2024, 0, 1);
const mock = createMockServer({ clock: fixedClock(T0), bodyLimit: 64 * 1024 });
const bare = (() => {
  const fixtures = structuredClone(mock.store.fixtures);
  fixtures.genauth.pools = [];
  return createMockServer({ clock: fixedClock(T0), fixtures });
})();
const strict = createMockServer({ clock: fixedClock(T0), strict: true, log: () => undefined });
const targets = { main: mock, bare, strict };

let doc: Json & { paths: Record<string, Record<string, Json>>; components: Json };
let checker: SchemaChecker;
let checks: OperationChecks;

beforeAll(async () => {
  await Promise.all([mock.start(0), bare.start(0), strict.start(0)]);
  const res = await send(mock.url, { method: 'GET', path: '/__mock/v1/openapi.json' });
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  doc = JSON.parse(res.text) as typeof doc;
  checker = new SchemaChecker((doc.components['schemas'] ?? {}) as Json);
  checks = new OperationChecks(doc, checker);
});
afterAll(() => Promise.all([mock.stop(), bare.stop(), strict.stop()]));

/** Every documented operation: `"GET /wechat/users"` (the path as a template) and its object. */
const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      op,
    })),
  );

/** `"GET /genauth/users/:id"` as the document names it: `"GET /genauth/users/{id}"`. */
const asDocumented = (key: string) => key.replace(/ .*/, (path) => templateOf(path));

/** The routes, keyed as the document names them. */
const routeKeys = () => CONTROL_ROUTES.map((r) => asDocumented(`${r.method} ${r.path}`));

/** The cases of an operation, by its documented key. */
const casesOf = (key: string): RouteCases | undefined =>
  Object.entries(CASES).find(([k]) => asDocumented(k) === key)?.[1];

describe('the document', () => {
  it('is an OpenAPI 3.1 document of the structure it defines', () => {
    const check = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(
      OPENAPI_31_STRUCTURE,
    );
    expect(check(doc) ? [] : check.errors).toEqual([]);
    expect(doc['openapi']).toBe('3.1.0');
    expect(doc['servers']).toEqual([{ url: '/__mock/v1', description: expect.any(String) }]);
  });

  it('resolves every $ref', () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(50);
    expect(refs.filter((r) => resolvePointer(doc, r.ref) === undefined)).toEqual([]);
  });

  it('holds only valid, strict JSON Schemas', () => {
    for (const name of Object.keys(doc.components['schemas'] as Json)) {
      expect(() => checker.validator({ $ref: `#/components/schemas/${name}` })).not.toThrow();
    }
    for (const { key, op } of operations()) {
      const schemas = [
        ...((op['parameters'] ?? []) as Json[]).map((p) => p['schema']),
        ...Object.values(deref(doc, op['requestBody'])?.['content'] ?? {}).map((m) => m.schema),
        ...Object.values(op['responses'] as Json).flatMap((r) =>
          Object.values((deref(doc, r)['content'] ?? {}) as Json).flatMap((m) =>
            [(m as Json)['schema'], (m as Json)['x-event-data']].filter((x) => x !== undefined),
          ),
        ),
      ];
      for (const schema of schemas) {
        expect({ key, error: compileError(schema) }).toEqual({ key, error: undefined });
      }
    }
  });

  it('names each operation once, its path parameters as its path does, and the guard', () => {
    const ids = operations().map(({ op }) => op['operationId']);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { key, path, op } of operations()) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = ((op['parameters'] ?? []) as Json[])
        .filter((p) => p['in'] === 'path')
        .map((p) => p['name'])
        .sort();
      expect({ key, declared }).toEqual({ key, declared: inPath });
      const responses = op['responses'] as Json;
      expect({ key, guard: [responses['401'], responses['403']] }).toEqual({
        key,
        guard: [
          { $ref: '#/components/responses/AdminUnauthorized' },
          { $ref: '#/components/responses/AdminForbidden' },
        ],
      });
    }
    expect(doc['security']).toEqual([{}, { adminToken: [] }]);
    expect((doc.components['securitySchemes'] as Json)['adminToken']).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
  });

  it('documents every control route, and nothing else', () => {
    const documented = operations().map((o) => o.key);
    const routes = routeKeys();
    // A route listed here is undocumented: add it to its area in src/control/openapi.
    expect(routes.filter((k) => !documented.includes(k))).toEqual([]);
    expect(documented.filter((k) => !routes.includes(k))).toEqual([]);
    for (const { key, op } of operations()) {
      const route = CONTROL_ROUTES.find((r) => asDocumented(`${r.method} ${r.path}`) === key);
      expect(op['summary']).toBe(route?.summary);
    }
  });

  it('gives every documented route valid and bad requests to check it with', () => {
    const documented = operations().map((o) => o.key);
    const missing = documented.filter((k) => !casesOf(k)?.valid.length || !casesOf(k)?.bad.length);
    // A route listed here has no requests in openapi-cases.ts.
    expect(missing).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !documented.includes(asDocumented(k)))).toEqual([]);
  });
});

/** Why `schema` does not compile strictly, or undefined. */
function compileError(schema: unknown): string | undefined {
  try {
    checker.validator(schema);
    return undefined;
  } catch (err) {
    return String(err);
  }
}

const env: CaseEnv = {
  mock,
  async control(method, path, body) {
    const res = await send(mock.url, {
      method,
      path: `/__mock/v1${path}`,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return JSON.parse(res.text) as unknown;
  },
  async request(method, path, body, headers = {}) {
    const json = body === undefined ? {} : { body: JSON.stringify(body) };
    const ct: Record<string, string> =
      body === undefined ? {} : { 'content-type': 'application/json' };
    return (await send(mock.url, { method, path, headers: { ...ct, ...headers }, ...json })).status;
  },
  follow: () => follow(mock.url),
};

/** An event stream of the journal held open; resolves, once it is open, to what closes it. */
function follow(base: string): Promise<() => Promise<void>> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: '/__mock/v1/requests/events',
        headers: { accept: 'text/event-stream' },
      },
      (res) => {
        res.once('data', () =>
          resolve(
            () =>
              new Promise<void>((closed) => {
                res.once('close', () => closed());
                req.destroy();
              }),
          ),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** The cases the test adds to every operation: a foreign Host, and unreadable bodies. */
function generalCases(op: Json): Case[] {
  const cases: Case[] = [
    { name: 'a foreign Host', headers: { host: 'evil.example' }, status: 403, error: 'bad_host' },
  ];
  const body = op['requestBody'] as Json | undefined;
  if (!body) return cases;
  const limit = (body['x-max-body-bytes'] as number | undefined) ?? mock.context.options.bodyLimit;
  cases.push(
    { name: 'JSON cut short', raw: '{"a":', status: 400, error: 'invalid_json' },
    {
      name: 'gzip that is not',
      raw: '{}',
      headers: { 'content-encoding': 'gzip' },
      status: 400,
      error: 'invalid_body',
    },
    {
      name: 'a body over the limit',
      raw: '{',
      padTo: limit + 1,
      status: 413,
      error: 'body_too_large',
    },
    {
      name: 'Latin-1',
      raw: '{}',
      headers: { 'content-type': 'application/json; charset=latin1' },
      status: 415,
      error: 'unsupported_charset',
    },
    {
      name: 'an unknown encoding',
      raw: '{}',
      headers: { 'content-encoding': 'compress' },
      status: 415,
      error: 'unsupported_encoding',
    },
  );
  return cases;
}

/** Sends `c` to the operation `method path` on its mock. */
function sendCase(method: string, path: string, c: Case): Promise<Answer> {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) =>
    encodeURIComponent(c.params?.[name] ?? 'x'),
  );
  const query = c.query ? `?${new URLSearchParams(c.query).toString()}` : '';
  const target = targets[c.target ?? 'main'];
  const body = c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body));
  return send(target.url, {
    method,
    path: `/__mock/v1${filled === '/' ? '' : filled}${query}`,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...c.headers,
    },
    ...(body === undefined ? {} : { body }),
    ...(c.padTo === undefined ? {} : { padTo: c.padTo }),
    ...(c.events === undefined ? {} : { until: (text: string) => eventsIn(text) >= c.events! }),
  });
}

describe('every operation answers as documented', () => {
  // Resolved at run time: the document is fetched in beforeAll.
  const keys = routeKeys();

  it.each(keys)(
    '%s',
    async (key) => {
      const found = operations().find((o) => o.key === key);
      if (!found) throw new Error(`${key} is not documented`);
      const { method, path, op } = found;
      const cases = casesOf(key);
      const specs: CaseSpec[] = [
        ...(cases?.valid ?? []),
        ...(cases?.bad ?? []),
        ...generalCases(op),
      ];
      const valid = new Set<CaseSpec>(cases?.valid ?? []);
      const met = new Set<string>();
      for (const spec of specs) {
        mock.reset();
        mock.clock.reset();
        const c = typeof spec === 'function' ? await spec(env) : spec;
        const answer = await sendCase(method, path, c);
        await c.cleanup?.();
        const body = (() => {
          try {
            return JSON.parse(answer.text) as Json;
          } catch {
            return undefined;
          }
        })();
        expect({ case: c.name, status: answer.status, error: body?.['error'] }).toEqual({
          case: c.name,
          status: c.status,
          error: c.error,
        });
        expect({ case: c.name, problems: checks.answerProblems(op, answer) }).toEqual({
          case: c.name,
          problems: [],
        });
        if (valid.has(spec)) {
          expect({ case: c.name, problems: checks.requestProblems(op, c) }).toEqual({
            case: c.name,
            problems: [],
          });
        }
        if (!valid.has(spec) && c.error === 'invalid_field' && c.body !== undefined) {
          // A body the route refuses field by field is one its documented schema refuses too.
          expect({ case: c.name, refused: checks.requestProblems(op, c).length > 0 }).toEqual({
            case: c.name,
            refused: c.schemaAllows !== true,
          });
        }
        met.add(String(answer.status));
        if (c.error !== undefined) met.add(`${answer.status} ${c.error}`);
      }
      // A status or error code listed here is documented but no request gets it.
      expect(checks.unmetAnswers(op, met)).toEqual([]);
    },
    60_000,
  );
});

/** This machine's own address that is not loopback, when it has one. */
const ownAddress = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
if (!ownAddress) console.warn('openapi: no non-loopback address; the 401 answer goes unchecked');

(ownAddress ? describe : describe.skip)('the admin token, from a non-loopback address', () => {
  const TOKEN = 'openapi-admin-token';
  const guarded = createMockServer({ host: '0.0.0.0', clock: fixedClock(T0), adminToken: TOKEN });
  beforeAll(() => guarded.start(0));
  afterAll(() => guarded.stop());

  it('answers 401 as documented without the token, and the route with it', async () => {
    const base = `http://${ownAddress}:${new URL(guarded.url).port}`;
    const op = doc.paths['/clock']!['get']!;
    const refused = await send(base, { method: 'GET', path: '/__mock/v1/clock' });
    expect(refused.status).toBe(401);
    expect(refused.headers['www-authenticate']).toBe('Bearer');
    expect(checks.answerProblems(op, refused)).toEqual([]);
    const served = await send(base, {
      method: 'GET',
      path: '/__mock/v1/clock',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(served.status).toBe(200);
    expect(checks.answerProblems(op, served)).toEqual([]);
  });
});

describe('GET /__mock/v1/openapi.json itself', () => {
  it('answers a wrong method with 404 not_found, in the control format', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await send(mock.url, { method, path: '/__mock/v1/openapi.json', body: '{}' });
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual({
        error: 'not_found',
        message: `No route for ${method} /__mock/v1/openapi.json`,
        path: '/__mock/v1/openapi.json',
      });
    }
  });

  it('is built on the first request, not when the mock starts', async () => {
    const loaded: string[] = [];
    await jest.isolateModulesAsync(async () => {
      jest.doMock('../../src/control/openapi/document', () => {
        loaded.push('document');
        return jest.requireActual('../../src/control/openapi/document') as unknown;
      });
      const fresh = (jest.requireActual('../../src') as typeof Src).createMockServer();
      await fresh.start(0);
      try {
        await send(fresh.url, { method: 'GET', path: '/__mock/v1/clock' });
        expect(loaded).toEqual([]);
        const first = await send(fresh.url, { method: 'GET', path: '/__mock/v1/openapi.json' });
        const again = await send(fresh.url, { method: 'GET', path: '/__mock/v1/openapi.json' });
        expect(loaded).toEqual(['document']);
        expect(again.text).toBe(first.text);
        expect(JSON.parse(first.text)).toEqual(doc);
      } finally {
        await fresh.stop();
      }
    });
  });
});
