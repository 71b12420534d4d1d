import { createHash } from 'node:crypto';

import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { sessionSignature } from '../../src';
import { expectWechatError, wechatHarness } from './helpers';

/** Each new route takes its own fault first, changes nothing while faulted, then works again. */
describe('faults on the charge, security, plugin and payment routes', () => {
  const h = wechatHarness();
  const { mock } = h;
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };

  it.each([
    'wechat.charge_usage_get',
    'wechat.getuserencryptkey',
    'wechat.checkencryptedmsg',
    'wechat.getuserriskrank',
    'wechat.getpluginopenpid',
    'wechat.getpaidunionid',
  ] as const)('%s answers its fault, then runs as usual', async (route) => {
    const token = await h.accessToken();
    mock.control.wechat.login(me);
    const sig = sessionSignature(mock.control.wechat.session(me)!.sessionKey);
    const { encryptedData } = mock.control.wechat.phoneNumber(me);
    const plugin = mock.control.wechat.pluginLogin({ ...me, pluginAppid: DEMO_APPID });
    const payment = mock.control.wechat.pay(me);
    const call = {
      'wechat.charge_usage_get': () =>
        h
          .http()
          .get('/wxa/charge/usage/get')
          .query({ access_token: token, spuId: '90000001', offset: 0, limit: 1 }),
      'wechat.getuserencryptkey': () =>
        h.http().get('/wxa/business/getuserencryptkey').query({
          access_token: token,
          openid: DEMO_OPENID,
          signature: sig,
          sig_method: 'hmac_sha256',
        }),
      'wechat.checkencryptedmsg': () =>
        h
          .http()
          .post('/wxa/business/checkencryptedmsg')
          .query({ access_token: token })
          .send({ encrypted_msg_hash: createHash('sha256').update(encryptedData).digest('hex') }),
      'wechat.getuserriskrank': () =>
        h
          .http()
          .post('/wxa/getuserriskrank')
          .query({ access_token: token })
          .send({ ...me, scene: 0, client_ip: '127.0.0.1' }),
      'wechat.getpluginopenpid': () =>
        h
          .http()
          .post('/wxa/getpluginopenpid')
          .query({ access_token: token })
          .send({ code: plugin.code }),
      'wechat.getpaidunionid': () =>
        h.http().get('/wxa/getpaidunionid').query({
          access_token: token,
          openid: DEMO_OPENID,
          transaction_id: payment.transactionId,
        }),
    }[route];
    const other = mock.store.fixtures.wechat.apps[1]!.appid;
    mock.control.faults.add({ route, errcode: 45011, appid: other });
    mock.control.faults.add({ route, errcode: -1, times: 2, delayMs: 0 });
    expectWechatError(await call(), -1, mock);
    expectWechatError(await call(), -1, mock);
    // The faulted calls used nothing up: the plugin code, for one, still works once.
    expect((await call()).body.errcode).toBe(0);
    expect(mock.control.faults.list()).toMatchObject([{ route, appid: other, times: 1 }]);
  });

  it('serves getLatestUserKey over HTTP', async () => {
    const res = await h.http().post('/__mock/v1/wechat/user-key').send(me).expect(200);
    expect(res.body).toEqual({
      encryptKey: expect.stringMatching(/==$/),
      iv: expect.stringMatching(/^[0-9a-f]{16}$/),
      version: 1,
      expireTime: mock.clock.nowSeconds() + 3600,
    });
    await h.http().post('/__mock/v1/wechat/user-key').send({ appid: DEMO_APPID }).expect(400);
    await h
      .http()
      .post('/__mock/v1/wechat/user-key')
      .send({ ...me, openid: 'oNobody' })
      .expect(404);
  });
});
