/**
 * The official authing-js-sdk@4.15.8 AuthenticationClient (through the wxapp subclass, which is
 * what a mini-program runs) against the mock: registration, logins, codes, password reset.
 */
import { rejection, storage, wxClient, jsClient, officialMock } from './harness';
import { lastCode } from './mockkit';

const mock = officialMock();
const fx = () => mock.store.fixtures.genauth;
const ids = () => ({ userPoolId: fx().pools[0]!.id, appId: fx().apps[0]!.id });
const client = () => wxClient(mock.url, ids());
const alice = () => fx().accounts[0]!;

describe('register', () => {
  it('registerByEmail stores the profile and custom data; token only with forceLogin', async () => {
    const sdk = client();
    const user = await sdk.registerByEmail(
      'new@example.com',
      'S3cret-pass',
      { nickname: '新人' },
      { customData: { school: 'pku', age: 18 } },
    );
    expect(user).toMatchObject({
      email: 'new@example.com',
      nickname: '新人',
      token: null,
      registerSource: ['basic:email'],
    });
    const logged = await sdk.loginByEmail('new@example.com', 'S3cret-pass');
    expect(await sdk.getUdfValue()).toEqual({ school: 'pku', age: 18 });
    expect(logged.token).toBe(storage.get('_authing_token'));
    const forced = await sdk.registerByUsername(
      'fresh_user',
      'S3cret-pass',
      {},
      { forceLogin: true },
    );
    expect(forced.token).toEqual(expect.any(String));
    expect((await sdk.checkLoginStatus(forced.token as string)).data.id).toBe(forced.id);
  });

  it('refuses a duplicate with 2026 and leaves the count unchanged', async () => {
    const before = mock.store.genauth.pools.get(ids().userPoolId)!.users.size;
    const err = await rejection(client().registerByEmail(alice().email!, 'whatever1'));
    expect(err).toEqual({ code: 2026, message: '用户已存在，请直接登录！', data: null });
    expect(mock.store.genauth.pools.get(ids().userPoolId)!.users.size).toBe(before);
  });

  it('registerByPhoneCode consumes the SMS code once', async () => {
    const sdk = client();
    expect(await sdk.sendSmsCode('13900001111')).toBeUndefined();
    const code = await lastCode(mock, '13900001111');
    const user = await sdk.registerByPhoneCode(
      '13900001111',
      code,
      'S3cret-pass',
      {},
      { generateToken: true },
    );
    expect(user).toMatchObject({ phone: '13900001111', phoneVerified: true });
    expect(user.token).toEqual(expect.any(String));
    expect(await rejection(sdk.registerByPhoneCode('13900002222', code))).toMatchObject({
      code: 2001,
    });
  });
});

describe('password logins', () => {
  it('loginByEmail / loginByUsername / loginByPhonePassword / loginBySubAccount store user and token', async () => {
    const a = alice();
    const sdk = client();
    for (const login of [
      () => sdk.loginByEmail(a.email, a.password),
      () => sdk.loginByUsername(a.username, a.password),
      () => sdk.loginByPhonePassword(a.phone, a.password),
      () => sdk.loginBySubAccount(a.subAccount, a.password),
    ]) {
      const user = await login();
      expect(user.id).toBe(a.id);
      expect(storage.get('_authing_token')).toBe(user.token);
      expect(storage.get('_authing_user')).toMatchObject({ id: a.id });
    }
    expect((await sdk.getCurrentUser()).loginsCount).toBe(4);
  });

  it('unknown account → 2004, wrong password → 2333, autoRegister creates the account', async () => {
    const sdk = client();
    expect(await rejection(sdk.loginByEmail('nobody@example.com', 'x1234567'))).toEqual({
      code: 2004,
      message: '用户不存在',
      data: null,
    });
    expect(await rejection(sdk.loginByUsername(alice().username, 'wrong-pass'))).toMatchObject({
      code: 2333,
      message: '用户名或密码错误',
    });
    expect(storage.has('_authing_token')).toBe(false);
    const created = await sdk.loginByEmail('auto@example.com', 'S3cret-pass', {
      autoRegister: true,
    });
    expect(created).toMatchObject({ email: 'auto@example.com', token: expect.any(String) });
  });

  it('loginByPhoneCode uses the fixed fixture code once; a second use is 2001', async () => {
    const sdk = client();
    await sdk.sendSmsCode(alice().phone);
    const user = await sdk.loginByPhoneCode(alice().phone, '123456');
    expect(user.id).toBe(alice().id);
    expect(await rejection(sdk.loginByPhoneCode(alice().phone, '123456'))).toMatchObject({
      code: 2001,
      message: '验证码不正确！',
    });
  });

  it('an expired SMS code is 2300 (mock clock)', async () => {
    const sdk = client();
    await sdk.sendSmsCode(alice().phone);
    mock.clock.advance(5 * 60 * 1000 + 1);
    expect(await rejection(sdk.loginByPhoneCode(alice().phone, '123456'))).toMatchObject({
      code: 2300,
    });
  });

  it('a stale bearer does not block anonymous operations', async () => {
    storage.set('_authing_token', 'not.a.token');
    const user = await client().loginByEmail(alice().email, alice().password);
    expect(user.id).toBe(alice().id);
  });
});

describe('codes, reset, strength', () => {
  it('sendEmail + resetPasswordByEmailCode, then the new password works and the old does not', async () => {
    const sdk = client();
    expect(await sdk.sendEmail(alice().email, 'RESET_PASSWORD')).toEqual({
      code: 200,
      message: '发送成功',
    });
    const code = await lastCode(mock, alice().email!);
    expect(await sdk.resetPasswordByEmailCode(alice().email, code, 'N3w-password')).toEqual({
      code: 200,
      message: '重置密码成功！',
    });
    await expect(sdk.loginByEmail(alice().email, 'N3w-password')).resolves.toMatchObject({
      id: alice().id,
    });
    expect(await rejection(sdk.loginByEmail(alice().email, alice().password))).toMatchObject({
      code: 2333,
    });
  });

  it('resetPasswordByPhoneCode; an unknown phone is 2004', async () => {
    const sdk = client();
    await sdk.sendSmsCode(alice().phone);
    await sdk.resetPasswordByPhoneCode(alice().phone, '123456', 'N3w-password');
    await expect(sdk.loginByPhonePassword(alice().phone, 'N3w-password')).resolves.toMatchObject({
      id: alice().id,
    });
    expect(
      await rejection(sdk.resetPasswordByPhoneCode('13000000000', '1', 'N3w-password')),
    ).toMatchObject({ code: 2004 });
  });

  it('checkPasswordStrength (plaintext)', async () => {
    expect(await client().checkPasswordStrength('abc')).toEqual({
      valid: false,
      message: '密码长度不能少于 6 位',
    });
    expect(await client().checkPasswordStrength('abcdef12')).toEqual({
      valid: true,
      message: '密码验证成功',
    });
  });
});

describe('an RS256 app', () => {
  it('signs in, refreshes and checks RS256 tokens through the wxapp SDK', async () => {
    const rsApp = fx().apps.find((a) => a.tokenAlgorithm === 'RS256')!;
    const sdk = wxClient(mock.url, { userPoolId: fx().pools[0]!.id, appId: rsApp.id });
    const user = await sdk.loginByEmail(alice().email, alice().password);
    const header = JSON.parse(Buffer.from(user.token!.split('.')[0]!, 'base64url').toString()) as {
      alg: string;
    };
    expect(header.alg).toBe('RS256');
    const refreshed = await sdk.refreshToken();
    expect(storage.get('_authing_token')).toBe(refreshed.token);
    expect(await sdk.checkLoginStatus()).toMatchObject({
      code: 200,
      status: true,
      data: { id: alice().id },
    });
  });
});

describe('plain authing-js-sdk (Node transport, pool header on GraphQL)', () => {
  it('logs in and reads the current user', async () => {
    const sdk = jsClient(mock.url, ids());
    const user = await sdk.loginByEmail(alice().email, alice().password);
    expect(user.id).toBe(alice().id);
    expect((await sdk.checkLoginStatus()).status).toBe(true);
  });
});
