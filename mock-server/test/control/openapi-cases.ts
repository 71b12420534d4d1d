/**
 * Real requests for every documented control route, valid and bad, with the status each must
 * answer: `openapi.test.ts` sends them and validates the answers against the document. Keyed
 * `"<METHOD> <path>"` as in `CONTROL_ROUTES`. The test adds, for every route, a foreign `Host`
 * (403) and, for routes with a body, unreadable bodies (400, 413, 415).
 */
import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import type { MockServer } from '../../src';

/** A request to the route under test. */
export interface CaseRequest {
  /** Values of the path's `{name}` segments. */
  params?: Record<string, string>;
  query?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is instead of `body`. */
  raw?: string;
  /** Sends `raw`, then spaces up to this many bytes in all. */
  padTo?: number;
  /** `bare`: a mock whose fixtures have no GenAuth user pool. */
  target?: 'main' | 'bare';
  /** An event stream: read until this many `request` events have come, then hang up. */
  events?: number;
}

/** A request and what it must answer. */
export interface Case extends CaseRequest {
  name: string;
  status: number;
  /** The `error` of a failure. */
  error?: string;
  /** Undoes what the case's setup left open. */
  cleanup?: () => Promise<void>;
}

/** What a case may use to set the state up first. */
export interface CaseEnv {
  mock: MockServer;
  /** A control request (`/__mock/v1` + path) on the main mock; its parsed answer. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  /** Any request on the main mock (`path` with its query); its status. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<number>;
  /** Opens a journal event stream and keeps it open; resolves to what closes it. */
  follow(): Promise<() => Promise<void>>;
}

export type CaseSpec = Case | ((env: CaseEnv) => Promise<Case>);

/** A route's cases: at least one valid and one bad (besides the test's own). */
export interface RouteCases {
  valid: CaseSpec[];
  bad: CaseSpec[];
}

const me = { appid: DEMO_APPID, openid: DEMO_OPENID };
const nobody = { appid: DEMO_APPID, openid: 'oNobodyAtAll' };
const noApp = { appid: 'wx0000000000000000', openid: DEMO_OPENID };

/** A user of the demo app without a phone number, made by the control surface. */
async function phonelessUser(env: CaseEnv): Promise<string> {
  const res = (await env.control('POST', '/wechat/users', { appid: DEMO_APPID, phone: null })) as {
    user: { openid: string };
  };
  return res.user.openid;
}

const poolOf = (env: CaseEnv) => env.mock.store.fixtures.genauth.pools[0]!.id;

/** The accounts of the demo pool with an e-mail. */
const accountsOf = (env: CaseEnv) =>
  env.mock.store.fixtures.genauth.accounts.filter((a) => a.poolId === poolOf(env) && a.email);

/** Sends an SMS code from the demo pool to `phone`. */
async function sendSms(env: CaseEnv, phone: string): Promise<void> {
  const g = env.mock.store.fixtures.genauth;
  const pool = poolOf(env);
  const app = g.apps.find((a) => a.poolId === pool)!.id;
  const headers = { 'x-authing-userpool-id': pool, 'x-authing-app-id': app };
  await env.request('POST', '/api/v2/sms/send', { phone }, headers);
}

const SSE = { accept: 'text/event-stream' };

/** The route-specific cases of every documented route. */
export const CASES: Record<string, RouteCases> = {
  'GET /': {
    valid: [{ name: 'the index', status: 200 }],
    bad: [{ name: 'an unknown query is ignored', query: { x: '1' }, status: 200 }],
  },
  'GET /openapi.json': {
    valid: [{ name: 'the document', status: 200 }],
    bad: [{ name: 'an unknown query is ignored', query: { x: '1' }, status: 200 }],
  },
  'POST /wechat/login': {
    valid: [
      { name: 'a new user', body: { appid: DEMO_APPID }, status: 200 },
      { name: 'three codes', body: { ...me, count: 3 }, status: 200 },
    ],
    bad: [
      { name: 'count 0', body: { ...me, count: 0 }, status: 400, error: 'invalid_field' },
      { name: 'no appid', body: {}, status: 400, error: 'invalid_field' },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
      { name: 'an unknown user', body: nobody, status: 404, error: 'unknown_user' },
    ],
  },
  'POST /wechat/user-info': {
    valid: [{ name: 'the demo user', body: me, status: 200 }],
    bad: [
      { name: 'no openid', body: { appid: DEMO_APPID }, status: 400, error: 'invalid_field' },
      { name: 'an unknown user', body: nobody, status: 404, error: 'unknown_user' },
    ],
  },
  'POST /wechat/phone-number': {
    valid: [
      { name: 'fast-verify', body: me, status: 200 },
      { name: 'real-time', body: { ...me, realtime: true }, status: 200 },
      async (env) => {
        await env.control('POST', '/wechat/quota', {
          appid: DEMO_APPID,
          fastVerify: { used: 1000 },
        });
        return { name: 'no quota', body: { ...me, realtime: false }, status: 200 };
      },
    ],
    bad: [
      { name: 'realtime "x"', body: { ...me, realtime: 'x' }, status: 400, error: 'invalid_field' },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
      async (env) => ({
        name: 'a user without a phone',
        body: { appid: DEMO_APPID, openid: await phonelessUser(env) },
        status: 409,
        error: 'no_phone',
      }),
      async (env) => {
        await env.control('POST', '/wechat/quota', {
          appid: DEMO_APPID,
          fastVerify: { used: 1000 },
        });
        return { name: 'no quota left', body: me, status: 409, error: 'no_quota' };
      },
    ],
  },
  'POST /wechat/quota': {
    valid: [
      { name: 'a change', body: { appid: DEMO_APPID, fastVerify: { used: 1 } }, status: 200 },
    ],
    bad: [
      {
        name: 'an unknown field',
        body: { appid: DEMO_APPID, fastVerify: { spent: 1 } },
        status: 400,
        error: 'invalid_field',
      },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
    ],
  },
  'GET /wechat/quota': {
    valid: [{ name: 'the demo app', query: { appid: DEMO_APPID }, status: 200 }],
    bad: [
      { name: 'no appid', status: 400, error: 'invalid_field' },
      { name: 'an unknown app', query: { appid: noApp.appid }, status: 404, error: 'unknown_app' },
    ],
  },
  'POST /wechat/plugin-login': {
    valid: [{ name: 'a plugin code', body: { ...me, pluginAppid: DEMO_APPID }, status: 200 }],
    bad: [
      { name: 'no pluginAppid', body: me, status: 400, error: 'invalid_field' },
      {
        name: 'an unknown plugin',
        body: { ...me, pluginAppid: noApp.appid },
        status: 404,
        error: 'unknown_app',
      },
    ],
  },
  'POST /wechat/payments': {
    valid: [
      { name: 'minted ids', body: me, status: 201 },
      {
        name: 'given ids',
        body: { ...me, transactionId: 'tx-1', mchId: 'm', outTradeNo: 'o' },
        status: 201,
      },
    ],
    bad: [
      { name: 'an empty mchId', body: { ...me, mchId: '' }, status: 400, error: 'invalid_field' },
      { name: 'an unknown user', body: nobody, status: 404, error: 'unknown_user' },
    ],
  },
  'POST /wechat/user-key': {
    valid: [{ name: 'the demo user', body: me, status: 200 }],
    bad: [
      { name: 'openid 1', body: { ...me, openid: 1 }, status: 400, error: 'invalid_field' },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
    ],
  },
  'POST /wechat/users': {
    valid: [
      { name: 'a new user', body: { appid: DEMO_APPID, nickName: 'N' }, status: 201 },
      { name: 'an update', body: { ...me, city: 'Hangzhou' }, status: 200 },
    ],
    bad: [
      { name: 'gender 5', body: { ...me, gender: 5 }, status: 400, error: 'invalid_field' },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
    ],
  },
  'POST /wechat/users/bulk': {
    valid: [
      { name: 'by count', body: { appid: DEMO_APPID, count: 2, returnIds: true }, status: 201 },
      {
        name: 'by spec',
        body: { appid: DEMO_APPID, users: [{ nickName: 'A', phone: '13800138000' }] },
        status: 201,
      },
    ],
    bad: [
      {
        name: 'neither count nor users',
        body: { appid: DEMO_APPID },
        status: 400,
        error: 'invalid_field',
      },
      {
        name: 'an unknown app',
        body: { appid: noApp.appid, count: 1 },
        status: 404,
        error: 'unknown_app',
      },
      {
        name: 'a taken openid',
        body: { appid: DEMO_APPID, users: [{ openid: DEMO_OPENID }] },
        status: 409,
        error: 'user_exists',
      },
    ],
  },
  'GET /wechat/users': {
    valid: [{ name: 'a page', query: { appid: DEMO_APPID, limit: '2' }, status: 200 }],
    bad: [
      {
        name: 'limit 0',
        query: { appid: DEMO_APPID, limit: '0' },
        status: 400,
        error: 'invalid_field',
      },
      { name: 'an unknown app', query: { appid: noApp.appid }, status: 404, error: 'unknown_app' },
      async (env) => {
        const all = (await env.control('GET', `/wechat/users?appid=${DEMO_APPID}&limit=1000`)) as {
          users: unknown[];
        };
        await env.control('POST', '/wechat/users/bulk', { appid: DEMO_APPID, count: 2 });
        const page = (await env.control(
          'GET',
          `/wechat/users?appid=${DEMO_APPID}&limit=${all.users.length + 1}`,
        )) as { nextCursor: string };
        await env.control('POST', '/reset', {});
        return {
          name: 'a cursor after a user that is gone',
          query: { appid: DEMO_APPID, cursor: page.nextCursor },
          status: 410,
          error: 'stale_cursor',
        };
      },
    ],
  },
  'GET /wechat/sessions': {
    valid: [
      { name: 'no live session', query: me, status: 200 },
      async (env) => {
        await env.control('POST', '/wechat/login', me);
        return { name: 'a live session', query: me, status: 200 };
      },
    ],
    bad: [
      { name: 'no openid', query: { appid: DEMO_APPID }, status: 400, error: 'invalid_field' },
      { name: 'an unknown user', query: nobody, status: 404, error: 'unknown_user' },
    ],
  },
  'POST /wechat/sessions/expire': {
    valid: [{ name: 'the demo user', body: me, status: 200 }],
    bad: [
      { name: 'no appid', body: { openid: DEMO_OPENID }, status: 400, error: 'invalid_field' },
      { name: 'an unknown app', body: noApp, status: 404, error: 'unknown_app' },
    ],
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
  'GET /clock': {
    valid: [{ name: 'the clock', status: 200 }],
    bad: [{ name: 'a query is ignored', query: { now: '1' }, status: 200 }],
  },
  'POST /clock': {
    valid: [
      { name: 'advance', body: { advanceMs: 60_000 }, status: 200 },
      { name: 'set', body: { now: '2025-06-01T00:00:00Z' }, status: 200 },
    ],
    bad: [
      { name: 'neither', body: {}, status: 400, error: 'invalid_field' },
      { name: 'both', body: { advanceMs: 1, now: 1 }, status: 400, error: 'invalid_field' },
      { name: 'a bad date', body: { now: 'yesterday' }, status: 400, error: 'invalid_field' },
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
  'DELETE /requests': {
    valid: [{ name: 'clear', status: 200 }],
    bad: [{ name: 'a query is ignored', query: { path: '/x' }, status: 200 }],
  },
  'GET /messages': {
    valid: [
      async (env) => {
        await sendSms(env, '13912345678');
        return { name: 'one SMS', query: { to: '13912345678', pool: poolOf(env) }, status: 200 };
      },
    ],
    bad: [{ name: 'no to', status: 400, error: 'invalid_field' }],
  },
  'GET /messages/recent': {
    valid: [
      async (env) => {
        await sendSms(env, '13912345678');
        await sendSms(env, '13912345679');
        return { name: 'two SMS', query: { limit: '5' }, status: 200 };
      },
      async (env) => ({ name: 'of one pool', query: { pool: poolOf(env) }, status: 200 }),
    ],
    bad: [{ name: 'limit 0', query: { limit: '0' }, status: 400, error: 'invalid_field' }],
  },
  'GET /genauth/pools': {
    valid: [{ name: 'every pool', status: 200 }],
    bad: [{ name: 'a query is ignored', query: { id: 'x' }, status: 200 }],
  },
  'GET /genauth/users/:id': {
    valid: [
      async (env) => ({
        name: 'a demo account',
        params: { id: accountsOf(env)[0]!.id },
        status: 200,
      }),
    ],
    bad: [{ name: 'an unknown id', params: { id: 'nope' }, status: 404, error: 'unknown_user' }],
  },
  'PATCH /genauth/users/:id': {
    valid: [
      async (env) => ({
        name: 'a new nickname, blocked',
        params: { id: accountsOf(env)[0]!.id },
        body: { nickname: 'Renamed', blocked: true, phone: null },
        status: 200,
      }),
    ],
    bad: [
      async (env) => ({
        name: 'nothing to change',
        params: { id: accountsOf(env)[0]!.id },
        body: {},
        status: 400,
        error: 'invalid_field',
      }),
      {
        name: 'an unknown id',
        params: { id: 'nope' },
        body: { nickname: 'x' },
        status: 404,
        error: 'unknown_user',
      },
      async (env) => {
        const poolId = poolOf(env);
        await env.control('POST', '/genauth/users/bulk', {
          poolId,
          users: [{ email: 'taken@example.com' }],
        });
        return {
          name: 'a taken e-mail',
          params: { id: accountsOf(env)[0]!.id },
          body: { email: 'taken@example.com' },
          status: 409,
          error: 'user_exists',
        };
      },
    ],
  },
  'DELETE /genauth/users/:id': {
    valid: [
      async (env) => ({
        name: 'a demo account',
        params: { id: accountsOf(env)[0]!.id },
        status: 200,
      }),
    ],
    bad: [{ name: 'an unknown id', params: { id: 'nope' }, status: 404, error: 'unknown_user' }],
  },
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
  'POST /genauth/users/bulk': {
    valid: [
      async (env) => ({
        name: 'two accounts',
        body: {
          poolId: poolOf(env),
          returnIds: true,
          users: [{ email: 'bulk1@example.com', password: 'bulk-pass-1' }, { username: 'bulk2' }],
        },
        status: 201,
      }),
    ],
    bad: [
      async (env) => ({
        name: 'no users',
        body: { poolId: poolOf(env), users: [] },
        status: 400,
        error: 'invalid_field',
      }),
      {
        name: 'an unknown pool',
        body: { poolId: 'nope', users: [{}] },
        status: 404,
        error: 'unknown_pool',
      },
      async (env) => {
        const taken = env.mock.store.fixtures.genauth.accounts.find(
          (a) => a.poolId === poolOf(env) && a.email,
        )!;
        return {
          name: 'a taken e-mail',
          body: { poolId: poolOf(env), users: [{ email: taken.email }] },
          status: 409,
          error: 'user_exists',
        };
      },
    ],
  },
  'GET /genauth/users': {
    valid: [
      async (env) => ({ name: 'a page', query: { poolId: poolOf(env), limit: '2' }, status: 200 }),
    ],
    bad: [
      async (env) => ({
        name: 'limit "abc"',
        query: { poolId: poolOf(env), limit: 'abc' },
        status: 400,
        error: 'invalid_field',
      }),
      async (env) => ({
        name: 'q too long',
        query: { poolId: poolOf(env), q: 'x'.repeat(201) },
        status: 400,
        error: 'invalid_field',
      }),
      { name: 'an unknown pool', query: { poolId: 'nope' }, status: 404, error: 'unknown_pool' },
    ],
  },
  'GET /wechat/sessions/live': {
    valid: [
      async (env) => {
        await env.control('POST', '/wechat/login', me);
        return { name: 'one live', query: { appid: DEMO_APPID, limit: '10' }, status: 200 };
      },
    ],
    bad: [
      {
        name: 'limit 0',
        query: { appid: DEMO_APPID, limit: '0' },
        status: 400,
        error: 'invalid_field',
      },
      { name: 'an unknown app', query: { appid: noApp.appid }, status: 404, error: 'unknown_app' },
    ],
  },
  'GET /wechat/apps': {
    valid: [{ name: 'every app', status: 200 }],
    bad: [{ name: 'a query is ignored', query: { appid: 'x' }, status: 200 }],
  },
  'GET /wechat/codes': {
    valid: [
      async (env) => {
        await env.control('POST', '/wechat/login', { ...me, count: 2 });
        return { name: 'two pending', query: { appid: DEMO_APPID }, status: 200 };
      },
    ],
    bad: [
      { name: 'no appid', status: 400, error: 'invalid_field' },
      {
        name: 'limit "x"',
        query: { appid: DEMO_APPID, limit: 'x' },
        status: 400,
        error: 'invalid_field',
      },
      { name: 'an unknown app', query: { appid: noApp.appid }, status: 404, error: 'unknown_app' },
    ],
  },
};
