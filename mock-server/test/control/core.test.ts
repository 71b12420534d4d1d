import { DEMO_APPID } from '@genauth-wxapp/fixtures';

import { T0, wechatHarness } from '../wechat/helpers';

describe('/__mock/v1 core: clock, state, reset', () => {
  const h = wechatHarness();
  const { mock } = h;

  it('reads and moves the clock by advanceMs or to an absolute time', async () => {
    expect((await h.http().get('/__mock/v1/clock').expect(200)).body).toEqual({
      now: T0,
      iso: '2024-01-01T00:00:00.000Z',
    });
    const adv = await h.http().post('/__mock/v1/clock').send({ advanceMs: 90_000 }).expect(200);
    expect(adv.body.now).toBe(T0 + 90_000);
    expect(mock.clock.now()).toBe(T0 + 90_000);
    const abs = await h.http().post('/__mock/v1/clock').send({ now: '2025-06-01T00:00:00Z' });
    expect(abs.body).toEqual({ now: Date.UTC(2025, 5, 1), iso: '2025-06-01T00:00:00.000Z' });
    await h.http().post('/__mock/v1/clock').send({ now: T0 }).expect(200);
    expect(mock.clock.now()).toBe(T0);
  });

  it('rejects bad clock bodies with 400 naming the field, leaving the clock alone', async () => {
    const bad = async (body: unknown, field: string) => {
      const res = await h
        .http()
        .post('/__mock/v1/clock')
        .send(body as object)
        .expect(400);
      expect(res.body.error).toBe('invalid_field');
      expect(res.body.message).toContain(`"${field}"`);
    };
    await bad({}, 'advanceMs');
    await bad({ advanceMs: 1, now: 1 }, 'advanceMs');
    await bad({ advanceMs: '10' }, 'advanceMs');
    await bad({ now: 'yesterday' }, 'now');
    await bad([1], 'body');
    const malformed = await h
      .http()
      .post('/__mock/v1/clock')
      .set('content-type', 'application/json')
      .send('{"advanceMs":')
      .expect(400);
    expect(malformed.body).toEqual({ error: 'invalid_json', message: expect.any(String) });
    const huge = await h
      .http()
      .post('/__mock/v1/clock')
      .send({ advanceMs: 1, pad: 'x'.repeat(mock.context.options.bodyLimit) })
      .expect(413);
    expect(huge.body.error).toBe('body_too_large');
    expect(mock.clock.now()).toBe(T0);
  });

  it('shows the whole state: apps with secrets, users, sessions, codes, tokens', async () => {
    const { code, openid } = await h.login(DEMO_APPID);
    await h.accessToken();
    const state = (await h.http().get('/__mock/v1/state').expect(200)).body;
    expect(state).toMatchObject({ seed: 'genauth-wxapp', now: T0 });
    const wechat = state.wechat;
    expect(wechat.apps[0]).toMatchObject({ appid: DEMO_APPID, secret: h.secretOf(DEMO_APPID) });
    expect(wechat.users.some((u: { openid: string }) => u.openid === openid)).toBe(true);
    expect(wechat.codes).toEqual([{ code, appid: DEMO_APPID, openid, issuedAt: T0, usedAt: null }]);
    expect(wechat.sessions).toHaveLength(1);
    expect(wechat.accessTokens).toHaveLength(1);
  });

  it('resets to the seeded state, replays the same codes and clears the journal', async () => {
    const first = await h.login(DEMO_APPID);
    await h.exchange(first.code).expect(200);
    expect((await h.http().get('/__mock/v1/requests')).body.requests.length).toBeGreaterThan(0);
    const res = await h.http().post('/__mock/v1/reset').expect(200);
    expect(res.body).toEqual({ reset: true, seed: 'genauth-wxapp' });
    expect((await h.http().get('/__mock/v1/requests')).body.requests).toEqual([]);
    const state = (await h.http().get('/__mock/v1/state')).body;
    expect(state.wechat.codes).toEqual([]);
    expect(state.wechat.sessions).toEqual([]);
    expect(await h.login(DEMO_APPID)).toEqual(first);
  });

  it('resets to another seed, and rejects a bad seed without changing state', async () => {
    const before = h.stateText();
    const bad = await h
      .http()
      .post('/__mock/v1/reset')
      .send({ seed: { x: 1 } })
      .expect(400);
    expect(bad.body.message).toContain('"seed"');
    expect(h.stateText()).toBe(before);
    await h.http().post('/__mock/v1/reset').send({ seed: 'other' }).expect(200);
    const state = (await h.http().get('/__mock/v1/state')).body;
    expect(state.seed).toBe('other');
    expect(state.wechat.apps[0].appid).toBe(DEMO_APPID);
    expect(state.wechat.apps[0].secret).not.toBe(JSON.parse(before).wechat.apps[0].secret);
  });
});
