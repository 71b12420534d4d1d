import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

import { parsePublicKey, rsaEncrypt } from '../../src/rsa';

const { publicKey, privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 1024,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
});
const forgeKey = forge.pki.privateKeyFromPem(privateKey);
const secure = (length: number): Uint8Array => new Uint8Array(randomBytes(length));

function forgeDecrypt(base64: string): string {
  const plain = forgeKey.decrypt(forge.util.decode64(base64), 'RSAES-PKCS1-V1_5');
  return forge.util.decodeUtf8(plain);
}

describe('rsaEncrypt (PKCS#1 v1.5)', () => {
  it('parses the SPKI modulus and exponent like node-forge', () => {
    const ours = parsePublicKey(publicKey);
    const theirs = forge.pki.publicKeyFromPem(publicKey);
    expect(ours.n.toString(16)).toBe(theirs.n.toString(16));
    expect(ours.e.toString(16)).toBe(theirs.e.toString(16));
    expect(ours.size).toBe(128);
  });

  it('parses a PKCS#1 "RSA PUBLIC KEY" PEM too', () => {
    const pkcs1 = generateKeyPairSync('rsa', {
      modulusLength: 1024,
      publicKeyEncoding: { type: 'pkcs1', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    expect(parsePublicKey(pkcs1.publicKey).n).toBe(
      BigInt('0x' + forge.pki.publicKeyFromPem(pkcs1.publicKey).n.toString(16)),
    );
  });

  it('produces ciphertexts node-forge decrypts (ASCII, UTF-8, many paddings)', async () => {
    for (const text of ['passw0rd', '密码-ünïcode-🔐', 'x']) {
      for (let i = 0; i < 6; i++) {
        const encrypted = await rsaEncrypt(text, publicKey, secure);
        expect(encrypted).toHaveLength(172);
        expect(forgeDecrypt(encrypted)).toBe(text);
      }
    }
  });

  it('uses the given random source and skips zero bytes in the padding', async () => {
    let calls = 0;
    const random = (length: number) => {
      calls++;
      // first call: all zeros (must be rejected), then 0x01 fill
      return new Uint8Array(length).fill(calls === 1 ? 0 : 1);
    };
    const encrypted = await rsaEncrypt('secret', publicKey, random);
    expect(calls).toBe(2);
    const raw = forge.util.createBuffer(forge.util.decode64(encrypted)).getBytes();
    const block = forge.util.binary.raw.decode(forgeKey.decrypt(raw, 'RAW' as 'RSAES-PKCS1-V1_5'));
    expect(block[0]).toBe(0);
    expect(block[1]).toBe(2);
    expect([...block.subarray(2, 128 - 7)].every((b) => b === 1)).toBe(true);
    expect(forge.util.decodeUtf8(forge.util.binary.raw.encode(block.subarray(128 - 6)))).toBe(
      'secret',
    );
  });

  it('rejects messages longer than k - 11 bytes and non-RSA keys', async () => {
    await expect(rsaEncrypt('a'.repeat(118), publicKey, secure)).rejects.toThrow(/too long/);
    await expect(rsaEncrypt('a'.repeat(117), publicKey, secure)).resolves.toHaveLength(172);
    await expect(
      rsaEncrypt('a', '-----BEGIN PUBLIC KEY-----\nAgEB\n-----END PUBLIC KEY-----', secure),
    ).rejects.toThrow(TypeError);
  });
});
