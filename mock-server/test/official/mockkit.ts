/** Control helpers shared by the GenAuth and official-SDK tests, over `mock.control`. */
import forge from 'node-forge';

import type { LoginResult, MockServer } from '../../src';

/** A fresh `wx.login` code for `openid` (or a new WeChat user) of `appid`. */
export const wxLogin = (mock: MockServer, appid: string, openid?: string): LoginResult =>
  mock.control.wechat.login({ appid, ...(openid === undefined ? {} : { openid }) });

/** The newest code the mock "sent" to a phone or e-mail. */
export function lastCode(mock: MockServer, to: string): string {
  const last = mock.control.messages.list({ to }).at(-1);
  if (!last) throw new Error(`no message to ${to}`);
  return last.code;
}

/** Encrypts a password as the SDKs do (RSA PKCS#1 v1.5, base64). */
export function encryptPassword(plain: string, publicPem: string): string {
  const key = forge.pki.publicKeyFromPem(publicPem);
  return forge.util.encode64(key.encrypt(forge.util.encodeUtf8(plain), 'RSAES-PKCS1-V1_5'));
}
