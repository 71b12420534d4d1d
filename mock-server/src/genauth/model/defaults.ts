import type { IdentityRecord, UserRecord } from './types';

/**
 * Frozen values many users share instead of holding their own empty copies. Writers replace them
 * (`editableProfile`, `editableUdv`, `updateFields`); writing into one throws.
 */

/** The profile of a user who set no profile field. */
export const EMPTY_PROFILE: Readonly<Record<string, string | null>> = Object.freeze({});

/** The identities of a user with no social identity. */
export const NO_IDENTITIES: readonly IdentityRecord[] = Object.freeze([]);

/** A map that refuses writes, for the shared empty UDF values. */
class FrozenMap<K, V> extends Map<K, V> {
  #frozen = false;
  constructor() {
    super();
    this.#frozen = true;
  }
  override set(key: K, value: V): this {
    if (this.#frozen) throw new TypeError('shared empty map: use editableUdv()');
    return super.set(key, value);
  }
}

/** The UDF values of a user who set none. */
export const NO_UDV: ReadonlyMap<string, unknown> = new FrozenMap<string, unknown>();

const sources = new Map<string, readonly string[]>();

/** `[source]` as one shared frozen list per source. */
export function sourceList(source: string): readonly string[] {
  let list = sources.get(source);
  if (!list) {
    list = Object.freeze([source]);
    sources.set(source, list);
  }
  return list;
}

/** The user's own profile object, replacing the shared empty one on first write. */
export function editableProfile(user: UserRecord): Record<string, string | null> {
  if (Object.isFrozen(user.profile)) user.profile = { ...user.profile };
  return user.profile as Record<string, string | null>;
}

/** The user's own UDF value map, replacing the shared empty one on first write. */
export function editableUdv(user: UserRecord): Map<string, unknown> {
  if (user.udv === NO_UDV) user.udv = new Map();
  return user.udv as Map<string, unknown>;
}
