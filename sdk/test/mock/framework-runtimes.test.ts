import {
  AuthenticationClient,
  createTaroRuntime,
  createUniRuntime,
  type Runtime,
} from '../../src/node';

import { failure } from '../helpers/failure';
import { createTaroStandIn, createUniStandIn } from '../helpers/framework-stand-ins';
import { tempImage, useMockHarness, type MockHarness } from '../helpers/mock';
import { createWxBridge } from '../helpers/wx-bridge';

let h: MockHarness;
useMockHarness((harness) => (h = harness));

const client = (runtime: Runtime, host = h.url) =>
  new AuthenticationClient({ appId: h.app.appId, userPoolId: h.demo.userPoolId, host, runtime });

const bridge = (picks: (string | 'cancel')[] = []) =>
  createWxBridge({ login: async () => (await h.wxLogin()).code, picks });

describe.each([
  [
    'createTaroRuntime',
    (wx: ReturnType<typeof bridge>['wx'], f = {}) =>
      createTaroRuntime(createTaroStandIn(wx, f).taro),
  ],
  [
    'createUniRuntime',
    (wx: ReturnType<typeof bridge>['wx'], f = {}) => createUniRuntime(createUniStandIn(wx, f).uni),
  ],
] as const)('%s against the mock', (_name, make) => {
  it('logs in by code and by password, uploads an avatar, logs out', async () => {
    const b = bridge([tempImage(), 'cancel']);
    const c = client(make(b.wx));
    const user = await c.loginByCode();
    expect(b.store['_authing_token']).toBe(user.token);
    const account = h.account((a) => a.email);
    expect((await c.loginByEmail(account.email!, account.password)).email).toBe(account.email);
    expect((await c.updateAvatar()).photo).toMatch(/^http/);
    expect(await failure(c.updateAvatar())).toMatchObject({ kind: 'cancelled', code: -1 });
    await c.logout();
    expect(b.store).toEqual({});
  });

  it('maps a refused connection to network and a privacy refusal to privacy', async () => {
    const b = bridge();
    const offline = client(make(b.wx), 'http://127.0.0.1:9');
    expect(await failure(offline.sendSmsCode('13800000000'))).toMatchObject({
      kind: 'network',
      code: 500,
    });
    const denied = { errMsg: 'fail privacy permission is not authorized', errno: 104 };
    const c = client(make(b.wx, { chooseMedia: [denied], chooseImage: [denied] }));
    await c.loginByCode();
    expect(await failure(c.updateAvatar())).toMatchObject({ kind: 'privacy', code: 104 });
  });
});

describe('the framework stand-ins', () => {
  it('uni: the SDK uses callbacks, never the Vue 2 promise form', async () => {
    const b = bridge();
    const stand = createUniStandIn(b.wx);
    await client(createUniRuntime(stand.uni)).loginByCode();
    expect(stand.calls.length).toBeGreaterThan(0);
    expect(stand.calls.every((call) => call.callbacks)).toBe(true);
    const [err, res] = (await (stand.uni.login as unknown as (o: object) => Promise<unknown[]>)(
      {},
    )) as [unknown, { code: string }];
    expect(err).toBeNull();
    expect(res.code).toEqual(expect.any(String));
  });

  it('taro: the SDK uses the promise form with the documented options', async () => {
    const b = bridge();
    const stand = createTaroStandIn(b.wx);
    await client(createTaroRuntime(stand.taro)).loginByCode();
    const request = stand.calls.find((call) => call.api === 'request');
    expect(request?.options).toMatchObject({ method: 'POST', dataType: 'json', timeout: 10_000 });
    expect(request?.options).not.toHaveProperty('success');
  });
});
