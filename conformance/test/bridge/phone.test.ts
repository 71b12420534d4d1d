import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createWxBridge, type WxBridge } from '../../src/bridge';

let mock: MockServer;
let url: string;
let appid: string;
let bridge: WxBridge;

/** Exchanges a phone code at getuserphonenumber, as a backend would. */
async function exchangePhoneCode(code: string): Promise<Record<string, unknown>> {
  const app = mock.store.wechat.apps.get(appid)!;
  const token = (await (
    await fetch(
      `${url}/cgi-bin/token?grant_type=client_credential&appid=${appid}&secret=${app.secret}`,
    )
  ).json()) as { access_token: string };
  const res = await fetch(
    `${url}/wxa/business/getuserphonenumber?access_token=${token.access_token}`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    },
  );
  return (await res.json()) as Record<string, unknown>;
}

beforeAll(async () => {
  mock = createMockServer();
  url = await mock.start(0);
});
afterAll(() => mock.stop());
beforeEach(async () => {
  appid = [...mock.store.wechat.apps.keys()][0]!;
  bridge = createWxBridge({ baseUrl: url, appid });
  await bridge.client.upsertUser({ phone: '13800138000' });
});

describe('the phone-number buttons and the quota', () => {
  test('the real-time button detail is a code only, exchanged like the fast-verify one', async () => {
    const detail = await bridge.realtimePhoneNumberDetail('code');
    expect(detail).toEqual({
      errMsg: 'getRealtimePhoneNumber:ok',
      code: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await exchangePhoneCode(detail['code'] as string)).toMatchObject({
      errcode: 0,
      phone_info: { purePhoneNumber: '13800138000' },
    });
    expect(await bridge.realtimePhoneNumberDetail('deny', 'android')).toEqual({
      errMsg: 'getRealtimePhoneNumber:fail:user deny',
    });
    expect(await bridge.realtimePhoneNumberDetail('no-quota')).toEqual({
      errMsg: 'getRealtimePhoneNumber:fail no quota',
      errno: 1400001,
    });
  });

  test('each success uses a call of its product; a used-up quota answers errno 1400001', async () => {
    const start = await bridge.client.quota();
    await bridge.phoneNumberDetail('code');
    await bridge.realtimePhoneNumberDetail('code');
    const after = await bridge.client.quota();
    expect(after.fastVerify.used).toBe(start.fastVerify.used + 1);
    expect(after.realtime.used).toBe(start.realtime.used + 1);
    try {
      await bridge.client.setQuota({ fastVerify: { trial: 1, paid: 0, used: 1 } });
      expect(await bridge.phoneNumberDetail('code')).toEqual({
        errMsg: 'getPhoneNumber:fail no quota',
        errno: 1400001,
      });
      expect(await bridge.phoneNumberDetail('legacy')).toMatchObject({ errno: 1400001 });
      // The real-time product has its own quota.
      expect(await bridge.realtimePhoneNumberDetail('code')).toMatchObject({
        errMsg: 'getRealtimePhoneNumber:ok',
      });
      await bridge.client.setQuota({ realtime: { trial: 0, paid: 0 } });
      expect(await bridge.realtimePhoneNumberDetail('code')).toEqual({
        errMsg: 'getRealtimePhoneNumber:fail no quota',
        errno: 1400001,
      });
    } finally {
      const { trial, paid, used } = start.fastVerify;
      const rt = start.realtime;
      await bridge.client.setQuota({
        fastVerify: { trial, paid, used },
        realtime: { trial: rt.trial, paid: rt.paid, used: rt.used },
      });
    }
  });

  test('a privacy refusal comes before the quota: no call of it is used', async () => {
    const start = await bridge.client.quota();
    bridge.privacy.set({ agreed: false });
    const detail = await bridge.pressButton(
      'getRealtimePhoneNumber',
      () => bridge.realtimePhoneNumberDetail('code'),
      () => undefined,
    );
    expect(detail).toEqual({
      errMsg: 'getRealtimePhoneNumber:fail privacy permission is not authorized',
      errno: 104,
    });
    expect((await bridge.client.quota()).realtime.used).toBe(start.realtime.used);
  });
});
