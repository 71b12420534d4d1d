/** Valid and bad requests of GenAuth's routes: pools, users, the outbox: see `openapi-cases.ts`. */
import {
  accountCases,
  demoAccount,
  poolOf,
  readsNothing,
  sendSms,
  unknownAccount,
  type RouteCases,
} from './openapi-case-kit';

/** Keyed as in `CONTROL_ROUTES`. */
export const GENAUTH_CASES: Record<string, RouteCases> = {
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
  'GET /genauth/pools': readsNothing('every pool', { id: 'x' }),
  'GET /genauth/users/:id': accountCases(),
  'PATCH /genauth/users/:id': {
    valid: [
      async (env) => ({
        name: 'a new nickname, blocked',
        params: demoAccount(env),
        body: { nickname: 'Renamed', blocked: true, phone: null },
        status: 200,
      }),
    ],
    bad: [
      async (env) => ({
        name: 'nothing to change',
        params: demoAccount(env),
        body: {},
        status: 400,
        error: 'invalid_field',
      }),
      { ...unknownAccount, body: { nickname: 'x' } },
      async (env) => {
        const poolId = poolOf(env);
        await env.control('POST', '/genauth/users/bulk', {
          poolId,
          users: [{ email: 'taken@example.com' }],
        });
        return {
          name: 'a taken e-mail',
          params: demoAccount(env),
          body: { email: 'taken@example.com' },
          status: 409,
          error: 'user_exists',
        };
      },
    ],
  },
  'DELETE /genauth/users/:id': accountCases(),
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
};
