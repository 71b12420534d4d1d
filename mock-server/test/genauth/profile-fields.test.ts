import { isInputObjectType, isObjectType, type GraphQLNamedType } from 'graphql';

import { schema } from '../../src/genauth/graphql/schema';
import { GenauthError } from '../../src/genauth/errors';
import { PROFILE_FIELD_TABLE, profileValue } from '../../src/genauth/model/profile-fields';
import { userView } from '../../src/genauth/model/users';
import { createMockServer } from '../../src';

/** Field name → printed type of an object or input type of the schema. */
function fieldsOf(type: GraphQLNamedType | undefined | null): Record<string, string> {
  if (!isObjectType(type) && !isInputObjectType(type)) throw new Error('not an object type');
  return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, String(f.type)]));
}

describe('the profile-field table', () => {
  it('is what the SDL declares: User for view fields, both inputs for settable ones', () => {
    const user = fieldsOf(schema.getType('User'));
    const register = fieldsOf(schema.getType('RegisterProfile'));
    const update = fieldsOf(schema.getType('UpdateUserInput'));
    for (const f of PROFILE_FIELD_TABLE) {
      expect([f.name, user[f.name]]).toEqual([f.name, f.inView ? f.graphqlType : undefined]);
      const settable = f.settable ? f.graphqlType : undefined;
      expect([f.name, register[f.name], update[f.name]]).toEqual([f.name, settable, settable]);
    }
  });

  it('is what the User view shows, null when unset', () => {
    const mock = createMockServer();
    const [pool] = mock.store.genauth.pools.values();
    const [user] = pool!.users.values();
    const view = userView(pool!, user!, null);
    for (const f of PROFILE_FIELD_TABLE) {
      expect(f.name in view).toBe(f.inView);
      if (f.inView) expect(view[f.name]).toBe(user!.profile[f.name] ?? null);
    }
  });

  it('validates a value: a string or null, absent is undefined, anything else 2510', () => {
    expect(profileValue('city', 'Hangzhou')).toBe('Hangzhou');
    expect(profileValue('city', null)).toBeNull();
    expect(profileValue('city', undefined)).toBeUndefined();
    const err = (() => {
      try {
        profileValue('city', 42);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(GenauthError);
    expect(err).toMatchObject({ code: 2510, data: { field: 'city' } });
  });
});
