/** The successor SDK's account changes: e-mail, phone and deleting the account, with codes from the outbox. */
import { lastCode, mockPerFile, sdkFor, tenancy } from './harness';

// eslint-disable-next-line @typescript-eslint/no-require-imports
jest.mock('@tarojs/taro', () => require('./taro').taroModule, { virtual: true });

const { mock, url } = mockPerFile();

/** A new WeChat user signed in by code: no e-mail, no phone. */
async function wechatUser() {
  const t = tenancy(mock);
  const s = await sdkFor(url(), t);
  const [err] = await s.sdk.loginByCode({ extIdpConnidentifier: t.extIdpConnidentifier });
  expect(err).toBeNull();
  return s;
}

describe('@authing/miniapp-taro 5.1.18 account management', () => {
  test('sendEmailCode + bindEmail; a second send within the minute is 429', async () => {
    const { sdk } = await wechatUser();
    const [sent] = await sdk.sendEmailCode({
      email: 'bind@example.com',
      channel: 'CHANNEL_BIND_EMAIL',
    });
    expect(sent).toBeNull();
    const [again] = await sdk.sendEmailCode({
      email: 'bind@example.com',
      channel: 'CHANNEL_BIND_EMAIL',
    });
    expect(again).toMatchObject({ statusCode: 429 });
    const [wrong] = await sdk.bindEmail({ email: 'bind@example.com', passCode: '000000' });
    expect(wrong).toMatchObject({ statusCode: 400, apiCode: 2001 });
    const [err, env] = await sdk.bindEmail({
      email: 'bind@example.com',
      passCode: lastCode(mock, 'bind@example.com'),
    });
    expect(err).toBeNull();
    expect(env).toEqual({ statusCode: 200, message: '' });
    const [, me] = await sdk.getUserInfo();
    expect(me).toMatchObject({ email: 'bind@example.com', emailVerified: true });
  });

  test('updateEmailRequest (new + old codes) then updateEmail with its single-use token', async () => {
    const { sdk } = await wechatUser();
    await sdk.sendEmailCode({ email: 'old@example.com', channel: 'CHANNEL_BIND_EMAIL' });
    await sdk.bindEmail({ email: 'old@example.com', passCode: lastCode(mock, 'old@example.com') });
    await sdk.sendEmailCode({ email: 'new@example.com', channel: 'CHANNEL_UPDATE_EMAIL' });
    await sdk.sendEmailCode({ email: 'old@example.com', channel: 'CHANNEL_UPDATE_EMAIL' });
    const [err, data] = await sdk.updateEmailRequest({
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: {
        newEmail: 'new@example.com',
        newEmailPassCode: lastCode(mock, 'new@example.com'),
        oldEmail: 'old@example.com',
        oldEmailPassCode: lastCode(mock, 'old@example.com'),
      },
    });
    expect(err).toBeNull();
    expect(data).toEqual({ updateEmailToken: expect.any(String), tokenExpiresIn: 60 });
    const [e2] = await sdk.updateEmail({ updateEmailToken: data.updateEmailToken });
    expect(e2).toBeNull();
    const [, me] = await sdk.getUserInfo();
    expect(me.email).toBe('new@example.com');
    const [reused] = await sdk.updateEmail({ updateEmailToken: data.updateEmailToken });
    expect(reused).toMatchObject({ statusCode: 400, apiCode: 2510 });
  });

  test('an updateEmail token expires after 60 s on the mock clock', async () => {
    const { sdk } = await wechatUser();
    await sdk.sendEmailCode({ email: 'late@example.com', channel: 'CHANNEL_UPDATE_EMAIL' });
    const [, data] = await sdk.updateEmailRequest({
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: {
        newEmail: 'late@example.com',
        newEmailPassCode: lastCode(mock, 'late@example.com'),
      },
    });
    mock.clock.advance(61_000);
    const [err] = await sdk.updateEmail({ updateEmailToken: data.updateEmailToken });
    expect(err).toMatchObject({ statusCode: 400, apiCode: 2300 });
  });

  test('sendSms + bindPhone, then updatePhoneRequest + updatePhone', async () => {
    const { sdk } = await wechatUser();
    const [sent] = await sdk.sendSms({ phoneNumber: '13700000001', channel: 'CHANNEL_BIND_PHONE' });
    expect(sent).toBeNull();
    const [err] = await sdk.bindPhone({
      phoneNumber: '13700000001',
      passCode: lastCode(mock, '13700000001'),
    });
    expect(err).toBeNull();
    const [, me] = await sdk.getUserInfo();
    expect(me).toMatchObject({ phone: '13700000001', phoneCountryCode: '+86' });

    await sdk.sendSms({ phoneNumber: '13700000002', channel: 'CHANNEL_BIND_PHONE' });
    const [e1, data] = await sdk.updatePhoneRequest({
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: {
        newPhoneNumber: '13700000002',
        newPhonePassCode: lastCode(mock, '13700000002'),
      },
    });
    expect(e1).toBeNull();
    expect(data).toEqual({ updatePhoneToken: expect.any(String), tokenExpiresIn: 60 });
    const [e2] = await sdk.updatePhone({ updatePhoneToken: data.updatePhoneToken });
    expect(e2).toBeNull();
    const [, after] = await sdk.getUserInfo();
    expect(after.phone).toBe('13700000002');
  });

  test('bindPhone refuses a phone another account holds (409 / 2035)', async () => {
    const taken = mock.store.fixtures.genauth.accounts[0]!.phone!;
    const { sdk } = await wechatUser();
    await sdk.sendSms({ phoneNumber: taken, channel: 'CHANNEL_BIND_PHONE' });
    const [err] = await sdk.bindPhone({ phoneNumber: taken, passCode: lastCode(mock, taken) });
    expect(err).toMatchObject({ statusCode: 409, apiCode: 2035 });
  });

  test('deleteAccountRequest by phone code, then deleteAccount: the token stops working', async () => {
    const { sdk, t } = await wechatUser();
    await sdk.sendSms({ phoneNumber: '13700000003', channel: 'CHANNEL_BIND_PHONE' });
    await sdk.bindPhone({ phoneNumber: '13700000003', passCode: lastCode(mock, '13700000003') });
    const [, me] = await sdk.getUserInfo();
    await sdk.sendSms({ phoneNumber: '13700000003', channel: 'CHANNEL_DELETE_ACCOUNT' });
    const [err, data] = await sdk.deleteAccountRequest({
      verifyMethod: 'PHONE_PASSCODE',
      phonePassCodePayload: { phoneNumber: '13700000003', passCode: lastCode(mock, '13700000003') },
    });
    expect(err).toBeNull();
    expect(data).toEqual({ deleteAccountToken: expect.any(String), tokenExpiresIn: 60 });
    const [e2, env] = await sdk.deleteAccount({ deleteAccountToken: data.deleteAccountToken });
    expect(e2).toBeNull();
    expect(env).toEqual({ statusCode: 200, message: '' });
    expect(mock.store.genauth.pools.get(t.userPoolId)!.users.get(me.userId)).toBeUndefined();
    const [gone] = await sdk.getUserInfo();
    expect(gone).toMatchObject({ statusCode: 401, apiCode: 2207 });
  });

  test('deleteAccountRequest by password (sent in plaintext) and by e-mail code; a wrong password is 2333', async () => {
    const t = tenancy(mock);
    const account = mock.store.fixtures.genauth.accounts[0]!;
    const { sdk } = await sdkFor(url(), t);
    await sdk.loginByPassword({
      passwordPayload: { email: account.email, password: account.password },
    });
    const [wrong] = await sdk.deleteAccountRequest({
      verifyMethod: 'PASSWORD',
      passwordPayload: { password: 'nope' },
    });
    expect(wrong).toMatchObject({ statusCode: 403, apiCode: 2333 });
    const [err, data] = await sdk.deleteAccountRequest({
      verifyMethod: 'PASSWORD',
      passwordPayload: { password: account.password },
    });
    expect(err).toBeNull();
    expect(typeof data.deleteAccountToken).toBe('string');
    await sdk.sendEmailCode({ email: account.email, channel: 'CHANNEL_DELETE_ACCOUNT' });
    const [e2, d2] = await sdk.deleteAccountRequest({
      verifyMethod: 'EMAIL_PASSCODE',
      emailPassCodePayload: { email: account.email, passCode: lastCode(mock, account.email!) },
    });
    expect(e2).toBeNull();
    expect(d2.deleteAccountToken).not.toBe(data.deleteAccountToken);
  });

  test('every account call without a login state is a local error, with no request', async () => {
    const t = tenancy(mock);
    const { sdk } = await sdkFor(url(), t);
    const before = mock.control.journal.list().length;
    const expired = { message: 'Token has expired, please login again' };
    for (const call of [
      () => sdk.getUserInfo(),
      () => sdk.updateUserInfo({ nickname: 'x' }),
      () => sdk.updatePassword({ newPassword: 'x', oldPassword: 'y' }),
      () => sdk.bindEmail({ email: 'a@b.c', passCode: '1' }),
      () => sdk.updateEmailRequest({ verifyMethod: 'EMAIL_PASSCODE' }),
      () => sdk.updateEmail({ updateEmailToken: 'x' }),
      () => sdk.bindPhone({ phoneNumber: '1', passCode: '1' }),
      () => sdk.updatePhoneRequest({ verifyMethod: 'PHONE_PASSCODE' }),
      () => sdk.updatePhone({ updatePhoneToken: 'x' }),
      () => sdk.deleteAccountRequest({ verifyMethod: 'PASSWORD' }),
      () => sdk.deleteAccount({ deleteAccountToken: 'x' }),
      () => sdk.bindWxByCode({ extIdpConnidentifier: t.extIdpConnidentifier }),
    ]) {
      const [err, data] = await call();
      expect([err, data]).toEqual([expired, undefined]);
    }
    expect(mock.control.journal.list()).toHaveLength(before);
  });
});
