import {
  bearerOf,
  hostOf,
  isLoopbackAddress,
  normalizeOrigin,
  sameToken,
} from '../../src/control/guard-rules';
import { resolveOptions, type MockServerOptions } from '../../src/options';

describe('guard rules', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:10.231.0.2', false],
    ['10.231.0.2', false],
    ['128.0.0.1', false],
    ['::2', false],
    ['fe80::1', false],
    [undefined, false],
    ['', false],
  ])('isLoopbackAddress(%j) is %j', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });

  it.each([
    ['localhost:3000', 'localhost'],
    ['Mock.Test.', 'mock.test'],
    ['[::1]:80', '[::1]'],
    ['[::FFFF:127.0.0.1]', '[::ffff:127.0.0.1]'],
    ['10.0.0.1:65535', '10.0.0.1'],
    ['evil.example:port', undefined],
    ['::1', undefined],
    ['a_b:1:2', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('hostOf(%j) is %j', (header, name) => {
    expect(hostOf(header)).toBe(name);
  });

  it.each([
    ['http://localhost:5173', 'http://localhost:5173'],
    ['http://LOCALHOST:80/', 'http://localhost'],
    ['https://console.example:443', 'https://console.example'],
    ['null', undefined],
    ['http://a.test/path', undefined],
    ['http://a.test?x', undefined],
    ['http://user@a.test', undefined],
    ['ftp://a.test', undefined],
    ['localhost:5173', undefined],
  ])('normalizeOrigin(%j) is %j', (value, origin) => {
    expect(normalizeOrigin(value)).toBe(origin);
  });

  it('reads bearer tokens and compares them whole', () => {
    expect(bearerOf('Bearer abc.DEF-123')).toBe('abc.DEF-123');
    expect(bearerOf('bearer  abc ')).toBe('abc');
    expect(bearerOf('Basic YWJj')).toBeUndefined();
    expect(bearerOf('Bearer a b')).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
    expect(sameToken('s3cret-token', 's3cret-token')).toBe(true);
    expect(sameToken('s3cret-toke', 's3cret-token')).toBe(false);
    expect(sameToken('', 's3cret-token')).toBe(false);
  });
});

describe('guard options', () => {
  it('defaults to no token and empty allow-lists', () => {
    const o = resolveOptions();
    expect([o.adminToken, o.allowedHosts, o.allowedOrigins]).toEqual([undefined, [], []]);
  });

  it('normalizes the allow-lists', () => {
    const o = resolveOptions({
      adminToken: 'abcdefgh',
      allowedHosts: ['Mock.Test.', '::1', '[FE80::1]'],
      allowedOrigins: ['HTTP://Console.Example:80/'],
    });
    expect(o.adminToken).toBe('abcdefgh');
    expect(o.allowedHosts).toEqual(['mock.test', '[::1]', '[fe80::1]']);
    expect(o.allowedOrigins).toEqual(['http://console.example']);
  });

  it.each(['short', 'has space inside', 'tab\there!', 'é-accented-token', 'x'.repeat(1025)])(
    'rejects the admin token %j without quoting it',
    (token) => {
      const message = captureTypeError({ adminToken: token });
      expect(message).toBe(
        '"adminToken" must be 8 to 1024 visible ASCII characters without spaces',
      );
    },
  );

  it.each([
    [{ allowedHosts: ['ok.test', 'evil.example:80'] }, /^"allowedHosts\[1\]" must be a host name/],
    [{ allowedHosts: ['http://a.test'] }, /^"allowedHosts\[0\]" .*got "http:\/\/a.test"$/],
    [{ allowedHosts: 'a.test' }, /^"allowedHosts" must be an array/],
    [{ allowedOrigins: ['http://a.test/x'] }, /^"allowedOrigins\[0\]" must be an origin like/],
    [{ allowedOrigins: ['null'] }, /^"allowedOrigins\[0\]" .*got "null"$/],
    [{ allowedOrigins: [5] }, /^"allowedOrigins\[0\]" .*got 5$/],
  ])('rejects %j naming the option', (options, message) => {
    expect(captureTypeError(options as MockServerOptions)).toMatch(message);
  });
});

function captureTypeError(options: MockServerOptions): string {
  try {
    resolveOptions(options);
  } catch (e) {
    expect(e).toBeInstanceOf(TypeError);
    return (e as Error).message;
  }
  throw new Error('resolveOptions accepted it');
}
