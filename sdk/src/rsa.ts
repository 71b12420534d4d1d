import { fromBase64, toBase64, utf8Encode } from './bytes';

/** An RSA public key as big integers. */
export interface RsaPublicKey {
  n: bigint;
  e: bigint;
  /** Modulus length in bytes. */
  size: number;
}

interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function readTlv(der: Uint8Array, pos: number): Tlv {
  const tag = der[pos];
  let length = der[pos + 1];
  if (tag === undefined || length === undefined) throw new TypeError('Truncated DER');
  let start = pos + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (der[start + i] ?? 0);
    start += count;
  }
  if (start + length > der.length) throw new TypeError('Truncated DER');
  return { tag, start, end: start + length };
}

function toBigInt(bytes: Uint8Array): bigint {
  let hex = '0';
  for (const byte of bytes) hex += (byte < 16 ? '0' : '') + byte.toString(16);
  return BigInt('0x' + hex);
}

/**
 * Parses a PEM public key: SPKI (`BEGIN PUBLIC KEY`) or PKCS#1 (`BEGIN RSA PUBLIC KEY`).
 * Throws `TypeError` when it is not an RSA public key.
 */
export function parsePublicKey(pem: string): RsaPublicKey {
  const der = fromBase64(pem.replace(/-----[^-]+-----/g, ''));
  let seq = readTlv(der, 0);
  if (seq.tag !== 0x30) throw new TypeError('Not an RSA public key');
  const first = readTlv(der, seq.start);
  if (first.tag === 0x30) {
    // SPKI: SEQUENCE { AlgorithmIdentifier, BIT STRING { 00, RSAPublicKey } }
    const bits = readTlv(der, first.end);
    if (bits.tag !== 0x03) throw new TypeError('Not an RSA public key');
    seq = readTlv(der, bits.start + 1);
  }
  const n = readTlv(der, seq.start);
  const e = readTlv(der, n.end);
  if (n.tag !== 0x02 || e.tag !== 0x02) throw new TypeError('Not an RSA public key');
  const modulus = toBigInt(der.subarray(n.start, n.end));
  return {
    n: modulus,
    e: toBigInt(der.subarray(e.start, e.end)),
    size: (modulus.toString(16).length + 1) >> 1,
  };
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const zero = BigInt(0);
  const one = BigInt(1);
  let result = one;
  base %= modulus;
  while (exponent > zero) {
    if (exponent & one) result = (result * base) % modulus;
    base = (base * base) % modulus;
    exponent >>= one;
  }
  return result;
}

/** Random bytes source; must return at least `length` bytes. */
export type RandomBytes = (length: number) => Promise<Uint8Array> | Uint8Array;

/**
 * RSA PKCS#1 v1.5 (type 2) encryption of the UTF-8 text, base64 output: what GenAuth expects for
 * passwords. The padding bytes are non-zero random bytes from `random`.
 */
export async function rsaEncrypt(text: string, pem: string, random: RandomBytes): Promise<string> {
  const key = parsePublicKey(pem);
  const message = utf8Encode(text);
  const padLength = key.size - message.length - 3;
  if (padLength < 8) throw new TypeError('Message too long for the RSA key');
  const block = new Uint8Array(key.size);
  block[1] = 2;
  let filled = 0;
  while (filled < padLength) {
    for (const byte of await random(padLength)) {
      if (byte !== 0 && filled < padLength) block[2 + filled++] = byte;
    }
  }
  block.set(message, 3 + padLength);
  let c = modPow(toBigInt(block), key.e, key.n).toString(16);
  c = c.padStart(key.size * 2, '0');
  const out = new Uint8Array(key.size);
  for (let i = 0; i < key.size; i++) out[i] = parseInt(c.substr(i * 2, 2), 16);
  return toBase64(out);
}
