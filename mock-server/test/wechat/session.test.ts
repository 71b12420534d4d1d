import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';

import { sessionSignature } from '../../src/wechat/crypto';
import { expectWechatError, wechatHarness } from './helpers';

describe('GET /wxa/checksession and /wxa/resetusersessionkey', () => {
  const h = wechatHarness();
  const { mock } = h;

  const call = (path: string, q: Record<string, string>) => h.http().get(path).query(q);
  const check = (q: Record<string, string>) => call('/wxa/checksession', q);
  const reset = (q: Record<string, string>) => call('/wxa/resetusersessionkey', q);
  const signed = (token: string, openid: string, key: string) => ({
    access_token: token,
    openid,
    signature: sessionSignature(key),
    sig_method: 'hmac_sha256',
  });

  it('accepts the official key signature of the demo user (self-computed vector)', async () => {
    const token = await h.accessToken();
    await h.login(DEMO_APPID, { openid: DEMO_OPENID });
    const res = await check({
      access_token: token,
      openid: DEMO_OPENID,
      signature: '7154f9f8b4b76b92f541cbf0e37d48840fa06e5e42da92a6f80168a1516a4735',
      sig_method: 'hmac_sha256',
    }).expect(200);
    expect(res.body).toEqual({ errcode: 0, errmsg: 'ok' });
    expect(sessionSignature(DEMO_SESSION_KEY)).toBe(
      '7154f9f8b4b76b92f541cbf0e37d48840fa06e5e42da92a6f80168a1516a4735',
    );
  });

  it('answers 87009 for an old key after a rotating login, and for an expired session', async () => {
    const token = await h.accessToken();
    const first = await h.login(DEMO_APPID);
    const k1 = (await h.exchange(first.code)).body.session_key as string;
    expect((await check(signed(token, first.openid, k1))).body).toEqual({
      errcode: 0,
      errmsg: 'ok',
    });
    const second = await h.login(DEMO_APPID, { openid: first.openid });
    const k2 = (await h.exchange(second.code)).body.session_key as string;
    expectWechatError(await check(signed(token, first.openid, k1)), 87009, mock);
    expect((await check(signed(token, first.openid, k2))).body.errcode).toBe(0);
    mock.clock.advance(3 * 24 * 3600_000);
    const later = await h.accessToken();
    expectWechatError(await check(signed(later, first.openid, k2)), 87009, mock);
  });

  it('resets the key: new key, old one dead at once, same expiry', async () => {
    const token = await h.accessToken();
    const { code, openid } = await h.login(DEMO_APPID);
    const k1 = (await h.exchange(code)).body.session_key as string;
    const before = mock.store.wechat.sessions.get(`${DEMO_APPID}:${openid}`)!;
    mock.clock.advance(1000);
    const res = await reset(signed(token, openid, k1)).expect(200);
    expect(res.body).toMatchObject({ errcode: 0, errmsg: 'ok', openid });
    const k2 = res.body.session_key as string;
    expect(k2).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(k2).not.toBe(k1);
    expectWechatError(await check(signed(token, openid, k1)), 87009);
    expect((await check(signed(token, openid, k2))).body.errcode).toBe(0);
    const after = mock.store.wechat.sessions.get(`${DEMO_APPID}:${openid}`)!;
    expect(after.expiresAt).toBe(before.expiresAt);
    expectWechatError(await reset(signed(token, openid, k1)), 87009, mock);
  });

  it('checks token, openid, sig_method and signature in that order — state unchanged', async () => {
    const token = await h.accessToken();
    const { code, openid } = await h.login(DEMO_APPID);
    const key = (await h.exchange(code)).body.session_key as string;
    const good = signed(token, openid, key);
    const before = h.stateText();
    for (const endpoint of [check, reset]) {
      expectWechatError(await endpoint({ ...good, access_token: '' }), 41001, mock);
      expectWechatError(await endpoint({ ...good, access_token: 'nope' }), 40001);
      expectWechatError(await endpoint({ ...good, openid: 'oUnknown' }), 40003, mock);
      const other = mock.store.fixtures.wechat.users.find((u) => u.appid !== DEMO_APPID)!;
      expectWechatError(await endpoint({ ...good, openid: other.openid }), 40003);
      expectWechatError(await endpoint({ ...good, sig_method: 'md5' }), 87008, mock);
      expectWechatError(await endpoint({ ...good, signature: '' }), 87009, mock);
      expectWechatError(await endpoint({ ...good, signature: sessionSignature(key, '{}') }), 87009);
    }
    const repeated = await h
      .http()
      .get(
        `/wxa/checksession?access_token=${token}&openid=${openid}&openid=${openid}&sig_method=hmac_sha256&signature=${good.signature}`,
      );
    expectWechatError(repeated, 40003);
    expect(h.stateText()).toBe(before);
  });
});
