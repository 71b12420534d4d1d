/** The surface's own routes: its index and this document, the clock, the demo, reset. */
import type { OperationTable } from './operation';
import {
  anyObject,
  anyStr,
  arrayOf,
  constant,
  described,
  fields,
  int,
  mapOf,
  nullable,
  object,
  oneOfValues,
  ref,
  str,
} from './schema';

const demoApp = object({
  appId: str(),
  name: anyStr,
  tokenAlgorithm: oneOfValues(['HS256', 'RS256']),
  wechatAppid: nullable(str()),
  extIdpConnidentifier: nullable(str()),
});

const demoAccount = object({
  id: str(),
  email: nullable(str()),
  username: nullable(str()),
  phone: nullable(str()),
  subAccount: nullable(str()),
  password: nullable(str()),
});

/** The index, the document, the clock, the demo and reset, keyed as in `CONTROL_ROUTES`. */
export const CORE_OPERATIONS: OperationTable = {
  'GET /': {
    description: 'Under `--strict`, also the count of requests no route knew.',
    ok: {
      '200': object(
        {
          routes: arrayOf(
            object({
              method: oneOfValues(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
              path: str({ pattern: '^/' }),
              summary: str(),
            }),
          ),
          unknownRoutes: object({ total: int(0), byFormat: mapOf(int(0)) }),
        },
        ['unknownRoutes'],
      ),
    },
  },
  'GET /openapi.json': {
    description: 'This document: OpenAPI 3.1, every route of `GET /`.',
    ok: {
      '200': fields(
        {
          openapi: constant('3.1.0'),
          info: anyObject,
          servers: arrayOf(anyObject),
          paths: anyObject,
          components: anyObject,
        },
        ['openapi', 'info', 'paths'],
      ),
    },
  },
  'GET /clock': {
    ok: { '200': ref('Clock') },
  },
  'POST /clock': {
    description: 'Exactly one of `advanceMs` (forward, or back when negative) and `now`.',
    body: {
      schema: {
        ...fields({
          advanceMs: described('Milliseconds that keep the clock a valid date.', {
            type: 'number',
          }),
          now: described('Epoch milliseconds or an ISO date string.', {
            type: ['number', 'string'],
          }),
        }),
        oneOf: [{ required: ['advanceMs'] }, { required: ['now'] }],
      },
    },
    ok: { '200': ref('Clock') },
  },
  'GET /demo': {
    ok: {
      '200': object({
        userPoolId: str(),
        userPoolName: anyStr,
        apps: arrayOf(demoApp),
        accounts: arrayOf(demoAccount),
        directory: arrayOf(
          object({ kind: oneOfValues(['ldap', 'ad']), username: str(), password: str() }),
        ),
        fixedCodes: arrayOf(object({ to: str(), code: str() })),
        otherUserPoolId: nullable(str()),
        wechat: nullable(
          object({
            appid: str(),
            openid: str(),
            unionid: nullable(str()),
            sessionKey: nullable(str()),
          }),
        ),
      }),
    },
    fails: { '404': ['no_demo'] },
  },
  'POST /reset': {
    description:
      'Back to the seeded state (of `seed` when given), no faults, an empty journal; the clock stays.',
    body: {
      schema: fields({ seed: { type: ['string', 'number'] } }),
      required: false,
    },
    ok: { '200': object({ reset: constant(true), seed: anyStr }) },
  },
};
