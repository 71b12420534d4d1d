/**
 * What the requests of `openapi-cases*.ts` are made of: a case (a request and the answer it must
 * get), what a case may set the state up with, and the fixtures' values the cases share.
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
  /** `bare`: a mock whose fixtures have no GenAuth user pool; `strict`: a mock with `strict`. */
  target?: 'main' | 'bare' | 'strict';
  /** An event stream: read until this many `request` events have come, then hang up. */
  events?: number;
}

/** A request and what it must answer. */
export interface Case extends CaseRequest {
  name: string;
  status: number;
  /** The `error` of a failure. */
  error?: string;
  /**
   * A 400 `invalid_field` body that the documented schema allows: the route refuses it for what
   * the state holds (an app without an open platform), not for its shape.
   */
  schemaAllows?: true;
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

/** The demo user, a user the demo app does not have, and an app the mock does not have. */
export const me = { appid: DEMO_APPID, openid: DEMO_OPENID };
export const nobody = { appid: DEMO_APPID, openid: 'oNobodyAtAll' };
export const noApp = { appid: 'wx0000000000000000', openid: DEMO_OPENID };

/** A user of the demo app without a phone number, made by the control surface. */
export async function phonelessUser(env: CaseEnv): Promise<string> {
  const res = (await env.control('POST', '/wechat/users', { appid: DEMO_APPID, phone: null })) as {
    user: { openid: string };
  };
  return res.user.openid;
}

export const poolOf = (env: CaseEnv) => env.mock.store.fixtures.genauth.pools[0]!.id;

/** The accounts of the demo pool with an e-mail. */
export const accountsOf = (env: CaseEnv) =>
  env.mock.store.fixtures.genauth.accounts.filter((a) => a.poolId === poolOf(env) && a.email);

/** Sends an SMS code from the demo pool to `phone`. */
export async function sendSms(env: CaseEnv, phone: string): Promise<void> {
  const g = env.mock.store.fixtures.genauth;
  const pool = poolOf(env);
  const app = g.apps.find((a) => a.poolId === pool)!.id;
  const headers = { 'x-authing-userpool-id': pool, 'x-authing-app-id': app };
  await env.request('POST', '/api/v2/sms/send', { phone }, headers);
}

export const SSE = { accept: 'text/event-stream' };

/** A route that reads nothing: its one answer, and a query it ignores. */
export const readsNothing = (name: string, ignored: Record<string, string>): RouteCases => ({
  valid: [{ name, status: 200 }],
  bad: [{ name: 'a query is ignored', query: ignored, status: 200 }],
});

/** The 404s of a route that names a user of an app in its body or query. */
export function unknownAppOrUser(where: 'body' | 'query'): Case[] {
  const at = (who: typeof me) => (where === 'body' ? { body: who } : { query: who });
  return [
    { name: 'an unknown app', ...at(noApp), status: 404, error: 'unknown_app' },
    { name: 'an unknown user', ...at(nobody), status: 404, error: 'unknown_user' },
  ];
}

/**
 * A route whose body names a user (`{appid, openid}`) and reads nothing else it needs: the demo
 * user; `refused`, a body it refuses field by field; an unknown app or user.
 */
export const userBodyCases = (name: string, refused: unknown): RouteCases => ({
  valid: [{ name: 'the demo user', body: me, status: 200 }],
  bad: [{ name, body: refused, status: 400, error: 'invalid_field' }, ...unknownAppOrUser('body')],
});

/** `?appid` of an app the mock does not have. */
export const unknownAppQuery: Case = {
  name: 'an unknown app',
  query: { appid: noApp.appid },
  status: 404,
  error: 'unknown_app',
};

/** The bad requests of a per-app listing `?appid&limit`: a `limit` it refuses, an unknown app. */
export const appListingBad = (limit: string): Case[] => [
  {
    name: `limit ${/^\d+$/.test(limit) ? limit : `"${limit}"`}`,
    query: { appid: DEMO_APPID, limit },
    status: 400,
    error: 'invalid_field',
  },
  unknownAppQuery,
];

/** The `:id` of a demo account. */
export const demoAccount = (env: CaseEnv) => ({ id: accountsOf(env)[0]!.id });

/** `:id` of no account. */
export const unknownAccount: Case = {
  name: 'an unknown id',
  params: { id: 'nope' },
  status: 404,
  error: 'unknown_user',
};

/** A route on one GenAuth account that reads no body: a demo account, an unknown id. */
export const accountCases = (): RouteCases => ({
  valid: [async (env) => ({ name: 'a demo account', params: demoAccount(env), status: 200 })],
  bad: [unknownAccount],
});

/** The route-specific cases of every documented route. */
