import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createControlClient, createMockServer, fixedClock, type MockServer } from '../../src';
import { CHECK, gql, login, poolHeaders } from '../genauth/kit';
import { fixturesOf, passwordTokens } from '../oidc/kit';
import { T0 } from '../wechat/helpers';

/** Two mocks on frozen clocks a day apart: `a` is exported, `b` imports it. */
const a: MockServer = createMockServer({ clock: fixedClock(T0) });
const b: MockServer = createMockServer({ clock: fixedClock(T0 + 86_400_000) });
beforeAll(async () => {
  await a.start(0);
  await b.start(0);
});
afterAll(async () => {
  await a.stop();
  await b.stop();
});
afterEach(() => {
  for (const m of [a, b]) {
    m.reset();
    m.clock.reset();
  }
});

const stateText = async (m: MockServer): Promise<string> =>
  (await request(m.url).get('/__mock/v1/state').expect(200)).text;

/** Logins, phone codes, access tokens, GenAuth users and tokens, faults, OIDC, clock moves. */
async function busy(m: MockServer): Promise<{ token: string; refresh: string }> {
  const http = request(m.url);
  const secret = m.store.wechat.apps.get(DEMO_APPID)!.secret;
  const { code } = m.control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID });
  await http
    .get('/sns/jscode2session')
    .query({ appid: DEMO_APPID, secret, js_code: code, grant_type: 'authorization_code' })
    .expect(200);
  m.control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID, count: 2 });
  m.control.wechat.phoneNumber({ appid: DEMO_APPID, openid: DEMO_OPENID });
  await http
    .get('/cgi-bin/token')
    .query({ grant_type: 'client_credential', appid: DEMO_APPID, secret })
    .expect(200);
  const poolId = m.store.fixtures.genauth.pools[0]!.id;
  m.control.genauth.bulkCreateUsers({
    poolId,
    users: [{ email: 'import@example.com', password: 'Imp0rt-pass!' }],
  });
  await http.post('/api/v2/sms/send').set('x-authing-userpool-id', poolId).send({
    phone: '13912345678',
  });
  const { token } = await login(m);
  const loggedOut = await login(m);
  await http.get('/api/v2/logout').set(loggedOut.headers).expect(200);
  m.control.faults.add({ route: 'wechat.jscode2session', errcode: 40029, times: 2 });
  // The feature tables beside the state: plugin codes, payments, encrypt keys, quota, v3 ids.
  const apps = [...m.store.wechat.apps.keys()];
  m.control.wechat.pluginLogin({ appid: DEMO_APPID, openid: DEMO_OPENID, pluginAppid: apps[1]! });
  m.control.wechat.pay({
    appid: DEMO_APPID,
    openid: DEMO_OPENID,
    mchId: '1900000109',
    outTradeNo: 'o-1',
  });
  m.control.wechat.latestUserKey({ appid: DEMO_APPID, openid: DEMO_OPENID });
  await http.post('/api/v3/signin').send({}).expect(200);
  m.control.clock.advance(90_000);
  const { refresh_token: refresh } = await passwordTokens(m, fixturesOf(m).hs.id);
  return { token, refresh };
}

describe('PUT /__mock/v1/state: importing an export', () => {
  it('gives an identical state, byte for byte, with the same next minted values', async () => {
    const { token, refresh } = await busy(a);
    const exported = await stateText(a);
    const doc = JSON.parse(exported) as {
      version: number;
      wechat: { tables: Record<string, unknown[]> };
      genauth: { tables: { v3RequestSeq: number } };
    };
    expect(doc.version).toBe(1);
    for (const table of ['phoneQuota', 'encryptKeys', 'pluginCodes', 'encryptedMsgs'])
      expect(doc.wechat.tables[table]).toHaveLength(1);
    expect(doc.genauth.tables.v3RequestSeq).toBe(1);
    const res = await request(b.url)
      .put('/__mock/v1/state')
      .set('content-type', 'application/json')
      .send(exported)
      .expect(200);
    expect(res.body).toEqual({ imported: true, seed: a.store.fixtures.seed, now: a.clock.now() });
    expect(await stateText(b)).toBe(exported);

    // The next code, openid-less login and GenAuth id minted are the same in both.
    const next = (m: MockServer) => m.control.wechat.login({ appid: DEMO_APPID });
    expect(next(b)).toEqual(next(a));
    const created = (m: MockServer) =>
      m.control.genauth.bulkCreateUsers({
        poolId: m.store.fixtures.genauth.pools[0]!.id,
        users: [{ email: 'next@example.com' }],
        returnIds: true,
      });
    expect(created(b)).toEqual(created(a));
    expect(await stateText(b)).toBe(await stateText(a));

    // A v2 token issued before the export still verifies after the import.
    const check = await gql(b, CHECK, { token }, poolHeaders(b));
    expect((check.data?.['checkLoginStatus'] as { status: boolean }).status).toBe(true);
    // The pending fault is still there, and so is the OIDC refresh token.
    expect(b.control.faults.list()).toEqual(a.control.faults.list());
    const refreshed = await request(b.url)
      .post('/oidc/token')
      .type('form')
      .send({
        grant_type: 'refresh_token',
        client_id: fixturesOf(b).hs.id,
        refresh_token: refresh,
      });
    expect(refreshed.status).toBe(200);
  });

  it('round-trips in process and through the client', async () => {
    await busy(a);
    const doc = a.control.exportState();
    b.control.importState(doc);
    expect(JSON.stringify(b.control.exportState())).toBe(JSON.stringify(doc));
    b.reset();
    const client = createControlClient(b.url);
    await client.importState(await createControlClient(a.url).exportState());
    expect(await stateText(b)).toBe(await stateText(a));
  });

  it('imports a state of another seed, with its fixtures', async () => {
    const other = createMockServer({ seed: 'other-seed', clock: fixedClock(T0) });
    other.control.wechat.login({ appid: other.store.fixtures.wechat.apps[0]!.appid });
    const doc = other.control.exportState();
    b.control.importState(doc);
    expect(b.store.fixtures.seed).toBe('other-seed');
    expect(JSON.stringify(b.control.exportState())).toBe(JSON.stringify(doc));
  });
});
