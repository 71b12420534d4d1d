import { DEMO_APPID, DEMO_OPENID } from '@genauth-wxapp/fixtures';
import request from 'supertest';

import { createMockServer, fixedClock, type MockServer } from '../../src';
import { STATE_BODY_LIMIT } from '../../src/state-io/limits';
import { T0 } from '../wechat/helpers';

const mock: MockServer = createMockServer({ clock: fixedClock(T0) });
beforeAll(() => mock.start(0));
afterAll(() => mock.stop());

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid export with a few entries, to break one field of. */
function exported(): Doc {
  const other = createMockServer({ clock: fixedClock(T0) });
  other.control.wechat.login({ appid: DEMO_APPID, openid: DEMO_OPENID });
  other.control.wechat.phoneNumber({ appid: DEMO_APPID, openid: DEMO_OPENID });
  other.control.faults.add({ route: 'wechat.jscode2session', errcode: 40029 });
  return other.control.exportState() as unknown as Doc;
}

const CASES: [string, (d: Doc) => void, string][] = [
  ['an unknown version', (d) => (d['version'] = 2), '"version" must be 1'],
  ['no version', (d) => delete d['version'], '"version" must be 1'],
  ['a seed of the wrong type', (d) => (d['seed'] = 7), '"seed" must be a string'],
  ['a clock that is not a number', (d) => (d['now'] = 'soon'), '"now" must be a finite number'],
  ['a bad random position', (d) => (d['random'].pool = 'xyz'), '"random.pool"'],
  [
    'a user of an unknown app',
    (d) => (d['wechat'].users[0].appid = 'wx0'),
    '"wechat.users[0].appid"',
  ],
  [
    'an app without its open-platform binding',
    (d) => delete d['wechat'].apps[0].openPlatformId,
    '"wechat.apps[0].openPlatformId"',
  ],
  [
    'a user whose phone is not an object',
    (d) => (d['wechat'].users[0].phone = 5),
    '"wechat.users[0].phone"',
  ],
  [
    'a code of an unknown user',
    (d) => (d['wechat'].codes[0].openid = 'nobody'),
    '"wechat.codes[0].openid"',
  ],
  [
    'a session key of the wrong type',
    (d) => (d['wechat'].phoneCodes[0].issuedAt = null),
    '"wechat.phoneCodes[0].issuedAt"',
  ],
  [
    'a fault of an unknown route',
    (d) => (d['wechat'].faultBook.pending[0].route = 'nope'),
    '"wechat.faultBook.pending[0].route"',
  ],
  [
    'a GenAuth user without its password hash',
    (d) => delete d['genauth'].pools[0].users[0].passwordHash,
    '"genauth.pools[0].users[0].passwordHash" is missing',
  ],
  [
    'a GenAuth user in the wrong pool',
    (d) => (d['genauth'].pools[0].users[1].poolId = 'elsewhere'),
    '"genauth.pools[0].users[1].poolId"',
  ],
  ['an unknown pool', (d) => (d['genauth'].pools[0].id = 'nope'), '"genauth.pools[0].id"'],
  ['a missing OIDC table', (d) => delete d['genauth'].oidc.sessions, '"genauth.oidc.sessions"'],
  [
    'a feature table of the wrong shape',
    (d) => (d['wechat'].tables.pluginCodes = {}),
    '"wechat.tables.pluginCodes" must be an array',
  ],
  [
    'a phone quota without the count of a product',
    (d) => delete d['wechat'].tables.phoneQuota[0][1].realtime.used,
    '"wechat.tables.phoneQuota[0][1].realtime.used"',
  ],
  [
    'a v3 request counter that is not a count',
    (d) => (d['genauth'].tables.v3RequestSeq = -1),
    '"genauth.tables.v3RequestSeq"',
  ],
];

describe('PUT /__mock/v1/state: bad documents', () => {
  it.each(CASES)('refuses %s, naming the field, and changes nothing', async (_, breakIt, named) => {
    mock.control.wechat.login({ appid: DEMO_APPID });
    const before = (await request(mock.url).get('/__mock/v1/state')).text;
    const doc = exported();
    breakIt(doc);
    const res = await request(mock.url).put('/__mock/v1/state').send(doc).expect(400);
    expect(res.body).toEqual({ error: 'invalid_field', message: expect.any(String) });
    expect((res.body as { message: string }).message).toContain(named);
    expect((await request(mock.url).get('/__mock/v1/state')).text).toBe(before);
  });

  it('refuses what is not JSON, or not an object', async () => {
    const before = (await request(mock.url).get('/__mock/v1/state')).text;
    await request(mock.url)
      .put('/__mock/v1/state')
      .set('content-type', 'application/json')
      .send('{"version":')
      .expect(400);
    const res = await request(mock.url)
      .put('/__mock/v1/state')
      .set('content-type', 'application/json')
      .send('[1]')
      .expect(400);
    expect(res.body).toMatchObject({ error: 'invalid_field' });
    expect((await request(mock.url).get('/__mock/v1/state')).text).toBe(before);
  });

  it('reads documents of up to 256 MiB', () => {
    expect(STATE_BODY_LIMIT).toBe(256 * 1024 * 1024);
  });
});
