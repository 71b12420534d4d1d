import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import { ERRCODES } from '../../src';
import { expectWechatError, wechatHarness } from './helpers';

/** What real backend SDKs send or read, which the mock must tolerate or match to the letter. */
describe('backend SDK quirks', () => {
  const h = wechatHarness();
  const { mock } = h;

  it('ignores an access_token on jscode2session (WxJava, wechatpy, PowerWeChat send one)', async () => {
    const token = await h.accessToken();
    const { code } = h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const res = await h
      .http()
      .get('/sns/jscode2session')
      .query({
        access_token: token,
        appid: DEMO_APPID,
        secret: h.secretOf(DEMO_APPID),
        js_code: code,
        grant_type: 'authorization_code',
      })
      .expect(200);
    expect(res.body).toMatchObject({ openid: DEMO_OPENID, session_key: expect.any(String) });
    // Even a bogus or expired one changes nothing.
    const again = h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const bogus = await h
      .http()
      .get('/sns/jscode2session')
      .query({
        access_token: 'bogus',
        appid: DEMO_APPID,
        secret: h.secretOf(DEMO_APPID),
        js_code: again.code,
      });
    expect(bogus.body.openid).toBe(DEMO_OPENID);
  });

  it('answers 42001 with the text EasyWeChat looks for before refreshing its token', async () => {
    const token = await h.accessToken();
    mock.clock.advance(7200 * 1000);
    const res = await h
      .http()
      .post('/wxa/business/getuserphonenumber')
      .query({ access_token: token })
      .send({ code: 'a'.repeat(64) });
    expectWechatError(res, 42001, mock);
    expect(res.text).toContain('42001');
    expect(res.body.errmsg).toMatch(/^access_token expired, rid: /);
  });

  it('keeps the errmsg texts of the reference', () => {
    expect(ERRCODES).toMatchObject({
      [-1]: 'system error',
      1: 'data not exit',
      40001:
        'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
      40003: 'invalid openid',
      40013: 'invalid appid',
      40029: 'invalid code',
      40125: 'invalid appsecret',
      40163: 'code been used',
      40226: 'code blocked',
      41001: 'access_token missing',
      41002: 'appid missing',
      41004: 'appsecret missing',
      41008: 'missing code',
      42001: 'access_token expired',
      43002: 'require POST method',
      44002: 'empty post data',
      45009: 'reach max api daily quota limit',
      45011: 'api minute-quota reach limit  mustslower  retry next minute',
      47001: 'data format error',
      87008: 'invalid sig_method',
      87009: 'invalid signature',
      89300: 'invalid trade',
    });
  });
});
