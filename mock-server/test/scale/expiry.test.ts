import { DEMO_APPID } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createMockServer } from '../../src';
import { consume, findCode, sendCode } from '../../src/genauth/model/codes';
import { login } from '../../src/wechat/client';

const MIN = 60_000;

describe('expiry frees memory on the mock clock', () => {
  const mock = createMockServer({ clock: { now: () => 1_700_000_000_000 } });
  const ctx = mock.context;
  const secret = () => mock.store.wechat.apps.get(DEMO_APPID)!.secret;
  const exchange = (code: string) =>
    request(mock.url).get('/sns/jscode2session').query({
      appid: DEMO_APPID,
      secret: secret(),
      js_code: code,
      grant_type: 'authorization_code',
    });
  // One listening server for the file: supertest would start one per request on `mock.app`.
  beforeAll(() => mock.start(0));
  afterAll(() => mock.stop());
  afterEach(() => {
    mock.reset();
    mock.clock.reset();
  });

  it('drops used and unused login codes once their 5 minutes pass; a used one answers 40163 until then', async () => {
    const { codes } = login(ctx, { appid: DEMO_APPID, count: 50 });
    await exchange(codes[0]!).expect(200);
    expect((await exchange(codes[0]!)).body.errcode).toBe(40163);
    expect(mock.store.wechat.codes.size).toBe(50);
    mock.clock.advance(5 * MIN - 1);
    expect(mock.store.wechat.codes.size).toBe(50);
    expect((await exchange(codes[0]!)).body.errcode).toBe(40163);
    mock.clock.advance(1);
    expect(mock.store.wechat.codes.size).toBe(0);
    expect((await exchange(codes[0]!)).body.errcode).toBe(40029);
    expect((await exchange(codes[1]!)).body.errcode).toBe(40029);
  });

  it('holds a steady number of codes, sessions and rate windows at a steady login rate', async () => {
    const sizes: number[] = [];
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 20; i++) {
        const { code } = login(ctx, { appid: DEMO_APPID });
        await exchange(code).expect(200);
      }
      // Time passes without the clock being moved: writes sweep the oldest entries.
      mock.clock.advance(MIN);
      sizes.push(mock.store.wechat.codes.size);
    }
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5 * 20);
    expect(mock.store.wechat.loginRate.size).toBeLessThanOrEqual(20);
    mock.clock.advance(3 * 24 * 60 * MIN);
    expect(mock.store.wechat.sessions.size).toBe(0);
    expect(mock.store.wechat.loginRate.size).toBe(0);
  });

  it('drops phone codes and replaced access tokens once they stop working', async () => {
    const { openid } = login(ctx, {
      appid: DEMO_APPID,
      openid: mock.store.fixtures.wechat.users[0]!.openid,
    });
    await request(mock.url)
      .post('/__mock/v1/wechat/phone-number')
      .send({ appid: DEMO_APPID, openid })
      .expect(200);
    expect(mock.store.wechat.phoneCodes.size).toBe(1);
    const token = () =>
      request(mock.url)
        .get('/cgi-bin/token')
        .query({ grant_type: 'client_credential', appid: DEMO_APPID, secret: secret() });
    const first = (await token()).body.access_token as string;
    await token();
    expect(mock.store.wechat.tokens.size).toBe(2);
    mock.clock.advance(5 * MIN);
    expect(mock.store.wechat.phoneCodes.size).toBe(0);
    expect(mock.store.wechat.tokens.has(first)).toBe(false);
    expect(mock.store.wechat.tokens.size).toBe(1);
  });

  it('keeps an expired SMS code an hour (2300), then drops it (2001), and caps the outbox per pool', () => {
    const pool = [...mock.store.genauth.pools.values()][0]!;
    const m = sendCode(ctx, pool, 'sms', '13900000002', 'login');
    mock.clock.advance(5 * MIN);
    expect(() => findCode(ctx, pool, 'sms', '13900000002', m.code)).toThrow(
      expect.objectContaining({ code: 2300 }),
    );
    mock.clock.advance(60 * MIN);
    expect(mock.store.genauth.messages).toEqual([]);
    expect(() => findCode(ctx, pool, 'sms', '13900000002', m.code)).toThrow(
      expect.objectContaining({ code: 2001 }),
    );
    for (let i = 0; i < 600; i++)
      consume(sendCode(ctx, pool, 'sms', `1390000${String(i).padStart(4, '0')}`, 'login'));
    expect(mock.store.genauth.messages).toHaveLength(500);
    expect(mock.store.genauth.messages[0]!.seq).toBe(102);
  });

  it('drops a revoked GenAuth token once it expires', () => {
    const revoked = mock.store.genauth.revoked;
    const exp = Math.floor(mock.clock.now() / 1000) + 60;
    const jwt = `e30.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.x`;
    revoked.add(jwt);
    expect(revoked.has(jwt)).toBe(true);
    mock.clock.advance(60_000);
    expect(revoked.size).toBe(0);
  });
});
