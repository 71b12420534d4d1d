import type { JournalEntry } from '@genauth-wxapp/mock-server';
import { TOKEN_KEY, USER_KEY } from '../../src/node';

import type { MockHarness } from '../helpers/mock';
import { useMockHarness } from '../helpers/mock';
import { failure } from '../helpers/failure';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

const gql = async (): Promise<
  JournalEntry & { body: { query: string; variables: Record<string, unknown> } }
> => (await h.last('/graphql/v2')) as never;

const full = () => h.account((a) => a.email && a.phone && a.subAccount);

describe('register', () => {
  it('registerByEmail sends the official variables (RSA password, params/context JSON) and stores the user', async () => {
    const { client, storage } = h.client();
    const user = await client.registerByEmail(
      'new.user@example.com',
      'Secret-123',
      { nickname: '新用户' },
      { generateToken: true, customData: { age: 1 }, context: { k: 'v' } },
    );
    expect(user).toMatchObject({ email: 'new.user@example.com', nickname: '新用户' });
    expect(storage.get(USER_KEY)).toEqual(user);
    const sent = await gql();
    expect(sent.body.query).toMatch(/^mutation registerByEmail\(\$input: RegisterByEmailInput!\)/);
    expect(sent.body.variables).toEqual({
      input: {
        email: 'new.user@example.com',
        password: expect.stringMatching(/^[A-Za-z0-9+/]{171}=$/),
        profile: { nickname: '新用户' },
        forceLogin: false,
        generateToken: true,
        params: '[{"key":"age","value":1}]',
        context: '{"k":"v"}',
      },
    });
    // the RSA ciphertext decrypted on the mock: the password logs in
    const { client: other } = h.client();
    await expect(other.loginByEmail('new.user@example.com', 'Secret-123')).resolves.toMatchObject({
      id: user.id,
    });
  });

  it('registerByUsername, then a duplicate is 2026 / 2034', async () => {
    const { client } = h.client();
    const user = await client.registerByUsername('fresh_name', 'Secret-123');
    expect(user.username).toBe('fresh_name');
    expect((await gql()).body.variables).toMatchObject({
      input: { username: 'fresh_name', profile: {}, params: null, context: null },
    });
    const error = await failure(client.registerByUsername('fresh_name', 'Secret-123'));
    expect(error.kind).toBe('server');
    expect([2026, 2034]).toContain(error.code);
  });

  it('registerByPhoneCode with the SMS code the mock sent', async () => {
    const { client } = h.client();
    expect(await client.sendSmsCode('13800001111')).toBeUndefined();
    expect((await h.last('/api/v2/sms/send')).body).toEqual({ phone: '13800001111' });
    const code = await h.lastCode('13800001111');
    const user = await client.registerByPhoneCode('13800001111', code, 'Secret-123');
    expect(user.phone).toBe('13800001111');
  });
});

describe('login', () => {
  it('loginByEmail / Username / PhonePassword / SubAccount with the demo password', async () => {
    const a = full();
    const { client, storage } = h.client();
    const byEmail = await client.loginByEmail(a.email!, a.password);
    expect(byEmail.id).toBe(a.id);
    expect(storage.get(TOKEN_KEY)).toBe(byEmail.token);
    expect((await gql()).body.variables).toEqual({
      input: {
        email: a.email,
        password: expect.any(String),
        autoRegister: false,
        params: null,
        context: null,
      },
    });
    expect((await client.loginByUsername(a.username!, a.password)).id).toBe(a.id);
    expect((await client.loginByPhonePassword(a.phone!, a.password)).id).toBe(a.id);
    const sub = await client.loginBySubAccount(a.subAccount!, a.password);
    expect(sub.id).toBeDefined();
    expect((await gql()).body.variables).toEqual({
      account: a.subAccount,
      password: expect.any(String),
    });
  });

  it('loginByPhoneCode with the fixed SMS code', async () => {
    const fixed = h.demo.fixedCodes.find((c) => /^\d+$/.test(c.to))!;
    const { client } = h.client();
    await client.sendSmsCode(fixed.to);
    expect(await h.lastCode(fixed.to)).toBe(fixed.code);
    const user = await client.loginByPhoneCode(fixed.to, fixed.code, { clientIp: '1.2.3.4' });
    expect(user.phone).toBe(fixed.to);
    expect((await gql()).body.variables).toEqual({
      input: {
        phone: fixed.to,
        code: fixed.code,
        clientIp: '1.2.3.4',
        params: null,
        context: null,
      },
    });
  });

  it('maps GenAuth errors: unknown user 2004, wrong password 2333/2006, wrong code 2001', async () => {
    const onError = jest.fn();
    const { client, storage } = h.client({ onError });
    const unknown = await failure(client.loginByEmail('nobody@example.com', 'whatever-1'));
    expect(unknown).toMatchObject({
      kind: 'server',
      code: 2004,
      message: '用户不存在',
      data: null,
    });
    const wrong = await failure(client.loginByEmail(full().email!, 'wrong-password-1'));
    expect([2333, 2006]).toContain(wrong.code);
    const badCode = await failure(client.loginByPhoneCode(full().phone!, '000000'));
    expect(badCode.code).toBe(2001);
    expect(onError.mock.calls).toEqual([
      [2004, '用户不存在', null],
      [wrong.code, wrong.message, wrong.data],
      [2001, badCode.message, badCode.data],
    ]);
    expect(storage.map.size).toBe(0);
  });

  it('LDAP and AD logins send plaintext credentials and store the user', async () => {
    const ldap = h.demo.directory.find((d) => d.kind === 'ldap')!;
    const ad = h.demo.directory.find((d) => d.kind === 'ad')!;
    const { client, storage } = h.client();
    const viaLdap = await client.loginByLdap(ldap.username, ldap.password);
    expect(storage.get(USER_KEY)).toEqual(viaLdap);
    expect((await h.last('/api/v2/ldap/verify-user')).body).toEqual({
      username: ldap.username,
      password: ldap.password,
    });
    const viaAd = await client.loginByAd(ad.username, ad.password, h.url);
    const { client: configured } = h.client({ websocketHost: h.url });
    await expect(configured.loginByAd(ad.username, ad.password)).resolves.toMatchObject({
      id: viaAd.id,
    });
    expect(viaAd.id).not.toBe(viaLdap.id);
    expect((await h.last('/api/v2/ad/verify-user')).body).toEqual({
      username: ad.username,
      password: ad.password,
    });
  });

  it('skips .well-known when the publicKey option is given', async () => {
    const res = await fetch(`${h.url}/api/v2/.well-known`, {
      headers: { 'x-authing-app-id': h.app.appId },
    });
    const { data } = (await res.json()) as { data: { publicKey: string } };
    await h.reset();
    const a = full();
    const { client } = h.client({ publicKey: data.publicKey });
    await expect(client.loginByEmail(a.email!, a.password)).resolves.toMatchObject({ id: a.id });
    expect(await h.requests('/api/v2/.well-known')).toHaveLength(0);
  });

  it('fetches the public key once per client', async () => {
    const { client } = h.client();
    const a = full();
    await client.loginByEmail(a.email!, a.password);
    await client.loginByUsername(a.username!, a.password);
    expect(await h.requests('/api/v2/.well-known')).toHaveLength(1);
  });
});

describe('codes, strength, reset, status', () => {
  it('checkPasswordStrength sends plaintext', async () => {
    const { client } = h.client();
    const result = await client.checkPasswordStrength('Str0ng-Passw0rd');
    expect(typeof result.valid).toBe('boolean');
    expect((await gql()).body.variables).toEqual({ password: 'Str0ng-Passw0rd' });
  });

  it('sendEmail and resetPasswordByEmailCode; the new password works', async () => {
    const a = full();
    const { client } = h.client();
    const sent = await client.sendEmail(a.email!, 'RESET_PASSWORD');
    expect(sent.code).toBe(200);
    const code = await h.lastCode(a.email!);
    const reset = await client.resetPasswordByEmailCode(a.email!, code, 'Brand-New-1');
    expect(reset.code).toBe(200);
    await expect(client.loginByEmail(a.email!, 'Brand-New-1')).resolves.toMatchObject({ id: a.id });
  });

  it('resetPasswordByPhoneCode; unknown phone is 2004', async () => {
    const a = full();
    const { client } = h.client();
    await client.sendSmsCode(a.phone!);
    const code = await h.lastCode(a.phone!);
    await expect(
      client.resetPasswordByPhoneCode(a.phone!, code, 'Brand-New-2'),
    ).resolves.toMatchObject({
      code: 200,
    });
    expect((await gql()).body.variables).toEqual({
      phone: a.phone,
      code,
      newPassword: expect.any(String),
    });
    await expect(client.loginByPhonePassword(a.phone!, 'Brand-New-2')).resolves.toMatchObject({
      id: a.id,
    });
  });

  it('checkLoginStatus: the stored token, an explicit token, and no token (status false, no throw)', async () => {
    const a = full();
    const { client } = h.client();
    const anonymous = await client.checkLoginStatus();
    expect(anonymous).toMatchObject({ status: false, code: 2020 });
    expect((await gql()).body.variables).toEqual({});
    const user = await client.loginByEmail(a.email!, a.password);
    await expect(client.checkLoginStatus()).resolves.toMatchObject({
      status: true,
      code: 200,
      data: { id: a.id },
    });
    await expect(client.checkLoginStatus(user.token!)).resolves.toMatchObject({ status: true });
    expect((await gql()).body.variables).toEqual({ token: user.token });
    await expect(client.checkLoginStatus('not.a.token')).resolves.toMatchObject({ status: false });
  });

  it('computedPasswordSecurityLevel is local', () => {
    const { client } = h.client();
    expect(client.computedPasswordSecurityLevel('abc')).toBe(1);
    expect(client.computedPasswordSecurityLevel('abcdefg1')).toBe(2);
    expect(client.computedPasswordSecurityLevel('abcdefGHIJ12')).toBe(3);
    expect(() => client.computedPasswordSecurityLevel(1 as never)).toThrow(TypeError);
  });
});
