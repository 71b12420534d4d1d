/** Control-surface helpers shared by the GenAuth and official-SDK tests. */
import forge from 'node-forge';

export async function post<T = Record<string, unknown>>(
  base: string,
  path: string,
  body: unknown,
): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** A fresh `wx.login` code for `openid` (or a new WeChat user) of `appid`. */
export const wxLogin = (base: string, appid: string, openid?: string) =>
  post<{ code: string; openid: string }>(base, '/__mock/v1/wechat/login', { appid, openid });

/** The newest code the mock "sent" to a phone or e-mail. */
export async function lastCode(base: string, to: string): Promise<string> {
  const res = await fetch(`${base}/__mock/v1/messages?to=${encodeURIComponent(to)}`);
  const { messages } = (await res.json()) as { messages: { code: string }[] };
  const last = messages[messages.length - 1];
  if (!last) throw new Error(`no message to ${to}`);
  return last.code;
}

/** Encrypts a password as the SDKs do (RSA PKCS#1 v1.5, base64). */
export function encryptPassword(plain: string, publicPem: string): string {
  const key = forge.pki.publicKeyFromPem(publicPem);
  return forge.util.encode64(key.encrypt(forge.util.encodeUtf8(plain), 'RSAES-PKCS1-V1_5'));
}
