import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { expectWechatError, wechatHarness } from './helpers';

describe('POST /wxa/business/getuserphonenumber', () => {
  const h = wechatHarness();
  const { mock } = h;

  const phoneCode = (appid = DEMO_APPID, openid = DEMO_OPENID): string =>
    mock.control.wechat.phoneNumber({ appid, openid }).code;
  const exchange = (accessToken: string, body: unknown) =>
    h
      .http()
      .post('/wxa/business/getuserphonenumber')
      .query({ access_token: accessToken })
      .send(body as object);

  it('turns a phone code into phone_info once', async () => {
    const token = await h.accessToken();
    const code = await phoneCode();
    const tappedAt = mock.clock.nowSeconds();
    mock.clock.advance(60_000);
    const res = await exchange(token, { code }).expect(200);
    expect(res.body).toEqual({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: '13580006666',
        purePhoneNumber: '13580006666',
        countryCode: '86',
        watermark: { timestamp: tappedAt, appid: DEMO_APPID },
      },
    });
    expectWechatError(await exchange(token, { code }), 40029, mock);
  });

  it('answers 40029 for expired, other-app, login, unknown, non-string and other-user codes', async () => {
    const token = await h.accessToken();
    const expired = await phoneCode();
    mock.clock.advance(5 * 60_000);
    expectWechatError(await exchange(token, { code: expired }), 40029, mock);

    const sibling = mock.store.fixtures.wechat.users.find(
      (u) => u.appid !== DEMO_APPID && u.phone,
    )!;
    const foreign = await phoneCode(sibling.appid, sibling.openid);
    expectWechatError(await exchange(token, { code: foreign }), 40029);
    expect(
      (await exchange(await h.accessToken(sibling.appid), { code: foreign })).body.errcode,
    ).toBe(0);

    const { code: loginCode } = await h.login(DEMO_APPID);
    expectWechatError(await exchange(token, { code: loginCode }), 40029);
    expectWechatError(
      await exchange(token, {
        code: 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144',
      }),
      40029,
    );
    expectWechatError(await exchange(token, { code: 12345 }), 40029);

    const mine = await phoneCode();
    expectWechatError(await exchange(token, { code: mine, openid: 'oSomeoneElse' }), 40029);
    expect((await exchange(token, { code: mine, openid: DEMO_OPENID })).body.errcode).toBe(0);
  });

  it('checks the access token first', async () => {
    const code = await phoneCode();
    const noToken = await h.http().post('/wxa/business/getuserphonenumber').send({ code });
    expectWechatError(noToken, 41001, mock);
    expectWechatError(await exchange('bogus', { code }), 40001, mock);
    const token = await h.accessToken();
    mock.clock.advance(7200 * 1000);
    expectWechatError(await exchange(token, { code }), 42001, mock);
  });

  it('bad input: method, body, missing code — never a 500, never a state change', async () => {
    const token = await h.accessToken();
    const code = await phoneCode();
    const before = h.stateText();
    const path = `/wxa/business/getuserphonenumber?access_token=${token}`;
    expectWechatError(await h.http().get(path), 43002, mock);
    expectWechatError(await h.http().post(path), 44002, mock);
    expectWechatError(
      await h.http().post(path).set('content-type', 'application/json').send('{code'),
      47001,
    );
    expectWechatError(await exchange(token, ['code']), 47001);
    expectWechatError(await exchange(token, {}), 41008, mock);
    expectWechatError(await exchange(token, { code, openid: 7 }), 47001);
    const huge = await exchange(token, { code, pad: 'x'.repeat(mock.context.options.bodyLimit) });
    expectWechatError(huge, 47001);
    expect(h.stateText()).toBe(before);
    expect((await exchange(token, { code })).body.errcode).toBe(0);
  });
});
