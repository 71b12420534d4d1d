import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { createControlClient } from '../../src';
import { expectWechatError, wechatHarness } from './helpers';

describe('plugin and payment APIs', () => {
  const h = wechatHarness();
  const { mock } = h;
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };
  const pluginAppid = () => mock.store.fixtures.wechat.apps[1]!.appid;

  describe('POST /wxa/getpluginopenpid', () => {
    const openpid = (token: string, body: unknown) =>
      h
        .http()
        .post('/wxa/getpluginopenpid')
        .query({ access_token: token })
        .send(body as object);

    it('turns a wx.pluginLogin code into an openpid once, stable per user, host and plugin', async () => {
      const plugin = pluginAppid();
      const token = await h.accessToken(plugin);
      const { code } = mock.control.wechat.pluginLogin({ ...me, pluginAppid: plugin });
      expect(code).toMatch(/^[0-9A-Za-z]{32}$/);
      const res = await openpid(token, { code }).expect(200);
      expect(res.body).toEqual({
        errcode: 0,
        errmsg: 'ok',
        openpid: expect.stringMatching(/^o[\w-]{27}$/),
      });
      expectWechatError(await openpid(token, { code }), 1007, mock);
      const again = mock.control.wechat.pluginLogin({ ...me, pluginAppid: plugin });
      expect((await openpid(token, { code: again.code })).body.openpid).toBe(res.body.openpid);
      const elsewhere = mock.control.wechat.pluginLogin({ ...me, pluginAppid: DEMO_APPID });
      const other = await openpid(await h.accessToken(DEMO_APPID), { code: elsewhere.code });
      expect(other.body.openpid).not.toBe(res.body.openpid);
    });

    it('bad input: wrong plugin, login or expired code, missing code, body, method — the WeChat shape', async () => {
      const plugin = pluginAppid();
      const token = await h.accessToken(plugin);
      const { code } = mock.control.wechat.pluginLogin({ ...me, pluginAppid: plugin });
      const res = await openpid(await h.accessToken(DEMO_APPID), { code });
      expectWechatError(res, 1005, mock);
      expect(res.body.errmsg).toMatch(/^, rid: /);
      expectWechatError(await openpid(token, { code: h.login().code }), 1007, mock);
      mock.clock.advance(5 * 60_000);
      const fresh = await h.accessToken(plugin);
      expectWechatError(await openpid(fresh, { code }), 1007, mock);
      expectWechatError(await openpid(fresh, {}), 1001, mock);
      expectWechatError(await openpid(fresh, { code: 7 }), 1001, mock);
      const broken = await h
        .http()
        .post('/wxa/getpluginopenpid')
        .query({ access_token: fresh })
        .set('content-type', 'application/json')
        .send('{"code":');
      expectWechatError(broken, 1022, mock);
      expectWechatError(await openpid('bogus', { code }), 40001, mock);
      expectWechatError(await h.http().get('/wxa/getpluginopenpid'), 43002, mock);
      mock.control.faults.add({ route: 'wechat.getpluginopenpid', errcode: 1003 });
      expectWechatError(await openpid(fresh, { code }), 1003, mock);
    });

    it('refuses plugin logins with unknown apps or users (404) and bad fields (400)', async () => {
      expect(() =>
        mock.control.wechat.pluginLogin({ ...me, pluginAppid: 'wx0000000000000000' }),
      ).toThrow(expect.objectContaining({ status: 404, error: 'unknown_app' }));
      await h.http().post('/__mock/v1/wechat/plugin-login').send(me).expect(400);
      await h
        .http()
        .post('/__mock/v1/wechat/plugin-login')
        .send({ ...me, openid: 'oNobody', pluginAppid: DEMO_APPID })
        .expect(404);
    });
  });

  describe('GET /wxa/getpaidunionid', () => {
    const paid = (query: Record<string, unknown>) =>
      h.http().get('/wxa/getpaidunionid').query(query);
    const bound = () =>
      mock.store.fixtures.wechat.users.find(
        (u) => u.unionid !== null && mock.store.wechat.apps.get(u.appid)!.openPlatformId !== null,
      )!;

    it('gives the unionid of a user who paid in the last 5 minutes, by transaction or order', async () => {
      const user = bound();
      const ref = { appid: user.appid, openid: user.openid };
      const token = await h.accessToken(user.appid);
      const pay = await createControlClient(mock.url).wechat.pay({ ...ref, outTradeNo: 'order-1' });
      expect(pay).toMatchObject({ ...ref, outTradeNo: 'order-1', paidAt: mock.clock.now() });
      const byTx = await paid({
        access_token: token,
        openid: user.openid,
        transaction_id: pay.transactionId,
      });
      expect(byTx.body).toEqual({ unionid: user.unionid, errcode: 0, errmsg: 'ok' });
      const byOrder = await paid({
        access_token: token,
        openid: user.openid,
        mch_id: pay.mchId,
        out_trade_no: 'order-1',
      });
      expect(byOrder.body.unionid).toBe(user.unionid);
      mock.clock.advance(5 * 60_000);
      const late = await paid({
        access_token: await h.accessToken(user.appid),
        openid: user.openid,
        transaction_id: pay.transactionId,
      });
      expectWechatError(late, 89300, mock);
    });

    it('bad input: openid, trade, other user, unbound app, token — the WeChat shape', async () => {
      const user = bound();
      const token = await h.accessToken(user.appid);
      const pay = mock.control.wechat.pay({ appid: user.appid, openid: user.openid });
      const q = { access_token: token, openid: user.openid };
      expectWechatError(
        await paid({ ...q, openid: 'oNobody', transaction_id: pay.transactionId }),
        40003,
        mock,
      );
      expectWechatError(await paid({ ...q, openid: undefined }), 40003, mock);
      expectWechatError(await paid(q), 40097, mock);
      expectWechatError(await paid({ ...q, mch_id: pay.mchId }), 40097, mock);
      expectWechatError(await paid({ ...q, transaction_id: 'nope' }), 89300, mock);
      expectWechatError(await paid({ ...q, mch_id: pay.mchId, out_trade_no: 'nope' }), 89300, mock);
      const someoneElse = mock.control.wechat.login({ appid: user.appid }).openid;
      expectWechatError(
        await paid({ ...q, openid: someoneElse, transaction_id: pay.transactionId }),
        89300,
        mock,
      );
      expectWechatError(
        await paid({ openid: user.openid, transaction_id: pay.transactionId }),
        41001,
        mock,
      );

      const unbound = mock.store.fixtures.wechat.apps.find((a) => a.openPlatformId === null)!;
      const { openid } = mock.control.wechat.login({ appid: unbound.appid });
      const tx = mock.control.wechat.pay({ appid: unbound.appid, openid }).transactionId;
      const unboundToken = await h.accessToken(unbound.appid);
      expectWechatError(
        await paid({ access_token: unboundToken, openid, transaction_id: tx }),
        89002,
        mock,
      );
      mock.control.faults.add({ route: 'wechat.getpaidunionid', errcode: -1, appid: user.appid });
      expectWechatError(await paid({ ...q, transaction_id: pay.transactionId }), -1, mock);
      await h
        .http()
        .post('/__mock/v1/wechat/payments')
        .send({ ...me, mchId: 5 })
        .expect(400);
    });
  });
});
