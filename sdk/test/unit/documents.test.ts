import {
  Kind,
  parse,
  print,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

import * as ours from '../../src/documents';

/** The documents authing-js-sdk 4.15.8 ships (`build/main/types/graphql.v2.js`). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const official = require('authing-js-sdk/build/main/types/graphql.v2.js') as Record<string, string>;

const pairs: [keyof typeof ours, string][] = [
  ['REGISTER_BY_EMAIL', 'RegisterByEmailDocument'],
  ['REGISTER_BY_USERNAME', 'RegisterByUsernameDocument'],
  ['REGISTER_BY_PHONE_CODE', 'RegisterByPhoneCodeDocument'],
  ['LOGIN_BY_EMAIL', 'LoginByEmailDocument'],
  ['LOGIN_BY_USERNAME', 'LoginByUsernameDocument'],
  ['LOGIN_BY_PHONE_CODE', 'LoginByPhoneCodeDocument'],
  ['LOGIN_BY_PHONE_PASSWORD', 'LoginByPhonePasswordDocument'],
  ['LOGIN_BY_SUB_ACCOUNT', 'LoginBySubAccountDocument'],
  ['CHECK_PASSWORD_STRENGTH', 'CheckPasswordStrengthDocument'],
  ['CHECK_LOGIN_STATUS', 'CheckLoginStatusDocument'],
  ['SEND_EMAIL', 'SendEmailDocument'],
  ['RESET_PASSWORD', 'ResetPasswordDocument'],
  ['UPDATE_USER', 'UpdateUserDocument'],
  ['UPDATE_PASSWORD', 'UpdatePasswordDocument'],
  ['UPDATE_PHONE', 'UpdatePhoneDocument'],
  ['UPDATE_EMAIL', 'UpdateEmailDocument'],
  ['REFRESH_TOKEN', 'RefreshTokenDocument'],
  ['BIND_PHONE', 'BindPhoneDocument'],
  ['UNBIND_PHONE', 'UnbindPhoneDocument'],
  ['BIND_EMAIL', 'BindEmailDocument'],
  ['UNBIND_EMAIL', 'UnbindEmailDocument'],
  ['USER_QUERY', 'UserDocument'],
  ['UDV_QUERY', 'UdvDocument'],
  ['SET_UDV', 'SetUdvDocument'],
  ['REMOVE_UDV', 'RemoveUdvDocument'],
  ['SET_UDV_BATCH', 'SetUdvBatchDocument'],
  ['LIST_AUTHORIZED_RESOURCES', 'ListUserAuthorizedResourcesDocument'],
];

function operation(text: string): OperationDefinitionNode {
  const [definition] = parse(text).definitions;
  if (definition?.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
  return definition;
}

/** Every selected field as a dotted path. */
function paths(set: SelectionSetNode | undefined, prefix = ''): string[] {
  return (set?.selections ?? []).flatMap((s) => {
    const field = s as FieldNode;
    const path = prefix + field.name.value;
    return [path, ...paths(field.selectionSet, `${path}.`)];
  });
}

describe('GraphQL documents', () => {
  it.each(pairs)('%s matches authing-js-sdk %s', (name, officialName) => {
    const mine = operation(ours[name]);
    const theirs = operation(official[officialName]!);
    expect(mine.operation).toBe(theirs.operation);
    expect(mine.name?.value).toBe(theirs.name?.value);
    expect((mine.variableDefinitions ?? []).map((v) => print(v))).toEqual(
      (theirs.variableDefinitions ?? []).map((v) => print(v)),
    );
    const [mineRoot] = mine.selectionSet.selections as FieldNode[];
    const [theirRoot] = theirs.selectionSet.selections as FieldNode[];
    expect(mineRoot!.name.value).toBe(theirRoot!.name.value);
    expect((mineRoot!.arguments ?? []).map((a) => print(a))).toEqual(
      (theirRoot!.arguments ?? []).map((a) => print(a)),
    );
    // ours selects at least every field the official SDK returns
    expect(paths(mine.selectionSet)).toEqual(expect.arrayContaining(paths(theirs.selectionSet)));
  });
});
