import type { UserRecord } from './user-record';

/** The user fields looked up by value; `email` is case-folded, the others compare exactly. */
export const INDEXED_FIELDS = [
  'email',
  'username',
  'phone',
  'unionid',
  'subAccount',
  'externalId',
] as const;

/** A field of {@link INDEXED_FIELDS}. */
export type IndexedField = (typeof INDEXED_FIELDS)[number];

/** The index key of a field value: e-mails fold to lower case (once, at write time). */
export function foldKey(field: IndexedField, value: string): string {
  return field === 'email' ? value.toLowerCase() : value;
}

type Holders = UserRecord | UserRecord[];

/**
 * Value → the users holding it. Most values have one holder; several holders (a unionid shared
 * after a phone login) are kept in pool order (`ordinal`), so the first one answers exactly as a
 * scan of the pool would.
 */
export class ValueIndex {
  readonly #map = new Map<string, Holders>();

  get size(): number {
    return this.#map.size;
  }

  add(key: string, user: UserRecord): void {
    const have = this.#map.get(key);
    if (have === undefined) this.#map.set(key, user);
    else if (have === user) return;
    else if (!Array.isArray(have)) this.#map.set(key, sorted([have, user]));
    else if (!have.includes(user)) this.#map.set(key, sorted([...have, user]));
  }

  remove(key: string, user: UserRecord): void {
    const have = this.#map.get(key);
    if (have === user) this.#map.delete(key);
    else if (Array.isArray(have)) {
      const rest = have.filter((u) => u !== user);
      if (rest.length === 0) this.#map.delete(key);
      else this.#map.set(key, rest.length === 1 ? (rest[0] as UserRecord) : rest);
    }
  }

  /** The first holder of `key` that `valid` confirms (stale holders are dropped on the way). */
  first(key: string, valid: (u: UserRecord) => boolean): UserRecord | undefined {
    const have = this.#map.get(key);
    if (have === undefined) return undefined;
    if (!Array.isArray(have)) {
      if (valid(have)) return have;
      this.#map.delete(key);
      return undefined;
    }
    let found: UserRecord | undefined;
    for (const u of have) {
      if (valid(u)) {
        found = u;
        break;
      }
      this.remove(key, u);
    }
    return found;
  }

  clear(): void {
    this.#map.clear();
  }
}

const sorted = (list: UserRecord[]): UserRecord[] => list.sort((a, b) => a.ordinal - b.ordinal);

/** The lookup indexes of one pool: one per {@link IndexedField}, plus social identities. */
export interface UserIndexes {
  fields: Record<IndexedField, ValueIndex>;
  /** connectionId → openid → holders. */
  identities: Map<string, ValueIndex>;
}

/** Empty indexes. */
export function createIndexes(): UserIndexes {
  const fields = {} as Record<IndexedField, ValueIndex>;
  for (const f of INDEXED_FIELDS) fields[f] = new ValueIndex();
  return { fields, identities: new Map() };
}

/** Adds (or, with `remove`, drops) every indexed value `user` holds now. */
export function indexUser(ix: UserIndexes, user: UserRecord, remove = false): void {
  for (const f of INDEXED_FIELDS) {
    const v = user[f];
    if (v) {
      if (remove) ix.fields[f].remove(foldKey(f, v), user);
      else ix.fields[f].add(foldKey(f, v), user);
    }
  }
  for (const i of user.identities) indexIdentity(ix, user, i.connectionId, i.openid, remove);
}

/** Applies `patch` to `user`, moving only the index entries of the values it changes. */
export function patchIndexed(ix: UserIndexes, user: UserRecord, patch: Partial<UserRecord>): void {
  const fields = INDEXED_FIELDS.filter((f) => f in patch && patch[f] !== user[f]);
  const identities = patch.identities !== undefined && patch.identities !== user.identities;
  for (const f of fields) {
    const v = user[f];
    if (v) ix.fields[f].remove(foldKey(f, v), user);
  }
  if (identities)
    for (const i of user.identities) indexIdentity(ix, user, i.connectionId, i.openid, true);
  Object.assign(user, patch);
  for (const f of fields) {
    const v = user[f];
    if (v) ix.fields[f].add(foldKey(f, v), user);
  }
  if (identities)
    for (const i of user.identities) indexIdentity(ix, user, i.connectionId, i.openid);
}

/** Adds (or drops) one identity of `user`. */
export function indexIdentity(
  ix: UserIndexes,
  user: UserRecord,
  connectionId: string | null,
  openid: string | null,
  remove = false,
): void {
  if (connectionId === null || openid === null) return;
  let byOpenid = ix.identities.get(connectionId);
  if (!byOpenid) {
    if (remove) return;
    byOpenid = new ValueIndex();
    ix.identities.set(connectionId, byOpenid);
  }
  if (remove) byOpenid.remove(openid, user);
  else byOpenid.add(openid, user);
}
