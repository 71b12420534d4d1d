import { DEMO_APPID, DEMO_OPENID, DEMO_SESSION_KEY } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { ControlError, createMockServer, fixedClock } from '../../src';
import { T0 } from '../wechat/helpers';

describe('mock.control: the in-process control API', () => {
  const mock = createMockServer({ clock: fixedClock(T0) });
  const { control } = mock;
  afterEach(() => {
    mock.reset();
    mock.clock.reset();
  });

  const rejects = (fn: () => unknown, status: number, error: string, text?: string) => {
    let thrown: unknown;
    try {
      fn();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ControlError);
    expect(thrown).toMatchObject({ status, error });
    if (text) expect((thrown as ControlError).message).toContain(text);
  };

  it('plays the WeChat client with values, returning copies of the state', () => {
    const login = control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID, count: 2 });
    expect(login).toEqual({
      code: login.codes[0],
      openid: DEMO_OPENID,
      codes: [expect.stringMatching(/^\w{32}$/), expect.any(String)],
    });
    const session = control.wechat.session({ appid: DEMO_APPID, openid: DEMO_OPENID });
    expect(session).toEqual({
      appid: DEMO_APPID,
      openid: DEMO_OPENID,
      sessionKey: DEMO_SESSION_KEY,
      createdAt: T0,
      expiresAt: expect.any(Number),
    });
    expect(control.wechat.userInfo({ appid: DEMO_APPID, openid: DEMO_OPENID }).rawData).toContain(
      '"nickName":"Band"',
    );
    expect(control.wechat.phoneNumber({ appid: DEMO_APPID, openid: DEMO_OPENID }).code).toMatch(
      /^[0-9a-f]{64}$/,
    );
    const { user, created } = control.wechat.upsertUser({ appid: DEMO_APPID, blocked: true });
    expect(created).toBe(true);
    user.nickName = 'changed outside';
    expect(mock.store.wechat.users.get(`${DEMO_APPID}:${user.openid}`)?.nickName).not.toBe(
      'changed outside',
    );
    expect(control.wechat.expireSession({ appid: DEMO_APPID, openid: DEMO_OPENID })).toBe(true);
    expect(control.wechat.session({ appid: DEMO_APPID, openid: DEMO_OPENID })).toBeNull();
  });

  it('throws a typed ControlError: unknown app or user, no phone, bad values', () => {
    rejects(() => control.wechat.login({ appid: 'wx0000000000000000' }), 404, 'unknown_app');
    rejects(
      () => control.wechat.session({ appid: DEMO_APPID, openid: 'oNobody' }),
      404,
      'unknown_user',
    );
    const noPhone = mock.store.fixtures.wechat.users.find((u) => u.phone === null)!;
    rejects(() => control.wechat.phoneNumber(noPhone), 409, 'no_phone');
    rejects(
      () => control.wechat.login({ appid: DEMO_APPID, count: 0 }),
      400,
      'invalid_field',
      '"count"',
    );
    rejects(
      () => control.wechat.login({ appid: DEMO_APPID, sessionKey: 'abc' }),
      400,
      'invalid_field',
      '"sessionKey"',
    );
    rejects(
      () => control.faults.add({ route: 'wechat.token', errcode: -1, times: 0 }),
      400,
      'invalid_field',
      '"times"',
    );
    rejects(
      () => control.faults.add({ route: 'wechat.nope' as never, errcode: -1 }),
      400,
      'invalid_field',
      '"route"',
    );
    rejects(
      () => control.faults.add({ route: 'wechat.token', errcode: -1, appid: 'wx0' }),
      404,
      'unknown_app',
    );
    rejects(() => control.clock.set('yesterday'), 400, 'invalid_field', '"now"');
    rejects(() => control.clock.advance(Number.NaN), 400, 'invalid_field', '"advanceMs"');
    rejects(() => control.messages.list({ to: ' ' }), 400, 'invalid_field', '"to"');
    expect(control.faults.list()).toEqual([]);
    expect(control.clock.get()).toEqual({ now: T0, iso: '2024-01-01T00:00:00.000Z' });
  });

  it('moves the clock, and lists the faults and messages it holds', () => {
    expect(control.clock.advance(1000).now).toBe(T0 + 1000);
    expect(control.clock.set('2025-01-01T00:00:00Z')).toEqual({
      now: Date.UTC(2025, 0, 1),
      iso: '2025-01-01T00:00:00.000Z',
    });
    const fault = control.faults.add({ route: 'wechat.token', errcode: 45011, appid: DEMO_APPID });
    expect(fault).toEqual({
      id: 1,
      route: 'wechat.token',
      errcode: 45011,
      errmsg: expect.stringContaining('minute-quota'),
      times: 1,
      appid: DEMO_APPID,
      delayMs: 0,
    });
    expect(control.faults.list()).toEqual([fault]);
    expect(control.faults.clear()).toBe(1);
    expect(control.messages.list({ to: '13912345678' })).toEqual([]);
  });

  it('reset() and mock.reset() clear state, faults and the journal, like POST /reset', async () => {
    await request(mock.app).get('/cgi-bin/token');
    expect(control.journal.list({ path: '/cgi-bin/token', method: 'get' })).toHaveLength(1);
    control.faults.add({ route: 'wechat.token', errcode: -1 });
    const first = control.wechat.login({ appid: DEMO_APPID });
    expect(mock.reset()).toEqual({ reset: true, seed: 'genauth-wxapp' });
    expect(control.journal.list()).toEqual([]);
    expect(control.faults.list()).toEqual([]);
    expect(control.state().wechat.codes).toEqual([]);
    expect(control.wechat.login({ appid: DEMO_APPID })).toEqual(first);
    await request(mock.app).get('/cgi-bin/token');
    control.journal.clear();
    expect(control.journal.list()).toEqual([]);
    expect(control.reset('other').seed).toBe('other');
    expect(control.state().seed).toBe('other');
  });

  it('demo() is the typed demo section of the state', () => {
    const demo = control.demo();
    expect(demo).toEqual(control.state().demo);
    expect(demo.apps.find((a) => a.wechatAppid === DEMO_APPID)?.tokenAlgorithm).toMatch(
      /^[HR]S256$/,
    );
    expect(demo.accounts.some((a) => a.password !== null)).toBe(true);
    expect(demo.directory.map((d) => d.kind).sort()).toEqual(['ad', 'ldap']);
  });

  it('demo() is 404 no_demo when the fixtures have no user pool', () => {
    const fixtures = structuredClone(mock.store.fixtures);
    fixtures.genauth.pools = [];
    const bare = createMockServer({ fixtures });
    rejects(() => bare.control.demo(), 404, 'no_demo');
    expect(bare.control.state().demo).toEqual({});
  });
});
