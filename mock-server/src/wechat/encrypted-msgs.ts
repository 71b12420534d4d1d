import { createHash } from 'node:crypto';

import type { Context } from '../context';
import type { ExpiringMap } from '../expiring';
import { wechatError } from './errcodes';
import { faultThenToken } from './token-fault';
import { expiringSide } from '../state-io/side';

/** WeChat vouches for phone-number encrypted data of the last three days. */
export const ENCRYPTED_MSG_KEPT_MS = 3 * 86_400_000;

interface Minted {
  appid: string;
  /** Epoch ms. */
  createdAt: number;
}

/** sha256 hex of each phone payload the button handed out → its app and time, per state. */
const tableOf = expiringSide<Minted>('encryptedMsgs', (m) => m.createdAt + ENCRYPTED_MSG_KEPT_MS);

function minted(ctx: Context): ExpiringMap<string, Minted> {
  return tableOf(ctx.store.wechat, () => ctx.clock.now());
}

/** The `encrypted_msg_hash` of an `encryptedData`: hex sha256 of its base64 text. */
export function encryptedMsgHash(encryptedData: string): string {
  return createHash('sha256').update(encryptedData, 'utf8').digest('hex');
}

/** Records phone-number `encryptedData` the button just handed to a page of `appid`. */
export function recordEncryptedMsg(ctx: Context, appid: string, encryptedData: string): void {
  minted(ctx).set(encryptedMsgHash(encryptedData), { appid, createdAt: ctx.clock.now() });
}

/** What checkencryptedmsg answers (`vaild` is WeChat's spelling). */
export interface CheckEncryptedAnswer {
  errcode: 0;
  errmsg: 'ok';
  vaild: boolean;
  create_time: number;
}

/**
 * `POST /wxa/business/checkencryptedmsg {encrypted_msg_hash}`: whether phone-number encrypted
 * data came from WeChat within the last three days. A pending `wechat.checkencryptedmsg` fault
 * first, then the access token, 40097 for a missing or non-hex-sha256 hash, 1 `data not exit`
 * for a hash WeChat does not hold (never minted, or over three days old); a payload another app
 * received is `vaild: false`.
 * @throws {WechatError}
 */
export function checkEncryptedMsg(
  ctx: Context,
  rawToken: unknown,
  body: Record<string, unknown>,
): CheckEncryptedAnswer {
  const token = faultThenToken(ctx, 'wechat.checkencryptedmsg', rawToken);
  const hash = body['encrypted_msg_hash'];
  if (typeof hash !== 'string' || !/^[0-9a-fA-F]{64}$/.test(hash)) throw wechatError(40097);
  const record = minted(ctx).get(hash.toLowerCase());
  if (!record) throw wechatError(1);
  return {
    errcode: 0,
    errmsg: 'ok',
    vaild: record.appid === token.appid,
    create_time: Math.floor(record.createdAt / 1000),
  };
}
