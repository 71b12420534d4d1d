/** One GenAuth user by id (`/genauth/users/{id}`): view, edit, delete. */
import type { OperationTable } from './operation';
import { bool, closed, constant, nullable, object, oneOfValues, ref, str } from './schema';

const id = { id: { schema: str(), description: 'A GenAuth user id (unique across pools).' } };
const unknown = { '404': ['unknown_user'] };

/** One GenAuth user, keyed as in `CONTROL_ROUTES`. */
export const GENAUTH_USER_OPERATIONS: OperationTable = {
  'GET /genauth/users/:id': {
    path: id,
    ok: { '200': ref('GenauthUser') },
    fails: unknown,
  },
  'PATCH /genauth/users/:id': {
    description:
      'At least one field; `null` clears an identifier. Everything is checked (types, formats, identifiers free in the pool) before anything changes.',
    path: id,
    body: {
      schema: {
        ...closed({
          nickname: nullable(str()),
          username: nullable(str()),
          email: nullable(str({ pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' })),
          phone: nullable(str({ pattern: '^\\+?\\d{5,15}$' })),
          photo: str(),
          externalId: nullable(str()),
          emailVerified: bool,
          phoneVerified: bool,
          blocked: bool,
          status: oneOfValues(['Activated', 'Suspended', 'Resigned', 'Archived']),
        }),
        minProperties: 1,
      },
    },
    ok: { '200': ref('GenauthUser') },
    fails: { ...unknown, '409': ['user_exists'] },
  },
  'DELETE /genauth/users/:id': {
    path: id,
    ok: { '200': object({ deleted: constant(true), id: str() }) },
    fails: unknown,
  },
};
