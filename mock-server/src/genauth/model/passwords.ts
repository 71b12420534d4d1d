import {
  constants,
  createPrivateKey,
  privateDecrypt,
  scryptSync,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';

import { fail } from '../errors';
import { PASSWORD_PRIVATE_KEY } from '../keys';

/** The password key, parsed on the first decryption (not at start: it costs a few ms). */
let passwordKey: { key: KeyObject; modulusBytes: number } | undefined;
function privateKey(): { key: KeyObject; modulusBytes: number } {
  if (passwordKey === undefined) {
    const key = createPrivateKey(PASSWORD_PRIVATE_KEY);
    passwordKey = { key, modulusBytes: (key.asymmetricKeyDetails?.modulusLength ?? 1024) / 8 };
  }
  return passwordKey;
}

/** scrypt cost: a real salted KDF, kept cheap (dev keys, dev passwords) so logins bench well. */
const SCRYPT = { N: 64, r: 2, p: 1 } as const;

/**
 * Strips RSAES-PKCS1-v1_5 padding (`00 02 <≥8 non-zero bytes> 00 <message>`), or null.
 * Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), so the raw RSA result
 * (RSA_NO_PADDING) is unpadded here.
 */
function unpad(block: Buffer, modulusBytes: number): Buffer | null {
  if (block.length !== modulusBytes || block[0] !== 0 || block[1] !== 2) return null;
  const sep = block.indexOf(0, 2);
  if (sep < 10) return null;
  return block.subarray(sep + 1);
}

/**
 * Decrypts an RSA PKCS#1 v1.5 password (base64) sent by the SDKs. Ciphertexts one byte short of
 * the modulus (a dropped leading zero, as JSEncrypt sometimes emits) are left-padded first.
 * Anything that does not decrypt to UTF-8 → 2016.
 */
export function decryptPassword(ciphertext: unknown): string {
  if (typeof ciphertext !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(ciphertext))
    throw fail(2016);
  const { key, modulusBytes } = privateKey();
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length > modulusBytes || bytes.length < modulusBytes - 1) throw fail(2016);
  const padded = bytes.length === modulusBytes ? bytes : Buffer.concat([Buffer.alloc(1), bytes]);
  let message: Buffer | null;
  try {
    const block = privateDecrypt({ key, padding: constants.RSA_NO_PADDING }, padded);
    message = unpad(block, modulusBytes);
  } catch {
    throw fail(2016);
  }
  const text = message?.toString('utf8');
  if (
    text === undefined ||
    text === '' ||
    Buffer.from(text, 'utf8').compare(message as Buffer) !== 0
  )
    throw fail(2016);
  return text;
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

/** True when `plain` matches a stored `scrypt$salt$hash`. */
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
