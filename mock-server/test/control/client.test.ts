import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import {
  ControlError,
  createControlClient,
  createMockServer,
  fixedClock,
  type ControlApi,
  type ControlClient,
} from '../../src';
import { T0 } from '../wechat/helpers';

describe('createControlClient: the control API over HTTP', () => {
  const mock = createMockServer({ clock: fixedClock(T0) });
  let client: ControlClient;
  beforeAll(async () => {
    client = createControlClient(await mock.start(0));
  });
  afterAll(() => mock.stop());
  afterEach(() => {
    mock.reset();
    mock.clock.reset();
  });
  const me = { appid: DEMO_APPID, openid: DEMO_OPENID };

  it('drives the simulated WeChat client', async () => {
    const one = await client.wechat.login({ appid: DEMO_APPID });
    expect(one.codes).toEqual([one.code]);
    const many = await client.wechat.login({ ...me, count: 3 });
    expect(many.codes).toHaveLength(3);
    expect(mock.store.wechat.codes.has(many.codes[2]!)).toBe(true);
    expect((await client.wechat.userInfo(me)).userInfo.nickName).toBe('Band');
    expect((await client.wechat.phoneNumber(me)).errMsg).toBe('getPhoneNumber:ok');
    const upserted = await client.wechat.upsertUser({ ...me, nickName: '改名' });
    expect(upserted).toMatchObject({ created: false, user: { nickName: '改名' } });
    expect((await client.wechat.session(me))?.openid).toBe(DEMO_OPENID);
    expect(await client.wechat.expireSession(me)).toBe(true);
    expect(await client.wechat.session(me)).toBeNull();
  });

  it('manages faults, the clock, the journal, messages, state, demo and reset', async () => {
    const fault = await client.faults.add({ route: 'wechat.token', errcode: -1, times: 2 });
    expect(fault).toMatchObject({ id: 1, errmsg: 'system error', times: 2, appid: null });
    expect(await client.faults.list()).toEqual([fault]);
    expect(await client.faults.clear()).toBe(1);

    expect(await client.clock.get()).toEqual({ now: T0, iso: '2024-01-01T00:00:00.000Z' });
    expect((await client.clock.advance(60_000)).now).toBe(T0 + 60_000);
    expect((await client.clock.set(T0)).now).toBe(T0);
    expect((await client.clock.set('2030-01-01T00:00:00Z')).iso).toBe('2030-01-01T00:00:00.000Z');

    await fetch(`${mock.url}/cgi-bin/token?appid=${DEMO_APPID}`);
    const listed = await client.journal.list({ path: '/cgi-bin/token', method: 'GET' });
    expect(listed).toEqual([
      expect.objectContaining({ path: '/cgi-bin/token', query: { appid: DEMO_APPID } }),
    ]);
    await client.journal.clear();
    expect(await client.journal.list()).toEqual([]);

    const pool = mock.control.demo().userPoolId;
    await fetch(`${mock.url}/api/v2/sms/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-userpool-id': pool },
      body: JSON.stringify({ phone: '13912345678' }),
    });
    const messages = await client.messages.list({ to: '13912345678', pool });
    expect(messages).toEqual([expect.objectContaining({ channel: 'sms', poolId: pool })]);
    expect(await client.messages.list({ to: '13912345678', pool: 'elsewhere' })).toEqual([]);

    expect((await client.state()).wechat.apps[0]?.appid).toBe(DEMO_APPID);
    expect(await client.demo()).toEqual(mock.control.demo());
    expect(await client.reset('other')).toEqual({ reset: true, seed: 'other' });
    expect(mock.store.fixtures.seed).toBe('other');
  });

  it('rejects with the ControlError of the answer', async () => {
    const unknown = client.wechat.login({ appid: 'wx0000000000000000' });
    await expect(unknown).rejects.toBeInstanceOf(ControlError);
    await expect(unknown).rejects.toMatchObject({
      status: 404,
      error: 'unknown_app',
      message: 'no WeChat app with appid "wx0000000000000000"',
    });
    await expect(
      client.faults.add({ route: 'wechat.token', errcode: 12345 as never }),
    ).rejects.toMatchObject({ status: 400, error: 'invalid_field' });
    const gone = createControlClient(mock.url, {
      fetch: async () => new Response('<html>', { status: 502 }),
    });
    await expect(gone.clock.get()).rejects.toMatchObject({ status: 502, error: 'http_error' });
  });

  it('gives the same results as mock.control for the same operations', async () => {
    const local = createMockServer({ clock: fixedClock(T0) });
    type Any = ControlApi | ControlClient;
    const ops: [string, (c: Any) => unknown][] = [
      ['login', (c) => c.wechat.login({ appid: DEMO_APPID })],
      ['login count', (c) => c.wechat.login({ ...me, count: 2 })],
      ['userInfo', (c) => c.wechat.userInfo(me)],
      ['phoneNumber', (c) => c.wechat.phoneNumber(me)],
      ['upsertUser', (c) => c.wechat.upsertUser({ appid: DEMO_APPID, phone: '13900000000' })],
      ['session', (c) => c.wechat.session(me)],
      ['fault', (c) => c.faults.add({ route: 'wechat.jscode2session', errcode: 40029 })],
      ['faults', (c) => c.faults.list()],
      ['advance', (c) => c.clock.advance(1234)],
      ['messages', (c) => c.messages.list({ to: '13900000000' })],
      ['expire', (c) => c.wechat.expireSession(me)],
      ['state', (c) => c.state()],
      ['demo', (c) => c.demo()],
      ['clear', (c) => c.faults.clear()],
      ['reset', (c) => c.reset()],
      ['clock', (c) => c.clock.get()],
    ];
    for (const [name, op] of ops) {
      const inProcess = await op(local.control);
      const overHttp = await op(client);
      expect({ name, result: overHttp }).toEqual({ name, result: inProcess });
    }
    const error = async (c: Any) => {
      try {
        await c.wechat.userInfo({ appid: DEMO_APPID, openid: 'oNobody' });
      } catch (e) {
        return { ...(e as ControlError), message: (e as ControlError).message };
      }
      throw new Error('expected a ControlError');
    };
    expect(await error(client)).toEqual(await error(local.control));
  });
});
