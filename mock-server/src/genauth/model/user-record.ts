/** The stored shape of a GenAuth user and of its linked identities. */

/** A social identity linked to a user (WeChat mini-program, GitHub…). */
export interface IdentityRecord {
  provider: string;
  connectionId: string | null;
  extIdpId: string | null;
  openid: string | null;
  userIdInIdp: string;
  isSocial: boolean;
  type: string;
}

/** A stored user. Passwords are kept as hashes only. */
export interface UserRecord {
  id: string;
  poolId: string;
  status: 'Activated' | 'Suspended' | 'Resigned' | 'Archived';
  username: string | null;
  email: string | null;
  emailVerified: boolean;
  phone: string | null;
  phoneVerified: boolean;
  phoneCountryCode: string | null;
  unionid: string | null;
  openid: string | null;
  nickname: string | null;
  /** Shared frozen lists (see `defaults.ts`): replace, never mutate. */
  registerSource: readonly string[];
  photo: string;
  passwordHash: string | null;
  /** Strength of the current password (1 low, 2 middle, 3 high), null without one. */
  passwordLevel: 1 | 2 | 3 | null;
  subAccount: string | null;
  oauth: string | null;
  loginsCount: number;
  lastLogin: string | null;
  lastIP: string | null;
  signedUp: string | null;
  blocked: boolean;
  /**
   * Profile fields that only echo what was set (company, city, website…). May be the shared
   * frozen empty profile: write through `editableProfile`.
   */
  profile: Readonly<Record<string, string | null>>;
  createdAt: string;
  updatedAt: string;
  externalId: string | null;
  /** Replaced as a whole through `updateFields` (the pool indexes identities). */
  identities: readonly IdentityRecord[];
  /**
   * User-defined values, decoded (a NUMBER is a number, a STRING an unquoted string). May be the
   * shared empty map: write through `editableUdv`.
   */
  udv: ReadonlyMap<string, unknown>;
  /** Position in the pool's insertion order, set by the pool's `UserTable`. */
  ordinal: number;
}
