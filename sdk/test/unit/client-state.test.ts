import {
  AuthenticationClient,
  createMemoryStorage,
  createNodeRuntime,
  isGenAuthError,
  TOKEN_KEY,
  USER_KEY,
} from '../../src/node';

const jwt = (payload: object) =>
  ['{"alg":"HS256"}', JSON.stringify(payload)]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat('sig')
    .join('.');

function make() {
  const storage = createMemoryStorage();
  const client = new AuthenticationClient({
    appId: 'a',
    runtime: createNodeRuntime({ storage }),
  });
  return { client, storage };
}

describe('local login state', () => {
  it('setToken / getToken and checkLoggedIn from the token claims', () => {
    const { client, storage } = make();
    expect(client.getToken()).toBeNull();
    client.setToken(jwt({ data: { id: 'u-data' } }));
    expect(storage.get(TOKEN_KEY)).toBe(client.getToken());
    expect(client.checkLoggedIn()).toBe('u-data');
    client.setToken(jwt({ sub: 'u-sub' }));
    expect(client.checkLoggedIn()).toBe('u-sub');
  });

  it('setCurrentUser stores user and token; its id wins over the token', () => {
    const { client, storage } = make();
    client.setCurrentUser({ id: 'u1', token: jwt({ sub: 'other' }) });
    expect(storage.get(USER_KEY)).toEqual({ id: 'u1', token: jwt({ sub: 'other' }) });
    expect(client.checkLoggedIn()).toBe('u1');
  });

  it('checkLoggedIn: no state → 2020 请先登录！, unreadable token → 2207', () => {
    const { client } = make();
    const error = (() => {
      try {
        client.checkLoggedIn();
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isGenAuthError(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'not-logged-in', code: 2020, message: '请先登录！' });
    client.setToken('opaque-token');
    expect(() => client.checkLoggedIn()).toThrow('不合法的 accessToken');
  });

  it('methods that need a login state reject (never throw synchronously)', async () => {
    const { client } = make();
    const calls = [
      () => client.updateProfile({ nickname: 'x' }),
      () => client.listUdv(),
      () => client.setUdv('k', 1),
      () => client.removeUdv('k'),
      () => client.getUdfValue(),
      () => client.setUdfValue({ k: 1 }),
      () => client.removeUdfValue('k'),
      () => client.listAuthorizedResources('ns'),
      () => client.updateAvatar('a.png'),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({ kind: 'not-logged-in', code: 2020 });
    }
  });
});
