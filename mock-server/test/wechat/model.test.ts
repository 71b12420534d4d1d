import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { createMockServer, fixedClock } from '../../src';
import { login, phoneNumber } from '../../src/wechat/client';
import { WechatError } from '../../src/wechat/contract';
import { code2Session, exchangePhoneCode } from '../../src/wechat/model';
import { T0 } from './helpers';

/** The in-process contract the GenAuth half calls (the HTTP routes are tested in routes tests). */
describe('code2Session / exchangePhoneCode', () => {
  // A frozen clock: the watermark's second cannot roll over between the tap and the assertion.
  const mock = createMockServer({ clock: fixedClock(T0) });
  const ctx = mock.context;
  const secret = () => mock.store.wechat.apps.get(DEMO_APPID)!.secret;
  afterEach(() => mock.reset());

  function errcode(fn: () => unknown): number | undefined {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(WechatError);
      return (err as WechatError).errcode;
    }
    return undefined;
  }

  it('exchanges a login code once for the pinned demo session', () => {
    const { code } = login(ctx, { appid: DEMO_APPID, openid: DEMO_OPENID });
    const params = { appid: DEMO_APPID, secret: secret(), js_code: code };
    expect(code2Session(ctx, params)).toEqual({
      session_key: DEMO_SESSION_KEY,
      openid: DEMO_OPENID,
      unionid: 'ocMvos6NjeKLIBqg5Mr9QjxrP1FA',
    });
    expect(errcode(() => code2Session(ctx, params))).toBe(40163);
  });

  it('applies the parameter and app checks in WeChat order', () => {
    expect(errcode(() => code2Session(ctx, {}))).toBe(41002);
    expect(errcode(() => code2Session(ctx, { appid: DEMO_APPID }))).toBe(41004);
    expect(errcode(() => code2Session(ctx, { appid: DEMO_APPID, secret: 'x' }))).toBe(41008);
    expect(errcode(() => code2Session(ctx, { appid: 'wx0', secret: 'x', js_code: 'c' }))).toBe(
      40013,
    );
    expect(errcode(() => code2Session(ctx, { appid: DEMO_APPID, secret: 'x', js_code: 'c' }))).toBe(
      40125,
    );
    expect(
      errcode(() => code2Session(ctx, { appid: DEMO_APPID, secret: secret(), js_code: 'c' })),
    ).toBe(40029);
  });

  it('turns a phone code into phone_info once, only for its app', () => {
    login(ctx, { appid: DEMO_APPID, openid: DEMO_OPENID });
    const { code } = phoneNumber(ctx, DEMO_APPID, DEMO_OPENID);
    expect(
      errcode(() => exchangePhoneCode(ctx, mock.store.fixtures.wechat.apps[1]!.appid, code)),
    ).toBe(40029);
    expect(exchangePhoneCode(ctx, DEMO_APPID, code)).toEqual({
      phoneNumber: '13580006666',
      purePhoneNumber: '13580006666',
      countryCode: '86',
      watermark: { timestamp: T0 / 1000, appid: DEMO_APPID },
    });
    expect(errcode(() => exchangePhoneCode(ctx, DEMO_APPID, code))).toBe(40029);
    expect(errcode(() => exchangePhoneCode(ctx, DEMO_APPID, 42))).toBe(40029);
  });
});
