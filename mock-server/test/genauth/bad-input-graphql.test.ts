/** Bad input on every GenAuth GraphQL operation family: the right error, never a 500, no state change. */
import { createMockServer } from '../../src';
import { gql, login, poolHeaders, rsa, stateOf } from './kit';

const mock = createMockServer({ bodyLimit: 2048, uploadLimit: 64 });
/** Signed in once: tokens stay valid across reset (same seed, same pool secret). */
let session: Awaited<ReturnType<typeof login>>;
beforeAll(async () => {
  session = await login(mock);
});
beforeEach(() => mock.reset());

const REGISTER =
  'mutation r($input: RegisterByEmailInput!) { registerByEmail(input: $input) { id } }';
const PHONE_LOGIN =
  'mutation l($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id } }';
const PW_LOGIN =
  'mutation l($input: LoginByPhonePasswordInput!) { loginByPhonePassword(input: $input) { id } }';

/** [family, document, variables, expected code, signed in?]. */
const GRAPHQL: [string, string, object, number, boolean][] = [
  [
    'register: bad e-mail',
    REGISTER,
    { input: { email: 'not-mail', password: rsa('S3cret-pass') } },
    2003,
    false,
  ],
  [
    'register: bad ciphertext',
    REGISTER,
    { input: { email: 'n@example.com', password: 'AAAA' } },
    2016,
    false,
  ],
  [
    'register: short password',
    REGISTER,
    { input: { email: 'n@example.com', password: rsa('123') } },
    2029,
    false,
  ],
  [
    'register: params not JSON',
    REGISTER,
    { input: { email: 'n@example.com', password: rsa('S3cret-pass'), params: '[{' } },
    2510,
    false,
  ],
  [
    'register: params with an undefined UDF',
    REGISTER,
    {
      input: {
        email: 'n@example.com',
        password: rsa('S3cret-pass'),
        params: '[{"key":"nope","value":1}]',
      },
    },
    2400,
    false,
  ],
  [
    'login: bad ciphertext',
    PW_LOGIN,
    { input: { phone: '13800000000', password: 'not base64 rsa' } },
    2016,
    false,
  ],
  ['login: bad phone', PHONE_LOGIN, { input: { phone: 'x', code: '1' } }, 2028, false],
  [
    'login: wrong SMS code',
    PHONE_LOGIN,
    { input: { phone: '13800000000', code: '000000' } },
    2001,
    false,
  ],
  [
    'codes: sendEmail bad e-mail',
    'mutation { sendEmail(email: "x", scene: VERIFY_EMAIL) { code } }',
    {},
    2003,
    false,
  ],
  [
    'codes: sendEmail unknown scene',
    'mutation s($scene: EmailScene!) { sendEmail(email: "a@b.co", scene: $scene) { code } }',
    { scene: 'NOPE' },
    2510,
    false,
  ],
  [
    'reset: neither phone nor e-mail',
    'mutation { resetPassword(code: "1", newPassword: "x") { code } }',
    {},
    2231,
    false,
  ],
  [
    'profile: updateUser phone',
    'mutation { updateUser(input: { phone: "13800000000" }) { id } }',
    {},
    2226,
    true,
  ],
  [
    'profile: updatePassword bad ciphertext',
    'mutation { updatePassword(newPassword: "x") { id } }',
    {},
    2016,
    true,
  ],
  [
    'profile: updatePhone bad phone',
    'mutation { updatePhone(phone: "x", phoneCode: "1") { id } }',
    {},
    2028,
    true,
  ],
  [
    'profile: updateEmail unchanged',
    'mutation u($e: String!) { updateEmail(email: $e, emailCode: "1") { id } }',
    { e: 'SELF' },
    2229,
    true,
  ],
  [
    'bindings: bindEmail while one is bound',
    'mutation { bindEmail(email: "free@example.com", emailCode: "1") { id } }',
    {},
    2200,
    true,
  ],
  [
    'udv: another target type',
    'mutation { setUdv(targetType: ORG, targetId: "x", key: "school", value: "x") { key } }',
    {},
    1001,
    true,
  ],
  [
    'udv: batch with one bad value',
    'mutation b($id: String!) { setUdvBatch(targetType: USER, targetId: $id, udvList: [{key: "school", value: "\\"ok\\""}, {key: "age", value: "\\"old\\""}]) { key } }',
    { id: 'SELF' },
    2401,
    true,
  ],
  ['tokens: refreshToken signed out', 'mutation { refreshToken { token } }', {}, 2020, false],
];

describe('GraphQL operation families', () => {
  it.each(GRAPHQL)(
    '%s → its code, null root, no state change',
    async (_name, query, variables, code, signedIn) => {
      const self = mock.store.fixtures.genauth.accounts[0]!;
      const vars = JSON.parse(
        JSON.stringify(variables).replace(
          '"SELF"',
          JSON.stringify(query.includes('updateEmail') ? self.email : session.id),
        ),
      );
      const before = stateOf(mock);
      const body = await gql(mock, query, vars, signedIn ? session.headers : poolHeaders(mock));
      expect(body.errors?.[0]?.message).toMatchObject({ code, message: expect.any(String) });
      const root = Object.keys(body.data ?? {})[0];
      expect(root && body.data![root]).toBeNull();
      expect(stateOf(mock)).toBe(before);
    },
  );
});

describe('GraphQL without a pool', () => {
  it('refuses an operation whose request names no pool, app or token (2224), no state change', async () => {
    const before = stateOf(mock);
    const body = await gql(mock, REGISTER, {
      input: { email: 'nopool@example.com', password: rsa('S3cret-pass') },
    });
    expect(body.errors?.[0]?.message).toMatchObject({ code: 2224 });
    expect(body.data).toEqual({ registerByEmail: null });
    expect(stateOf(mock)).toBe(before);
  });
});
