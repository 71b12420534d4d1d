import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { expectWechatError, wechatHarness } from './helpers';

describe('GET /wxa/charge/usage/get', () => {
  const h = wechatHarness();
  const { mock } = h;
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };
  const FAST = '90000001';
  const usage = (query: Record<string, unknown>) =>
    h.http().get('/wxa/charge/usage/get').query(query);

  it('reports the trial package and its use, then a paid package, per product', async () => {
    const token = await h.accessToken();
    mock.control.wechat.phoneNumber(me);
    mock.control.wechat.phoneNumber(me);
    const res = await usage({ access_token: token, spuId: FAST, offset: 0, limit: 20 }).expect(200);
    expect(res.body).toMatchObject({
      errcode: 0,
      errmsg: 'ok',
      all: '1000',
      effectiveUse: '2',
      effectiveAll: '1000',
      total: 1,
      detailList: [{ status: 1, all: '1000', used: '2', spuId: FAST, source: 1 }],
    });
    const pkg = res.body.detailList[0];
    expect(pkg.endTime - pkg.startTime).toBe(365 * 86_400);

    mock.control.wechat.setQuota({ appid: DEMO_APPID, fastVerify: { paid: 50, used: 1010 } });
    const paid = await usage({ access_token: token, spuId: FAST, offset: 0, limit: 20 });
    expect(paid.body).toMatchObject({ all: '1050', effectiveUse: '1010', total: 2 });
    expect(paid.body.detailList.map((p: { used: string }) => p.used)).toEqual(['1000', '10']);
    const page = await usage({ access_token: token, spuId: FAST, offset: 1, limit: 1 });
    expect(page.body.detailList).toHaveLength(1);
    expect(page.body.detailList[0].source).toBe(2);

    const realtime = await usage({ access_token: token, spuId: '90000002', offset: 0, limit: 5 });
    expect(realtime.body).toMatchObject({ all: '1000', effectiveUse: '0' });
    const other = await usage({ access_token: token, spuId: '12345', offset: 0, limit: 5 });
    expect(other.body).toMatchObject({ errcode: 0, all: '0', total: 0, detailList: [] });
  });

  it('reads the parameters from a JSON body too, and with POST', async () => {
    const token = await h.accessToken();
    const res = await h
      .http()
      .post('/wxa/charge/usage/get')
      .query({ access_token: token })
      .send({ spuId: FAST, offset: 0, limit: 1 })
      .expect(200);
    expect(res.body).toMatchObject({ errcode: 0, all: '1000' });
  });

  it('bad input: token, missing and bad parameters, bad body — the WeChat shape, no change', async () => {
    const token = await h.accessToken();
    const before = h.stateText();
    expectWechatError(await usage({ spuId: FAST, offset: 0, limit: 1 }), 41001, mock);
    expectWechatError(await usage({ access_token: 'bogus', spuId: FAST }), 40001, mock);
    for (const bad of [
      {},
      { spuId: FAST, offset: 0 },
      { spuId: FAST, limit: 1 },
      { spuId: FAST, offset: 0, limit: 21 },
      { spuId: FAST, offset: 0, limit: 0 },
      { spuId: FAST, offset: -1, limit: 1 },
      { spuId: 'abc', offset: 0, limit: 1 },
      { spuId: [FAST, FAST], offset: 0, limit: 1 },
    ]) {
      expectWechatError(await usage({ access_token: token, ...bad }), 10120002, mock);
    }
    const badBody = await h
      .http()
      .post('/wxa/charge/usage/get')
      .query({ access_token: token })
      .set('content-type', 'application/json')
      .send('{nope');
    expectWechatError(badBody, 47001, mock);
    expect(h.stateText()).toBe(before);
    mock.clock.advance(7200 * 1000);
    expectWechatError(await usage({ access_token: token, spuId: FAST }), 42001, mock);
  });

  it("takes wechat.charge_usage_get faults for the token's app", async () => {
    const token = await h.accessToken();
    mock.control.faults.add({ route: 'wechat.charge_usage_get', errcode: -1, appid: DEMO_APPID });
    const q = { access_token: token, spuId: FAST, offset: 0, limit: 1 };
    expectWechatError(await usage(q), -1, mock);
    expect((await usage(q)).body.errcode).toBe(0);
  });
});
