import {
  AuthenticationClient,
  createMemoryStorage,
  createNodeRuntime,
  TOKEN_KEY,
} from '../../src/node';
import { resolveOptions } from '../../src/options';

const runtime = () => createNodeRuntime();

describe('AuthenticationClient options', () => {
  it('requires appId and names it', () => {
    expect(() => new AuthenticationClient({ runtime: runtime() } as never)).toThrow(
      new TypeError('"appId" option is required'),
    );
    expect(() => new AuthenticationClient({ appId: 42, runtime: runtime() } as never)).toThrow(
      /"appId" option must be a string/,
    );
  });

  it('rejects a non-object', () => {
    expect(() => new AuthenticationClient(null as never)).toThrow(TypeError);
  });

  it('applies defaults', () => {
    const options = resolveOptions({ appId: 'app' });
    expect(options).toEqual({
      appId: 'app',
      userPoolId: undefined,
      host: 'https://core.authing.cn',
      timeout: 10_000,
      onError: undefined,
      token: undefined,
      publicKey: undefined,
      websocketHost: undefined,
      appHost: 'https://core.authing.cn',
      protocol: 'oidc',
      redirectUri: undefined,
    });
    expect(Object.isFrozen(options)).toBe(true);
  });

  it.each([
    ['host', 'http://127.0.0.1:3000//', 'http://127.0.0.1:3000', 'core.authing.cn'],
    ['websocketHost', 'https://ws.example.com/', 'https://ws.example.com', 'ws.example.com'],
    ['appHost', 'https://app.example.com/', 'https://app.example.com', 'app.example.com'],
  ] as const)('validates %s and strips its trailing slashes', (key, given, kept, bad) => {
    expect(resolveOptions({ appId: 'a', [key]: given })[key]).toBe(kept);
    expect(() => new AuthenticationClient({ appId: 'a', [key]: bad, runtime: runtime() })).toThrow(
      `"${key}" option must be an http(s) URL`,
    );
  });

  it.each([0, -1, Number.NaN, '1000'])('rejects timeout %p', (timeout) => {
    expect(
      () => new AuthenticationClient({ appId: 'a', timeout, runtime: runtime() } as never),
    ).toThrow(/"timeout" option must be a positive number/);
  });

  it('validates onError, publicKey and runtime', () => {
    expect(
      () => new AuthenticationClient({ appId: 'a', onError: 1, runtime: runtime() } as never),
    ).toThrow(/"onError" option must be a function/);
    expect(
      () => new AuthenticationClient({ appId: 'a', publicKey: 'abc', runtime: runtime() }),
    ).toThrow(/"publicKey" option must be a PEM/);
    expect(() => new AuthenticationClient({ appId: 'a', runtime: {} as never })).toThrow(
      /"runtime" option must implement request\(\)/,
    );
  });

  it('starts logged in with accessToken or token (stored under _authing_token)', () => {
    for (const key of ['accessToken', 'token'] as const) {
      const storage = createMemoryStorage();
      const client = new AuthenticationClient({
        appId: 'a',
        [key]: 'T1',
        runtime: createNodeRuntime({ storage }),
      });
      expect(client.getToken()).toBe('T1');
      expect(storage.get(TOKEN_KEY)).toBe('T1');
    }
    expect(
      () =>
        new AuthenticationClient({ appId: 'a', token: 'x', accessToken: 'y', runtime: runtime() }),
    ).toThrow(/"accessToken" and "token" options disagree/);
  });

  it('falls back to the global wx and says so when there is none', () => {
    expect(() => new AuthenticationClient({ appId: 'a' })).toThrow(/No global `wx`/);
  });
});
