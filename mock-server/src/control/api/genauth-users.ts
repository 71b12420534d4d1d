/** One GenAuth user at a time for the control surface: look up, edit, delete; and the pools. */
import type { Context } from '../../context';
import { appView, plainUser } from '../../genauth/state';
import { deleteUser, findUser, touch, updateFields } from '../../genauth/model/users';
import type { PoolState, UserRecord } from '../../genauth/model/types';
import { badField, ControlError } from '../error';
import type {
  GenauthPoolSummary,
  GenauthUserPatch,
  GenauthUserRef,
  GenauthUserView,
} from '../types';
import { checkString } from '../values';
import { checkFields } from './specs';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^\+?\d{5,15}$/;
const STATUSES = ['Activated', 'Suspended', 'Resigned', 'Archived'] as const;
/** Identifiers a patch may set or clear, each unique in its pool. */
const IDENTIFIERS = ['username', 'email', 'phone', 'externalId'] as const;
const BOOLEANS = ['emailVerified', 'phoneVerified', 'blocked'] as const;
const PATCH_FIELDS = ['id', 'nickname', 'photo', 'status', ...IDENTIFIERS, ...BOOLEANS];

const view = (u: UserRecord): GenauthUserView => structuredClone(plainUser(u)) as GenauthUserView;

/** The user with id `ref.id` and its pool, or 404 `unknown_user`. */
function locate(ctx: Context, ref: GenauthUserRef): { pool: PoolState; user: UserRecord } {
  const id = checkString('id', ref?.id);
  for (const pool of ctx.store.genauth.pools.values()) {
    const user = pool.users.get(id);
    if (user) return { pool, user };
  }
  throw new ControlError(404, 'unknown_user', `no GenAuth user "${id}"`);
}

/** A string field that may be null (cleared); `format` checks a non-empty string. */
function nullableString(
  body: Record<string, unknown>,
  field: string,
  format?: [RegExp, string],
): string | null | undefined {
  const value = body[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string' || value === '')
    throw badField(field, 'a non-empty string or null');
  if (format && !format[0].test(value)) throw badField(field, format[1]);
  return value;
}

/** Every change of `input`, checked, as a partial user record. */
function changesOf(input: GenauthUserPatch): Partial<UserRecord> {
  const body = checkFields('body', input, PATCH_FIELDS);
  const changes: Partial<UserRecord> = {};
  const nickname = nullableString(body, 'nickname');
  if (nickname !== undefined) changes.nickname = nickname;
  const formats: Partial<Record<(typeof IDENTIFIERS)[number], [RegExp, string]>> = {
    email: [EMAIL, 'an e-mail address or null'],
    phone: [PHONE, 'a phone number (5 to 15 digits, an optional +) or null'],
  };
  for (const f of IDENTIFIERS) {
    const value = nullableString(body, f, formats[f]);
    if (value !== undefined) changes[f] = value;
  }
  if (body['photo'] !== undefined) changes.photo = checkString('photo', body['photo']);
  for (const f of BOOLEANS) {
    if (body[f] === undefined) continue;
    if (typeof body[f] !== 'boolean') throw badField(f, 'a boolean');
    changes[f] = body[f];
  }
  if (body['status'] !== undefined) {
    const status = STATUSES.find((s) => s === body['status']);
    if (!status) throw badField('status', `one of ${STATUSES.join(', ')}`);
    changes.status = status;
  }
  if (Object.keys(changes).length === 0) {
    throw badField('body', `at least one field to change (${PATCH_FIELDS.slice(1).join(', ')})`);
  }
  return changes;
}

/** Every pool with its apps and user count. */
export function genauthPools(ctx: Context): GenauthPoolSummary[] {
  return [...ctx.store.genauth.pools.values()].map(({ pool, apps, users }) => ({
    id: pool.id,
    name: pool.name,
    userCount: users.size,
    apps: [...apps.values()].map(appView),
  }));
}

/** One user, as the state shows it. */
export function getGenauthUser(ctx: Context, ref: GenauthUserRef): GenauthUserView {
  return view(locate(ctx, ref).user);
}

/** Applies a checked patch (identifiers free in the pool) and answers the user. */
export function updateGenauthUser(ctx: Context, patch: GenauthUserPatch): GenauthUserView {
  const changes = changesOf(patch);
  const { pool, user } = locate(ctx, patch);
  for (const f of IDENTIFIERS) {
    const value = changes[f];
    const holder = value ? findUser(pool, f, value) : undefined;
    if (holder && holder !== user) {
      throw new ControlError(409, 'user_exists', `"${f}" ${JSON.stringify(value)} is taken`);
    }
  }
  updateFields(pool, user, changes);
  touch(ctx, user);
  return view(user);
}

/** Removes a user from its pool. */
export function deleteGenauthUser(
  ctx: Context,
  ref: GenauthUserRef,
): { deleted: true; id: string } {
  const { pool, user } = locate(ctx, ref);
  deleteUser(pool, user);
  return { deleted: true, id: user.id };
}
