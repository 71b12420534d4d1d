import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';

import { DecryptError } from './contract';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Strict base64 decode: `null` when `text` is not canonical base64. */
function decodeBase64(text: string): Buffer | null {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}

/** The AES key: `base64decode(session_key)`, 16 bytes (-41001 otherwise, -41004 on bad base64). */
function aesKey(sessionKey: unknown): Buffer {
  if (typeof sessionKey !== 'string' || sessionKey.length !== 24) {
    throw new DecryptError(-41001, 'IllegalAesKey: session_key must be 24 base64 characters');
  }
  const key = decodeBase64(sessionKey);
  if (!key) throw new DecryptError(-41004, 'DecodeBase64Error: session_key is not base64');
  if (key.length !== 16) throw new DecryptError(-41001, 'IllegalAesKey: key must be 16 bytes');
  return key;
}

/** The IV: `base64decode(iv)`, 16 bytes (-41002 otherwise, -41004 on bad base64). */
function aesIv(iv: unknown): Buffer {
  if (typeof iv !== 'string' || iv.length !== 24) {
    throw new DecryptError(-41002, 'IllegalIv: iv must be 24 base64 characters');
  }
  const bytes = decodeBase64(iv);
  if (!bytes) throw new DecryptError(-41004, 'DecodeBase64Error: iv is not base64');
  if (bytes.length !== 16) throw new DecryptError(-41002, 'IllegalIv: iv must be 16 bytes');
  return bytes;
}

/**
 * Decrypts WeChat encrypted user data (AES-128-CBC, PKCS#7) as the official `WXBizDataCrypt`
 * demo does, and checks `watermark.appid` when `appid` is given.
 * @throws {DecryptError} -41001 bad key, -41002 bad iv, -41003 bad buffer or watermark,
 *   -41004 bad base64.
 */
export function decryptData(
  sessionKey: string,
  encryptedData: string,
  iv: string,
  appid?: string,
): Record<string, unknown> {
  const key = aesKey(sessionKey);
  const ivBytes = aesIv(iv);
  if (typeof encryptedData !== 'string') {
    throw new DecryptError(-41004, 'DecodeBase64Error: encryptedData is not a string');
  }
  const data = decodeBase64(encryptedData);
  if (!data) throw new DecryptError(-41004, 'DecodeBase64Error: encryptedData is not base64');
  let text: string;
  try {
    const decipher = createDecipheriv('aes-128-cbc', key, ivBytes);
    text = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptError(-41003, 'IllegalBuffer: decryption failed');
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new DecryptError(-41003, 'IllegalBuffer: plaintext is not JSON');
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new DecryptError(-41003, 'IllegalBuffer: plaintext is not a JSON object');
  }
  const record = payload as Record<string, unknown>;
  if (appid !== undefined) {
    const watermark = record['watermark'] as { appid?: unknown } | undefined;
    if (!watermark || watermark.appid !== appid) {
      throw new DecryptError(-41003, 'IllegalBuffer: watermark appid mismatch');
    }
  }
  return record;
}

/**
 * Encrypts `payload` (serialised with `JSON.stringify`, so key order is kept) the way the WeChat
 * client does, returning base64 ciphertext.
 * @throws {DecryptError} -41001 / -41002 / -41004 for a bad key or iv.
 */
export function encryptData(sessionKey: string, payload: object, iv: string): string {
  const cipher = createCipheriv('aes-128-cbc', aesKey(sessionKey), aesIv(iv));
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** The `signature` of `getUserInfo`/`getUserProfile`: `sha1(rawData + session_key)`, hex. */
export function rawDataSignature(rawData: string, sessionKey: string): string {
  return createHash('sha1')
    .update(rawData + sessionKey, 'utf8')
    .digest('hex');
}

/**
 * The login-state signature of checksession / resetusersessionkey:
 * `HMAC-SHA256(key = the session_key string, message = body or "")`, hex.
 */
export function sessionSignature(sessionKey: string, body = ''): string {
  return createHmac('sha256', sessionKey).update(body, 'utf8').digest('hex');
}
