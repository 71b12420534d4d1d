import { fromBase64, toBase64, utf8Decode, utf8Encode } from '../../src/bytes';
import { decodeJwtPayload, userIdFromToken } from '../../src/jwt';

const jwt = (payload: object) =>
  ['{"alg":"HS256"}', JSON.stringify(payload)]
    .map((part) => Buffer.from(part).toString('base64url'))
    .concat('sig')
    .join('.');

describe('byte helpers', () => {
  it('base64 round-trips every length against Buffer', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const encoded = toBase64(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
      expect([...fromBase64(encoded)]).toEqual([...bytes]);
      expect([...fromBase64(Buffer.from(bytes).toString('base64url'))]).toEqual([...bytes]);
    }
    expect(() => fromBase64('ab$c')).toThrow(/Invalid base64/);
  });

  it('UTF-8 matches Buffer for BMP and astral characters', () => {
    const text = 'aé中文🔐';
    expect(Buffer.from(utf8Encode(text)).equals(Buffer.from(text))).toBe(true);
    expect(utf8Decode(new Uint8Array(Buffer.from(text)))).toBe(text);
  });
});

describe('JWT payload', () => {
  it('reads sub, else the legacy data.id', () => {
    expect(userIdFromToken(jwt({ sub: 'u1', data: { id: 'u2' } }))).toBe('u1');
    expect(userIdFromToken(jwt({ data: { id: 'u2', name: '张三' } }))).toBe('u2');
    expect(decodeJwtPayload(jwt({ data: { name: '张三' } }))).toEqual({ data: { name: '张三' } });
  });

  it('gives undefined for unreadable tokens', () => {
    expect(userIdFromToken('not-a-jwt')).toBeUndefined();
    expect(userIdFromToken('a.%%%.c')).toBeUndefined();
    expect(userIdFromToken(jwt({ iat: 1 }))).toBeUndefined();
    expect(userIdFromToken(`a.${Buffer.from('"str"').toString('base64url')}.c`)).toBeUndefined();
  });
});
