import { createRequire } from 'node:module';

import { parse, validate } from 'graphql';
import request from 'supertest';

import { createMockServer } from '../../src';
import { prepare } from '../../src/genauth/graphql/documents';
import { schema } from '../../src/genauth/graphql/schema';
import { CHECK, gql, login, LOGIN_BY_EMAIL, poolHeaders, rsa, stateOf } from './kit';

const mock = createMockServer();

/** Every document the 4.15.8 AuthenticationClient sends (authing-wire.md §6). */
const AUTH_DOCUMENTS = [
  'RegisterByEmail',
  'RegisterByUsername',
  'RegisterByPhoneCode',
  'LoginByEmail',
  'LoginByUsername',
  'LoginByPhoneCode',
  'LoginByPhonePassword',
  'LoginBySubAccount',
  'CheckPasswordStrength',
  'CheckLoginStatus',
  'SendEmail',
  'ResetPassword',
  'UpdateUser',
  'UpdatePassword',
  'UpdatePhone',
  'UpdateEmail',
  'RefreshToken',
  'BindPhone',
  'UnbindPhone',
  'BindEmail',
  'UnbindEmail',
  'User',
  'Udv',
  'SetUdv',
  'RemoveUdv',
  'SetUdvBatch',
  'ListUserAuthorizedResources',
  'IsUserExists',
];

describe('schema', () => {
  const docs = createRequire(__filename)('authing-js-sdk/build/main/types/graphql.v2.js') as Record<
    string,
    string
  >;
  it.each(AUTH_DOCUMENTS)('validates the official %s document', (name) => {
    const text = docs[`${name}Document`];
    expect(typeof text).toBe('string');
    expect(validate(schema, parse(text!))).toEqual([]);
  });

  it('validates and resolves documents of newer 4.x clients (4.23.55 superset)', async () => {
    const a = mock.store.fixtures.genauth.accounts[0]!;
    const headers = poolHeaders(mock);
    const superset = `mutation loginByEmail($input: LoginByEmailInput!) { loginByEmail(input: $input) {
      id token phoneCountryCode newlyCreated customData { key value dataType label } } }`;
    const logged = await gql(
      mock,
      superset,
      { input: { email: a.email, password: rsa(a.password!) } },
      headers,
    );
    expect(logged.errors).toBeUndefined();
    const user = logged.data!['loginByEmail'] as {
      token: string;
      phoneCountryCode: string;
      newlyCreated: boolean;
    };
    expect(user).toMatchObject({ phoneCountryCode: '+86', newlyCreated: false, customData: [] });
    const auth = { ...headers, authorization: `Bearer ${user.token}` };
    const me = await gql(
      mock,
      `query user($id: String) { user(id: $id) { id identities { type extIdpId } customData { key value dataType label } } }`,
      {},
      auth,
    );
    expect(me.data).toEqual({ user: { id: a.id, identities: [], customData: [] } });
    const update = await gql(
      mock,
      `mutation updateUser($id: String, $input: UpdateUserInput!, $emailToken: String, $phoneToken: String) {
        updateUser(id: $id, input: $input, emailToken: $emailToken, phoneToken: $phoneToken) { id nickname expiredAt directManagement } }`,
      { id: a.id, input: { nickname: 'n' } },
      auth,
    );
    expect(update.data).toEqual({
      updateUser: { id: a.id, nickname: 'n', expiredAt: null, directManagement: false },
    });
    const resources = await gql(
      mock,
      `query listUserAuthorizedResources($id: String!, $namespace: String, $resourceType: String) {
        user(id: $id) { authorizedResources(namespace: $namespace, resourceType: $resourceType) { totalCount list { code type actions apiIdentifier } } } }`,
      { id: a.id, namespace: 'default', resourceType: 'API' },
      auth,
    );
    expect(resources.data).toEqual({
      user: {
        authorizedResources: {
          totalCount: 1,
          list: [
            {
              code: '/api/orders',
              type: 'API',
              actions: ['GET', 'POST'],
              apiIdentifier: '/api/orders',
            },
          ],
        },
      },
    });
    const reset = `mutation resetPassword($phone: String, $email: String, $code: String!, $newPassword: String!, $phoneCountryCode: String) {
      resetPassword(phone: $phone, email: $email, code: $code, newPassword: $newPassword, phoneCountryCode: $phoneCountryCode) { code message } }`;
    expect(validate(schema, parse(reset))).toEqual([]);
  });
});

describe('execution', () => {
  beforeEach(() => mock.reset());

  it('answers only the requested fields', async () => {
    const { headers } = await login(mock);
    const body = await gql(mock, 'query { user { email } }', {}, headers);
    expect(body).toEqual({
      data: { user: { email: mock.store.fixtures.genauth.accounts[0]!.email } },
    });
  });

  it('renders business errors as {code, message, data} objects with path, locations and a null root', async () => {
    const body = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 'nobody@example.com', password: rsa('x1234567') } },
      poolHeaders(mock),
    );
    expect(body).toEqual({
      errors: [
        {
          message: { code: 2004, message: '用户不存在', data: null },
          locations: [{ line: 1, column: 53 }],
          path: ['loginByEmail'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
      data: { loginByEmail: null },
    });
  });

  it('reports checkLoginStatus failures as data, never as errors', async () => {
    const body = await gql(mock, CHECK, { token: 'garbage' }, poolHeaders(mock));
    expect(body).toEqual({
      data: {
        checkLoginStatus: {
          code: 2207,
          message: '登录信息有误',
          status: false,
          exp: null,
          iat: null,
          data: null,
        },
      },
    });
  });

  it('syntax errors, unknown fields and wrong variable types are GraphQL errors in the object shape', async () => {
    const before = stateOf(mock);
    const syntax = await gql(mock, 'mutation { loginByEmail(', {});
    expect(syntax).toMatchObject({
      data: null,
      errors: [{ message: { code: 2512 }, extensions: { code: 'GRAPHQL_PARSE_FAILED' } }],
    });
    const unknown = await gql(mock, 'query { nope }', {});
    expect(unknown).toMatchObject({
      data: { nope: null },
      errors: [
        {
          message: { code: 2510, message: '请求参数格式不正确' },
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    const wrongType = await gql(
      mock,
      LOGIN_BY_EMAIL,
      { input: { email: 42, password: 'x' } },
      poolHeaders(mock),
    );
    expect(wrongType).toMatchObject({
      data: { loginByEmail: null },
      errors: [{ message: { code: 2510 }, extensions: { code: 'BAD_USER_INPUT' } }],
    });
    const missing = await gql(mock, LOGIN_BY_EMAIL, {}, poolHeaders(mock));
    expect(missing.errors?.[0]?.message.code).toBe(2510);
    expect(stateOf(mock)).toBe(before);
  });

  it('malformed, non-object and oversized bodies get the GraphQL error shape with HTTP 200', async () => {
    const small = createMockServer({ bodyLimit: 200 });
    const bad = await request(small.app)
      .post('/graphql/v2')
      .set('content-type', 'application/json')
      .send('{"query": ');
    expect(bad.status).toBe(200);
    expect(bad.body.errors[0].message.code).toBe(2512);
    const noQuery = await request(small.app).post('/graphql/v2').send({ variables: {} });
    expect(noQuery.body.errors[0].message.code).toBe(2510);
    const arrayVars = await request(small.app)
      .post('/graphql/v2')
      .send({ query: CHECK, variables: [1] });
    expect(arrayVars.body.errors[0].message.code).toBe(2510);
    const big = await request(small.app)
      .post('/graphql/v2')
      .send({ query: `query { user { id } } # ${'x'.repeat(300)}` });
    expect(big.status).toBe(200);
    expect(big.body.errors[0].message).toMatchObject({ code: 2511, message: '请求体过大' });
  });

  it('reuses the cached document across requests (same text, same verdict)', async () => {
    const first = await gql(mock, 'query { nope }', {});
    const second = await gql(mock, 'query { nope }', {});
    expect(second).toEqual(first);
  });

  it('keeps parsed documents in a bounded LRU (hits return the same document, evicted ones are re-parsed)', () => {
    const first = prepare('query lru0 { checkPasswordStrength(password: "x") { valid } }');
    expect(prepare('query lru0 { checkPasswordStrength(password: "x") { valid } }')).toBe(first);
    for (let i = 1; i <= 300; i++)
      prepare(`query lru${i} { checkPasswordStrength(password: "x") { valid } }`);
    expect(prepare('query lru0 { checkPasswordStrength(password: "x") { valid } }')).not.toBe(
      first,
    );
  });
});
