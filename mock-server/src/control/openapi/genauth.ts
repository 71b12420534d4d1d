/** GenAuth's routes: pools, users in bulk and a page at a time (`/genauth/…`), the outbox. */
import { BULK_BODY_LIMIT } from '../bulk-body';
import { LIMITS } from '../values';
import { atMostParam, bulkCreated, USER_PAGE_QUERY, userPage } from './lists';
import type { OperationTable } from './operation';
import {
  anyStr,
  arrayOf,
  bool,
  closed,
  described,
  int,
  object,
  oneOfValues,
  ref,
  str,
  type JsonSchema,
} from './schema';

const poolId = described('A GenAuth user pool of the fixtures.', str());

const bulkUser: JsonSchema = closed({
  email: str({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' }),
  username: str(),
  phone: str({ pattern: '^\\+?\\d{5,15}$' }),
  nickname: str(),
  password: described('Plaintext; hashed once per distinct password per request.', str()),
  passwordHash: described(
    'Stored as is, instead of `password`.',
    str({ pattern: '^scrypt\\$[0-9a-f]{1,128}\\$[0-9a-f]{64}$' }),
  ),
  passwordLevel: described('Only with `passwordHash`.', oneOfValues([1, 2, 3])),
  subAccount: str(),
  externalId: str(),
  unionid: str(),
  openid: str(),
});

/** GenAuth users and messages, keyed as in `CONTROL_ROUTES`. */
export const GENAUTH_OPERATIONS: OperationTable = {
  'POST /genauth/users/bulk': {
    description:
      'All or nothing: every field of every user is checked (400 naming `users[i].field`), then the pool, then the identifiers (409 when taken or repeated).',
    body: {
      schema: closed({ poolId, users: arrayOf(bulkUser, ...LIMITS.bulkUsers), returnIds: bool }, [
        'poolId',
        'users',
      ]),
      limit: BULK_BODY_LIMIT,
    },
    ok: {
      '201': bulkCreated('poolId', 'id'),
    },
    fails: { '404': ['unknown_pool'], '409': ['user_exists'] },
  },
  'GET /genauth/users': {
    description: 'In creation order; a cursor belongs to its pool.',
    query: {
      poolId: { schema: poolId, required: true },
      q: {
        schema: str({ maxLength: 200 }),
        description:
          'Only users whose id, e-mail, username, phone, nickname, openid or unionid contains it, in any case.',
      },
      ...USER_PAGE_QUERY,
    },
    ok: { '200': userPage('GenauthUser') },
    fails: { '400': ['invalid_field'], '404': ['unknown_pool'] },
  },
  'GET /messages': {
    query: {
      to: { schema: str(), required: true, description: 'A phone number or e-mail address.' },
      pool: { schema: str(), description: 'Only messages of this user pool.' },
    },
    ok: { '200': object({ messages: arrayOf(ref('Message')) }) },
    fails: { '400': ['invalid_field'] },
  },
  'GET /messages/recent': {
    query: {
      pool: { schema: str(), description: 'Only messages of this user pool.' },
      limit: atMostParam,
    },
    ok: { '200': object({ messages: arrayOf(ref('Message')) }) },
    fails: { '400': ['invalid_field'] },
  },
  'GET /genauth/pools': {
    ok: {
      '200': object({
        pools: arrayOf(
          object({
            id: str(),
            name: anyStr,
            userCount: int(0),
            apps: arrayOf(ref('GenauthApp')),
          }),
        ),
      }),
    },
  },
};
