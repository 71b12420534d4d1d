import { fail } from '../errors';

/**
 * The free profile fields of a GenAuth user: strings that only echo what was set (company, city,
 * website…), kept in `UserRecord.profile`. The one table they are spelled out in: the GraphQL
 * SDL (`User`, `RegisterProfile`, `UpdateUserInput`), the `User` view, registration and
 * `updateUser` all derive from it. Order: as the `User` type lists them.
 */
export const PROFILE_FIELD_TABLE = Object.freeze([
  { name: 'device', graphqlType: 'String', inView: true, settable: true },
  { name: 'browser', graphqlType: 'String', inView: true, settable: true },
  { name: 'company', graphqlType: 'String', inView: true, settable: true },
  { name: 'name', graphqlType: 'String', inView: true, settable: true },
  { name: 'givenName', graphqlType: 'String', inView: true, settable: true },
  { name: 'familyName', graphqlType: 'String', inView: true, settable: true },
  { name: 'middleName', graphqlType: 'String', inView: true, settable: true },
  { name: 'profile', graphqlType: 'String', inView: true, settable: true },
  { name: 'preferredUsername', graphqlType: 'String', inView: true, settable: true },
  { name: 'website', graphqlType: 'String', inView: true, settable: true },
  { name: 'gender', graphqlType: 'String', inView: true, settable: true },
  { name: 'birthdate', graphqlType: 'String', inView: true, settable: true },
  { name: 'zoneinfo', graphqlType: 'String', inView: true, settable: true },
  { name: 'locale', graphqlType: 'String', inView: true, settable: true },
  { name: 'address', graphqlType: 'String', inView: true, settable: true },
  { name: 'formatted', graphqlType: 'String', inView: true, settable: true },
  { name: 'streetAddress', graphqlType: 'String', inView: true, settable: true },
  { name: 'locality', graphqlType: 'String', inView: true, settable: true },
  { name: 'region', graphqlType: 'String', inView: true, settable: true },
  { name: 'postalCode', graphqlType: 'String', inView: true, settable: true },
  { name: 'city', graphqlType: 'String', inView: true, settable: true },
  { name: 'province', graphqlType: 'String', inView: true, settable: true },
  { name: 'country', graphqlType: 'String', inView: true, settable: true },
] as const satisfies readonly ProfileFieldSpec[]);

/** One row of {@link PROFILE_FIELD_TABLE}. */
export interface ProfileFieldSpec {
  readonly name: string;
  /** Its GraphQL type, on `User` and in the inputs (nullable). */
  readonly graphqlType: 'String';
  /** Shown on the `User` view (and the `User` type). */
  readonly inView: boolean;
  /** Set at registration (`RegisterProfile`) and by `updateUser` (`UpdateUserInput`). */
  readonly settable: boolean;
}

/** A free profile field's name. */
export type ProfileField = (typeof PROFILE_FIELD_TABLE)[number]['name'];

/** The fields the `User` view shows. */
export const VIEW_PROFILE_FIELDS: readonly ProfileField[] = PROFILE_FIELD_TABLE.filter(
  (f) => f.inView,
).map((f) => f.name);

/** The fields registration and `updateUser` may set. */
export const SETTABLE_PROFILE_FIELDS: readonly ProfileField[] = PROFILE_FIELD_TABLE.filter(
  (f) => f.settable,
).map((f) => f.name);

/**
 * The value of a profile field as given (a string, or null to clear it; absent → undefined).
 * Anything else → 2510 naming the field.
 * @throws {GenauthError} 2510
 */
export function profileValue(field: ProfileField, value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value === 'string') return value;
  throw fail(2510, { field });
}

/** The SDL lines (`  name: Type`) of the fields `pick`ed, in table order, indented by `indent`. */
export function profileSdl(pick: (f: ProfileFieldSpec) => boolean, indent = '    '): string {
  return PROFILE_FIELD_TABLE.filter(pick)
    .map((f) => `${indent}${f.name}: ${f.graphqlType}`)
    .join('\n');
}
