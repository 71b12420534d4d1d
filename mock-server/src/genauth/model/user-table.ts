import { createIndexes, indexUser, type UserIndexes } from './user-index';
import type { UserRecord } from './user-record';

/**
 * A pool's users by id that keeps the lookup indexes in step: `set` indexes the user's e-mail,
 * username, phone, unionid, sub-account, external id and identities, `delete` drops them. Field
 * changes of a stored user go through `updateFields` (`users.ts`) for the same reason.
 * Insertion order is pool order; each user's `ordinal` records it.
 */
export class UserTable extends Map<string, UserRecord> {
  readonly indexes: UserIndexes = createIndexes();
  #next = 1;

  override set(id: string, user: UserRecord): this {
    // The Map constructor calls `set` before the fields exist; the table is always built empty.
    const old = super.get(id);
    if (old === user) return this;
    if (old) {
      indexUser(this.indexes, old, true);
      user.ordinal = old.ordinal;
    } else user.ordinal = this.#next++;
    super.set(id, user);
    indexUser(this.indexes, user);
    return this;
  }

  override delete(id: string): boolean {
    const old = super.get(id);
    if (!old) return false;
    indexUser(this.indexes, old, true);
    return super.delete(id);
  }

  override clear(): void {
    super.clear();
    for (const ix of Object.values(this.indexes.fields)) ix.clear();
    this.indexes.identities.clear();
  }
}
