/**
 * The control routes the console reads and edits through, over real HTTP with the package's
 * control client: WeChat apps, pending codes and live sessions, user pools, one GenAuth user
 * (view, edit, delete), user search, recent messages, the journal after a seq; each with the
 * `{error, message}` it answers to bad input.
 */
import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';

import {
  ControlError,
  createControlClient,
  createMockServer,
  fixedClock,
  type ControlClient,
} from '../../src';

const T0 = Date.UTC(2024, 0, 1);

describe('the console control routes', () => {
  const mock = createMockServer({ clock: fixedClock(T0) });
  let url: string;
  let client: ControlClient;
  beforeAll(async () => {
    url = await mock.start(0);
    client = createControlClient(url);
  });
  afterAll(() => mock.stop());
  afterEach(() => {
    mock.reset();
    mock.clock.reset();
  });
  const demo = () => mock.control.demo();

  /** The status and body of a raw request (what a console or curl sees). */
  async function raw(method: string, path: string, body?: unknown) {
    const res = await fetch(`${url}/__mock/v1${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }
  const refused = (status: number, error: string, field?: string) => ({
    status,
    body: {
      error,
      message: field === undefined ? expect.any(String) : expect.stringContaining(`"${field}"`),
    },
  });

  it('lists the WeChat apps, an app’s pending codes and live sessions, newest first', async () => {
    const apps = await client.wechat.apps();
    expect(apps.map((a) => a.appid)).toContain(DEMO_APPID);
    expect(apps[0]).toEqual({
      appid: expect.any(String),
      secret: expect.any(String),
      name: expect.any(String),
      openPlatformId: expect.anything(),
    });
    const first = await client.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID });
    mock.clock.advance(60_000);
    const second = await client.wechat.login({ appid: DEMO_APPID });
    const codes = await client.wechat.codes({ appid: DEMO_APPID });
    expect(codes.map((c) => c.code)).toEqual([second.code, first.code]);
    expect(codes[1]).toEqual({
      code: first.code,
      appid: DEMO_APPID,
      openid: DEMO_OPENID,
      issuedAt: T0,
      usedAt: null,
      expiresAt: T0 + 5 * 60_000,
    });
    expect(await client.wechat.codes({ appid: DEMO_APPID, limit: 1 })).toHaveLength(1);
    const sessions = await client.wechat.sessions({ appid: DEMO_APPID });
    expect(sessions.map((s) => s.openid)).toEqual([second.openid, DEMO_OPENID]);
    // Four minutes later the first code is over; the second has a minute left.
    mock.clock.advance(4 * 60_000);
    expect((await client.wechat.codes({ appid: DEMO_APPID })).map((c) => c.code)).toEqual([
      second.code,
    ]);
  });

  it('refuses bad WeChat listing queries', async () => {
    expect(await raw('GET', '/wechat/codes')).toEqual(refused(400, 'invalid_field', 'appid'));
    expect(await raw('GET', `/wechat/codes?appid=${DEMO_APPID}&limit=0`)).toEqual(
      refused(400, 'invalid_field', 'limit'),
    );
    expect(await raw('GET', '/wechat/sessions/live?appid=wx0000000000000000')).toEqual(
      refused(404, 'unknown_app'),
    );
    expect(await raw('GET', `/wechat/sessions/live?appid=${DEMO_APPID}&limit=x`)).toEqual(
      refused(400, 'invalid_field', 'limit'),
    );
    expect(await raw('GET', '/wechat/codes?appid=a&appid=b')).toEqual(
      refused(400, 'invalid_field', 'appid'),
    );
  });

  it('lists the pools with their apps and user counts', async () => {
    const pools = await client.genauth.pools();
    const pool = pools.find((p) => p.id === demo().userPoolId)!;
    expect(pool).toMatchObject({ name: demo().userPoolName, userCount: demo().accounts.length });
    expect(pool.apps.map((a) => a.id)).toEqual(demo().apps.map((a) => a.appId));
  });

  it('searches a pool’s users with q', async () => {
    const { userPoolId: poolId, accounts } = demo();
    const withEmail = accounts.find((a) => a.email)!;
    const found = await client.genauth.listUsers({ poolId, q: withEmail.email!.toUpperCase() });
    expect(found.users.map((u) => u.id)).toEqual([withEmail.id]);
    expect((await client.genauth.listUsers({ poolId, q: 'nobody-has-this' })).users).toEqual([]);
    expect(await raw('GET', `/genauth/users?poolId=${poolId}&q=`)).toEqual(
      refused(400, 'invalid_field', 'q'),
    );
    expect(await raw('GET', `/genauth/users?poolId=${poolId}&q=${'x'.repeat(201)}`)).toEqual(
      refused(400, 'invalid_field', 'q'),
    );
  });

  it('views, edits and deletes one GenAuth user', async () => {
    const [account, other] = demo().accounts;
    const user = await client.genauth.getUser({ id: account!.id });
    expect(user).toMatchObject({ id: account!.id, email: account!.email });
    const changed = await client.genauth.updateUser({
      id: account!.id,
      nickname: '新名字',
      blocked: true,
      email: 'renamed@example.com',
    });
    expect(changed).toMatchObject({
      nickname: '新名字',
      blocked: true,
      email: 'renamed@example.com',
    });
    expect(changed['updatedAt']).toBe(new Date(T0).toISOString());
    // The new address is indexed: a search finds it, and another user cannot take it.
    const poolId = demo().userPoolId;
    expect((await client.genauth.listUsers({ poolId, q: 'renamed@' })).users).toHaveLength(1);
    await expect(
      client.genauth.updateUser({ id: other!.id, email: 'RENAMED@example.com' }),
    ).rejects.toMatchObject({ status: 409, error: 'user_exists' });
    expect(await client.genauth.deleteUser({ id: account!.id })).toEqual({
      deleted: true,
      id: account!.id,
    });
    await expect(client.genauth.getUser({ id: account!.id })).rejects.toBeInstanceOf(ControlError);
  });

  it('refuses bad user edits and unknown users, changing nothing', async () => {
    const id = demo().accounts[0]!.id;
    const before = JSON.stringify(mock.control.genauth.getUser({ id }));
    expect(await raw('GET', '/genauth/users/nobody')).toEqual(refused(404, 'unknown_user'));
    expect(await raw('DELETE', '/genauth/users/nobody')).toEqual(refused(404, 'unknown_user'));
    expect(await raw('PATCH', '/genauth/users/nobody', { nickname: 'x' })).toEqual(
      refused(404, 'unknown_user'),
    );
    const bad: [unknown, string][] = [
      [{}, 'body'],
      [[1], 'body'],
      [{ nickname: 1 }, 'nickname'],
      [{ email: 'not-an-address' }, 'email'],
      [{ phone: '12' }, 'phone'],
      [{ blocked: 'yes' }, 'blocked'],
      [{ status: 'Gone' }, 'status'],
      [{ password: 'x' }, 'password'],
      [{ nickname: 'ok', photo: '' }, 'photo'],
    ];
    for (const [body, field] of bad) {
      expect(await raw('PATCH', `/genauth/users/${id}`, body)).toEqual(
        refused(400, 'invalid_field', field),
      );
    }
    const malformed = await fetch(`${url}/__mock/v1/genauth/users/${id}`, {
      method: 'PATCH',
      body: '{"nickname":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'invalid_json', message: expect.any(String) });
    expect(JSON.stringify(mock.control.genauth.getUser({ id }))).toBe(before);
  });

  it('lists the newest messages to anyone, and refuses bad queries', async () => {
    const { userPoolId, apps } = demo();
    const send = (phone: string) =>
      fetch(`${url}/api/v2/sms/send`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-authing-userpool-id': userPoolId,
          'x-authing-app-id': apps[0]!.appId,
        },
        body: JSON.stringify({ phone }),
      });
    expect((await send('13800000001')).status).toBe(200);
    expect((await send('13800000002')).status).toBe(200);
    const recent = await client.messages.recent();
    expect(recent.map((m) => m.to)).toEqual(['13800000002', '13800000001']);
    expect(recent[0]).toMatchObject({ channel: 'sms', code: expect.stringMatching(/^\d{6}$/) });
    expect(await client.messages.recent({ pool: 'elsewhere', limit: 1 })).toEqual([]);
    expect(await raw('GET', '/messages/recent?limit=1001')).toEqual(
      refused(400, 'invalid_field', 'limit'),
    );
    expect(await raw('GET', '/messages/recent?pool=')).toEqual(
      refused(400, 'invalid_field', 'pool'),
    );
  });

  it('lists the journal after a seq, and refuses a bad one', async () => {
    await fetch(`${url}/cgi-bin/token`);
    const [first] = await client.journal.list();
    await fetch(`${url}/wxa/checksession`);
    const after = await client.journal.list({ after: first!.seq });
    expect(after.map((e) => e.path)).toEqual(['/wxa/checksession']);
    expect(await raw('GET', '/requests?after=-1')).toEqual(refused(400, 'invalid_field', 'after'));
    expect(await raw('GET', '/requests?after=x&after=y')).toEqual(
      refused(400, 'invalid_field', 'after'),
    );
  });
});
