import { isGenAuthError } from '../../src/node';
import { useMockHarness, type MockHarness } from '../helpers/mock';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

async function kindOf(promise: Promise<unknown>): Promise<unknown> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  return isGenAuthError(error) ? { kind: error.kind, code: error.code } : error;
}

describe('the phone buttons', () => {
  it("logs in with the real-time button's detail as it is", async () => {
    const { client } = h.client();
    const first = await client.loginByCode();
    const detail = h.mock.control.wechat.phoneNumber({
      appid: h.wechatAppid,
      openid: first.openid!,
      realtime: true,
    });
    const user = await client.loginByPhone(undefined, detail);
    expect(user.phone).toEqual(expect.any(String));
    const sent = await h.last('/connections/social/wechat-miniprogram/auth-by-phone');
    expect(sent.body).toEqual({
      code: expect.any(String),
      phoneCode: (detail as { code: string }).code,
    });
  });

  it.each([
    [{ errMsg: 'getPhoneNumber:fail user deny' }, { kind: 'denied', code: -1 }],
    [{ errMsg: 'getPhoneNumber:fail:user deny' }, { kind: 'denied', code: -1 }],
    [
      { errMsg: 'getPhoneNumber:fail no quota', errno: 1400001 },
      { kind: 'quota', code: 1400001 },
    ],
    [
      { errMsg: 'getPhoneNumber:fail privacy permission is not authorized', errno: 104 },
      { kind: 'privacy', code: 104 },
    ],
    [
      { errMsg: 'getRealtimePhoneNumber:fail api scope is not declared', errno: 112 },
      { kind: 'privacy', code: 112 },
    ],
  ])('throws %o as %o without a request', async (detail, expected) => {
    const { client } = h.client();
    await expect(kindOf(client.getPhone(undefined, detail))).resolves.toEqual(expected);
    await expect(kindOf(client.loginByPhone('code', detail))).resolves.toEqual(expected);
    expect(await h.requests('/connections/social/wechat-miniprogram/getphone')).toEqual([]);
  });
});
