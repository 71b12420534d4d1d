import type { UserRecord } from './user-record';

/** The photo of a user who set none. */
export const DEFAULT_PHOTO = 'default-user-avatar.png';

/** Every field of a {@link UserRecord} but `ordinal`, in the order the state lists them. */
export const USER_FIELDS = [
  'id',
  'poolId',
  'status',
  'username',
  'email',
  'emailVerified',
  'phone',
  'phoneVerified',
  'phoneCountryCode',
  'unionid',
  'openid',
  'nickname',
  'registerSource',
  'photo',
  'passwordHash',
  'passwordLevel',
  'subAccount',
  'oauth',
  'loginsCount',
  'lastLogin',
  'lastIP',
  'signedUp',
  'blocked',
  'profile',
  'createdAt',
  'updatedAt',
  'externalId',
  'identities',
  'udv',
] as const satisfies readonly (keyof UserRecord)[];
