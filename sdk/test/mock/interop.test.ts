import {
  AuthenticationClient,
  createNodeRuntime,
  TOKEN_KEY,
  USER_KEY,
  type KeyValueStorage,
  type User,
} from '../../src/node';

import { MockHarness } from '../helpers/mock';

/** The parts of the official authing-wxapp-sdk client these tests drive. */
interface OfficialClient {
  loginByCode(code: string): Promise<User>;
  loginByEmail(email: string, password: string): Promise<User>;
  getCurrentUser(): Promise<User | null>;
  updateProfile(updates: object): Promise<User>;
  checkLoggedIn(): string;
  logout(): Promise<void>;
}
type OfficialCtor = new (options: object) => OfficialClient;

let h: MockHarness;
let Official: OfficialCtor;
/** The one storage object behind both the official SDK's `wx` stand-in and our runtime. */
const store: Record<string, unknown> = {};

beforeAll(async () => {
  h = await MockHarness.start();
  (globalThis as { wx?: unknown }).wx = {
    setStorageSync: (k: string, v: unknown) => void (store[k] = v),
    getStorageSync: (k: string) => (k in store ? store[k] : ''),
    removeStorageSync: (k: string) => void Reflect.deleteProperty(store, k),
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Official = (require('authing-wxapp-sdk') as { AuthenticationClient: OfficialCtor })
    .AuthenticationClient;
});
afterAll(async () => {
  delete (globalThis as { wx?: unknown }).wx;
  await h.stop();
});
beforeEach(async () => {
  await h.reset();
  for (const key of Object.keys(store)) Reflect.deleteProperty(store, key);
});

const shared: KeyValueStorage = {
  get: (k) => (k in store ? store[k] : ''),
  set: (k, v) => void (store[k] = v),
  remove: (k) => void Reflect.deleteProperty(store, k),
};

const official = () =>
  new Official({ appId: h.app.appId, userPoolId: h.demo.userPoolId, host: h.url });
const ours = () =>
  new AuthenticationClient({
    appId: h.app.appId,
    userPoolId: h.demo.userPoolId,
    host: h.url,
    runtime: createNodeRuntime({ storage: shared }),
  });

describe('login state shared with authing-wxapp-sdk', () => {
  it('picks up the state the official loginByCode left behind', async () => {
    const { code } = await h.wxLogin();
    const user = await official().loginByCode(code);
    expect(store[USER_KEY]).toEqual(user);
    const client = ours();
    expect(client.getToken()).toBe(user.token);
    expect(client.checkLoggedIn()).toBe(user.id);
    await expect(client.getCurrentUser()).resolves.toMatchObject({ id: user.id });
    await expect(client.updateProfile({ nickname: '换了 SDK' })).resolves.toMatchObject({
      id: user.id,
      nickname: '换了 SDK',
    });
  });

  it('leaves a state the official SDK reads, and our logout logs it out', async () => {
    const a = h.account((x) => x.email);
    const user = await ours().loginByEmail(a.email!, a.password);
    expect(store[TOKEN_KEY]).toBe(user.token);
    const theirs = official();
    expect(theirs.checkLoggedIn()).toBe(user.id);
    await expect(theirs.getCurrentUser()).resolves.toMatchObject({ id: user.id });
    await expect(theirs.updateProfile({ nickname: 'back again' })).resolves.toMatchObject({
      nickname: 'back again',
    });
    await ours().logout();
    expect(store).toEqual({});
    expect(() => theirs.checkLoggedIn()).toThrow('请先登录！');
  });

  it('reads a JSON-string user, as the browser authing-js-sdk stores it', async () => {
    const a = h.account((x) => x.email);
    const user = await official().loginByEmail(a.email!, a.password);
    store[USER_KEY] = JSON.stringify(user);
    expect(ours().checkLoggedIn()).toBe(user.id);
  });
});
