import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { ControlError, createControlClient, type PhoneNumberDetail } from '../../src';
import { wechatHarness } from './helpers';

describe('the real-time phone button and the phone-number quota', () => {
  const h = wechatHarness();
  const { mock } = h;
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };
  const exchange = (token: string, code: string) =>
    h.http().post('/wxa/business/getuserphonenumber').query({ access_token: token }).send({ code });

  it('gives the real-time button a code only, exchanged at getuserphonenumber', async () => {
    const detail = mock.control.wechat.phoneNumber({ ...me, realtime: true });
    expect(Object.keys(detail).sort()).toEqual(['code', 'errMsg']);
    expect(detail).toEqual({
      errMsg: 'getRealtimePhoneNumber:ok',
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const res = await exchange(await h.accessToken(), (detail as { code: string }).code).expect(
      200,
    );
    expect(res.body).toMatchObject({ errcode: 0, phone_info: { purePhoneNumber: '13580006666' } });
  });

  it('gives the fast-verify button its code and legacy payload with realtime false', () => {
    const detail = mock.control.wechat.phoneNumber({ ...me, realtime: false });
    expect(Object.keys(detail).sort()).toEqual(['code', 'encryptedData', 'errMsg', 'iv']);
    expect(detail.errMsg).toBe('getPhoneNumber:ok');
  });

  it('starts each product with a 1000-call trial and counts each success apart', () => {
    mock.control.wechat.phoneNumber(me);
    mock.control.wechat.phoneNumber({ ...me, realtime: true });
    mock.control.wechat.phoneNumber({ ...me, realtime: true });
    expect(mock.control.wechat.quota({ appid: DEMO_APPID })).toEqual({
      appid: DEMO_APPID,
      fastVerify: {
        spuId: '90000001',
        trial: 1000,
        paid: 0,
        used: 1,
        remaining: 999,
        unitPriceFen: 3,
      },
      realtime: {
        spuId: '90000002',
        trial: 1000,
        paid: 0,
        used: 2,
        remaining: 998,
        unitPriceFen: 4,
      },
    });
  });

  it('answers errno 1400001 once the quota is used up, minting nothing, then paid calls', () => {
    mock.control.wechat.setQuota({
      appid: DEMO_APPID,
      fastVerify: { used: 1000 },
      realtime: { trial: 0 },
    });
    const before = h.stateText();
    const fast: PhoneNumberDetail = mock.control.wechat.phoneNumber({ ...me, realtime: false });
    expect(fast).toEqual({ errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 });
    expect(mock.control.wechat.phoneNumber({ ...me, realtime: true })).toEqual({
      errMsg: 'getRealtimePhoneNumber:fail no quota',
      errno: 1400001,
    });
    expect(h.stateText()).toBe(before);
    let refusal: unknown;
    try {
      mock.control.wechat.phoneNumber(me);
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(ControlError);
    expect(refusal).toMatchObject({ status: 409, error: 'no_quota' });

    const view = mock.control.wechat.setQuota({ appid: DEMO_APPID, fastVerify: { paid: 1 } });
    expect(view.fastVerify).toMatchObject({ trial: 1000, paid: 1, used: 1000, remaining: 1 });
    expect(mock.control.wechat.phoneNumber(me).errMsg).toBe('getPhoneNumber:ok');
    expect(mock.control.wechat.phoneNumber({ ...me, realtime: false })).toMatchObject({
      errno: 1400001,
    });
  });

  it('keeps quotas per app, and a reset restores the trial', () => {
    const other = mock.store.fixtures.wechat.apps[1]!.appid;
    mock.control.wechat.setQuota({ appid: DEMO_APPID, fastVerify: { trial: 0 } });
    expect(mock.control.wechat.quota({ appid: other }).fastVerify.remaining).toBe(1000);
    mock.reset();
    expect(mock.control.wechat.quota({ appid: DEMO_APPID }).fastVerify.remaining).toBe(1000);
  });

  it('refuses bad quota input with invalid_field, unknown apps with unknown_app', () => {
    const bad = (input: unknown, field: string) => {
      expect(() => mock.control.wechat.setQuota(input as never)).toThrow(
        expect.objectContaining({
          status: 400,
          error: 'invalid_field',
          message: expect.stringContaining(`"${field}"`),
        }),
      );
    };
    bad({ appid: DEMO_APPID, fastVerify: { trial: -1 } }, 'fastVerify.trial');
    bad({ appid: DEMO_APPID, realtime: { used: 1.5 } }, 'realtime.used');
    bad({ appid: DEMO_APPID, realtime: { spare: 1 } }, 'realtime.spare');
    bad({ appid: DEMO_APPID, fastVerify: 5 }, 'fastVerify');
    bad({ appid: DEMO_APPID, other: {} }, 'other');
    bad({}, 'appid');
    expect(() => mock.control.wechat.quota({ appid: 'wx0000000000000000' })).toThrow(
      expect.objectContaining({ status: 404, error: 'unknown_app' }),
    );
    expect(() => mock.control.wechat.phoneNumber({ ...me, realtime: 'yes' } as never)).toThrow(
      expect.objectContaining({ status: 400, error: 'invalid_field' }),
    );
    // A bad field changes nothing, even when another product's change was valid.
    bad(
      { appid: DEMO_APPID, fastVerify: { trial: 3 }, realtime: { trial: 'x' } },
      'realtime.trial',
    );
    expect(mock.control.wechat.quota({ appid: DEMO_APPID }).fastVerify.trial).toBe(1000);
  });

  it('serves the same over HTTP and through createControlClient', async () => {
    const client = createControlClient(mock.url);
    const set = await h
      .http()
      .post('/__mock/v1/wechat/quota')
      .send({ appid: DEMO_APPID, realtime: { trial: 1 } })
      .expect(200);
    expect(set.body.realtime).toMatchObject({ trial: 1, remaining: 1 });
    const ok = await h
      .http()
      .post('/__mock/v1/wechat/phone-number')
      .send({ ...me, realtime: true })
      .expect(200);
    expect(ok.body).toEqual({ errMsg: 'getRealtimePhoneNumber:ok', code: expect.any(String) });
    const none = await client.wechat.phoneNumber({ ...me, realtime: true });
    expect(none).toEqual({ errMsg: 'getRealtimePhoneNumber:fail no quota', errno: 1400001 });
    expect((await client.wechat.quota({ appid: DEMO_APPID })).realtime).toMatchObject({
      used: 1,
      remaining: 0,
    });

    await client.wechat.setQuota({ appid: DEMO_APPID, fastVerify: { trial: 0 } });
    const refused = await h.http().post('/__mock/v1/wechat/phone-number').send(me).expect(409);
    expect(refused.body.error).toBe('no_quota');
    await expect(client.wechat.phoneNumber(me)).rejects.toMatchObject({
      status: 409,
      error: 'no_quota',
    });
    await h
      .http()
      .post('/__mock/v1/wechat/phone-number')
      .send({ ...me, realtime: 1 })
      .expect(400);
    await h.http().get('/__mock/v1/wechat/quota').expect(400);
    await h.http().get('/__mock/v1/wechat/quota?appid=wx0000000000000000').expect(404);
    await h
      .http()
      .post('/__mock/v1/wechat/quota')
      .send('[1]')
      .set('content-type', 'application/json')
      .expect(400);
    const index = await h.http().get('/__mock/v1').expect(200);
    const paths = (index.body.routes as { method: string; path: string }[]).map(
      (r) => `${r.method} ${r.path}`,
    );
    expect(paths).toEqual(expect.arrayContaining(['POST /wechat/quota', 'GET /wechat/quota']));
  });
});
