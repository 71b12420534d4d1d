import { scryptSync, timingSafeEqual } from 'node:crypto';

import forge from 'node-forge';

import { fail } from '../errors';
import { PASSWORD_PRIVATE_KEY } from '../keys';

const privateKey = forge.pki.privateKeyFromPem(PASSWORD_PRIVATE_KEY);
const MODULUS_BYTES = Math.ceil(privateKey.n.bitLength() / 8);

/** scrypt cost: cheap enough for the bench, still a real salted KDF. */
const SCRYPT = { N: 1024, r: 8, p: 1 } as const;

/**
 * Decrypts an RSA PKCS#1 v1.5 password (base64) sent by the SDKs. Ciphertexts one byte short of
 * the modulus (a dropped leading zero, as JSEncrypt sometimes emits) are left-padded first.
 * Anything else that does not decrypt → 2016.
 */
export function decryptPassword(ciphertext: unknown): string {
  if (typeof ciphertext !== 'string' || ciphertext.length === 0) throw fail(2016);
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length === 0 || bytes.length > MODULUS_BYTES || bytes.length < MODULUS_BYTES - 1) {
    throw fail(2016);
  }
  const padded = bytes.length === MODULUS_BYTES ? bytes : Buffer.concat([Buffer.alloc(1), bytes]);
  try {
    const plain = privateKey.decrypt(padded.toString('binary'), 'RSAES-PKCS1-V1_5');
    return Buffer.from(plain, 'binary').toString('utf8');
  } catch {
    throw fail(2016);
  }
}

/** `scrypt$<salt>$<hash>`: the only form a password is stored in. */
export function hashPassword(plain: string, salt: string): string {
  const hash = scryptSync(plain, salt, 32, SCRYPT).toString('hex');
  return `scrypt$${salt}$${hash}`;
}

/** A fresh salt from the seeded random stream. */
export function newSalt(random: { hex(n: number): string }): string {
  return random.hex(32);
}

export function verifyPassword(plain: string, stored: string | null): boolean {
  if (stored === null) return false;
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'hex');
  const actual = scryptSync(plain, salt, 32, SCRYPT);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The SDKs' password levels: 3 = 12+ chars with lower, upper and digit; 2 = 8+ with letter and digit. */
export function passwordLevel(password: string): 1 | 2 | 3 {
  if (/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[^]{12,}$/.test(password)) return 3;
  if (/^(?=.*[a-zA-Z])(?=.*\d)[^]{8,}$/.test(password)) return 2;
  return 1;
}
