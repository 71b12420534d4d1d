/** Valid and bad requests of The index, this document, the clock, state, reset, faults and the journal: see `openapi-cases.ts`. */
import { me, noApp, readsNothing, SSE, type RouteCases } from './openapi-case-kit';

/** Keyed as in `CONTROL_ROUTES`. */
export const CORE_CASES: Record<string, RouteCases> = {
  'GET /': {
    valid: [
      { name: 'the index', status: 200 },
      { name: 'under strict, with the unknown-route count', target: 'strict', status: 200 },
    ],
    bad: [{ name: 'an unknown query is ignored', query: { x: '1' }, status: 200 }],
  },
  'GET /openapi.json': {
    valid: [{ name: 'the document', status: 200 }],
    bad: [{ name: 'an unknown query is ignored', query: { x: '1' }, status: 200 }],
  },
  'POST /faults': {
    valid: [
      {
        name: 'a WeChat fault',
        body: { route: 'wechat.jscode2session', errcode: -1 },
        status: 201,
      },
      async (env) => ({
        name: 'a delayed GenAuth fault',
        body: {
          route: 'genauth.loginByEmail',
          errcode: 200,
          times: 2,
          delayMs: 10,
          appid: env.mock.store.fixtures.genauth.apps[0]!.id,
        },
        status: 201,
      }),
    ],
    bad: [
      {
        name: 'an unknown route',
        body: { route: 'wechat.nope', errcode: -1 },
        status: 400,
        error: 'invalid_field',
      },
      {
        name: 'an unknown app',
        body: { route: 'wechat.token', errcode: -1, appid: noApp.appid },
        status: 404,
        error: 'unknown_app',
      },
    ],
  },
  'GET /faults': {
    valid: [
      async (env) => {
        await env.control('POST', '/faults', { route: 'wechat.token', errcode: 45011 });
        return { name: 'one pending', status: 200 };
      },
    ],
    bad: [{ name: 'a query is ignored', query: { route: 'x' }, status: 200 }],
  },
  'DELETE /faults': {
    valid: [
      async (env) => {
        await env.control('POST', '/faults', { route: 'wechat.token', errcode: 45011 });
        return { name: 'one pending', status: 200 };
      },
    ],
    bad: [{ name: 'a body is ignored', body: { all: false }, status: 200 }],
  },
  'GET /clock': readsNothing('the clock', { now: '1' }),
  'POST /clock': {
    valid: [
      { name: 'advance', body: { advanceMs: 60_000 }, status: 200 },
      { name: 'set', body: { now: '2025-06-01T00:00:00Z' }, status: 200 },
    ],
    bad: [
      { name: 'neither', body: {}, status: 400, error: 'invalid_field' },
      { name: 'both', body: { advanceMs: 1, now: 1 }, status: 400, error: 'invalid_field' },
      {
        name: 'a date Date.parse does not read',
        body: { now: 'yesterday' },
        status: 400,
        error: 'invalid_field',
        schemaAllows: true,
      },
    ],
  },
  'GET /state': {
    valid: [
      async (env) => {
        await env.control('POST', '/wechat/login', me);
        await env.control('POST', '/faults', { route: 'wechat.token', errcode: 45011 });
        return { name: 'with a session and a fault', status: 200 };
      },
    ],
    bad: [{ name: 'a query is ignored', query: { part: 'wechat' }, status: 200 }],
  },
  'PUT /state': {
    valid: [
      async (env) => ({
        name: 'its own export',
        body: await env.control('GET', '/state'),
        status: 200,
      }),
    ],
    bad: [
      { name: 'version 2', body: { version: 2 }, status: 400, error: 'invalid_field' },
      { name: 'an array', body: [], status: 400, error: 'invalid_field' },
    ],
  },
  'GET /demo': {
    valid: [{ name: 'the demo tenancy', status: 200 }],
    bad: [{ name: 'fixtures without a pool', target: 'bare', status: 404, error: 'no_demo' }],
  },
  'POST /reset': {
    valid: [
      { name: 'no body', status: 200 },
      { name: 'another seed', body: { seed: 'other' }, status: 200 },
    ],
    bad: [{ name: 'seed true', body: { seed: true }, status: 400, error: 'invalid_field' }],
  },
  'GET /requests': {
    valid: [
      async (env) => {
        await env.request('GET', '/sns/jscode2session?appid=x');
        await env.request('POST', '/cgi-bin/stable_token', { pad: 'x'.repeat(20_000) });
        return { name: 'two entries, one truncated', status: 200 };
      },
      async (env) => {
        await env.request('GET', '/sns/jscode2session?appid=x');
        return {
          name: 'filtered',
          query: { method: 'get', path: '/sns/jscode2session' },
          status: 200,
        };
      },
    ],
    bad: [
      { name: 'an unknown filter is ignored', query: { status: '200' }, status: 200 },
      { name: 'after -1', query: { after: '-1' }, status: 400, error: 'invalid_field' },
    ],
  },
  'DELETE /requests': readsNothing('clear', { path: '/x' }),
  'GET /requests/events': {
    valid: [
      async (env) => {
        await env.request('GET', '/cgi-bin/token');
        await env.request('GET', '/wxa/checksession');
        return { name: 'the backlog', query: { after: '0' }, headers: SSE, events: 2, status: 200 };
      },
      async (env) => {
        await env.request('GET', '/cgi-bin/token');
        return {
          name: 'a reconnect',
          headers: { ...SSE, 'last-event-id': '0' },
          events: 1,
          status: 200,
        };
      },
      { name: 'from the newest', headers: SSE, events: 0, status: 200 },
    ],
    bad: [
      { name: 'no Accept', status: 406, error: 'not_acceptable' },
      {
        name: 'after "x"',
        query: { after: 'x' },
        headers: SSE,
        status: 400,
        error: 'invalid_field',
      },
      {
        name: 'after past the largest safe integer',
        query: { after: '9999999999999999' },
        headers: SSE,
        status: 400,
        error: 'invalid_field',
      },
      async (env) => {
        const followers = await Promise.all(Array.from({ length: 16 }, () => env.follow()));
        return {
          name: 'a seventeenth follower',
          headers: SSE,
          status: 503,
          error: 'too_many_subscribers',
          cleanup: async () => {
            await Promise.all(followers.map((close) => close()));
          },
        };
      },
    ],
  },
};
