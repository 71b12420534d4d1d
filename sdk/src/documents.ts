/**
 * The GraphQL documents of authing-js-sdk 4.15.8 (operation names, variables and selections
 * unchanged; whitespace trimmed).
 */

const USER =
  'id arn status userPoolId username email emailVerified phone phoneVerified unionid openid ' +
  'nickname registerSource photo password oauth token tokenExpiredAt loginsCount lastLogin lastIP ' +
  'signedUp blocked isDeleted device browser company name givenName familyName middleName ' +
  'profile preferredUsername website gender birthdate zoneinfo locale address formatted ' +
  'streetAddress locality region postalCode city province country createdAt updatedAt externalId';

const UDV = '{key dataType value label}';
const MESSAGE = '{message code}';

/** `kind name(args) {name(call) selection}`, each call argument passed as its own variable. */
const op = (kind: string, name: string, args: string, selection: string): string => {
  const call = args.replace(/\$(\w+):[^,]+/g, '$1: $$$1');
  return `${kind} ${name}${args ? `(${args})` : ''} {${name}${call ? `(${call})` : ''} ${selection}}`;
};

const userOp = (kind: string, name: string, args: string): string =>
  op(kind, name, args, `{${USER}}`);

const input = (name: string, type: string): string => userOp('mutation', name, `$input: ${type}!`);

export const REGISTER_BY_EMAIL = input('registerByEmail', 'RegisterByEmailInput');
export const REGISTER_BY_USERNAME = input('registerByUsername', 'RegisterByUsernameInput');
export const REGISTER_BY_PHONE_CODE = input('registerByPhoneCode', 'RegisterByPhoneCodeInput');
export const LOGIN_BY_EMAIL = input('loginByEmail', 'LoginByEmailInput');
export const LOGIN_BY_USERNAME = input('loginByUsername', 'LoginByUsernameInput');
export const LOGIN_BY_PHONE_CODE = input('loginByPhoneCode', 'LoginByPhoneCodeInput');
export const LOGIN_BY_PHONE_PASSWORD = input('loginByPhonePassword', 'LoginByPhonePasswordInput');
export const LOGIN_BY_SUB_ACCOUNT = userOp(
  'mutation',
  'loginBySubAccount',
  '$account: String!, $password: String!, $captchaCode: String, $clientIp: String',
);
export const CHECK_PASSWORD_STRENGTH = op(
  'query',
  'checkPasswordStrength',
  '$password: String!',
  '{valid message}',
);
export const CHECK_LOGIN_STATUS = op(
  'query',
  'checkLoginStatus',
  '$token: String',
  '{code message status exp iat data {id userPoolId arn}}',
);
export const SEND_EMAIL = op(
  'mutation',
  'sendEmail',
  '$email: String!, $scene: EmailScene!',
  MESSAGE,
);
export const RESET_PASSWORD = op(
  'mutation',
  'resetPassword',
  '$phone: String, $email: String, $code: String!, $newPassword: String!',
  MESSAGE,
);
export const UPDATE_USER = userOp(
  'mutation',
  'updateUser',
  '$id: String, $input: UpdateUserInput!',
);
export const UPDATE_PASSWORD = userOp(
  'mutation',
  'updatePassword',
  '$newPassword: String!, $oldPassword: String',
);
export const UPDATE_PHONE = userOp(
  'mutation',
  'updatePhone',
  '$phone: String!, $phoneCode: String!, $oldPhone: String, $oldPhoneCode: String',
);
export const UPDATE_EMAIL = userOp(
  'mutation',
  'updateEmail',
  '$email: String!, $emailCode: String!, $oldEmail: String, $oldEmailCode: String',
);
export const REFRESH_TOKEN = op('mutation', 'refreshToken', '$id: String', '{token iat exp}');
export const BIND_PHONE = userOp('mutation', 'bindPhone', '$phone: String!, $phoneCode: String!');
export const UNBIND_PHONE = userOp('mutation', 'unbindPhone', '');
export const BIND_EMAIL = userOp('mutation', 'bindEmail', '$email: String!, $emailCode: String!');
export const UNBIND_EMAIL = userOp('mutation', 'unbindEmail', '');
export const USER_QUERY = op(
  'query',
  'user',
  '$id: String',
  `{${USER} identities {openid userIdInIdp userId connectionId isSocial provider userPoolId}}`,
);
const TARGET = '$targetType: UDFTargetType!, $targetId: String!';
export const UDV_QUERY = op('query', 'udv', TARGET, UDV);
export const SET_UDV = op('mutation', 'setUdv', `${TARGET}, $key: String!, $value: String!`, UDV);
export const REMOVE_UDV = op('mutation', 'removeUdv', `${TARGET}, $key: String!`, UDV);
export const SET_UDV_BATCH = op(
  'mutation',
  'setUdvBatch',
  `${TARGET}, $udvList: [UserDefinedDataInput!]`,
  UDV,
);
export const LIST_AUTHORIZED_RESOURCES =
  'query listUserAuthorizedResources($id: String!, $namespace: String, $resourceType: String) ' +
  '{user(id: $id) {authorizedResources(namespace: $namespace, resourceType: $resourceType) ' +
  '{totalCount list {code type actions}}}}';
