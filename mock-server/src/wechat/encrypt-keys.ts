import type { Context } from '../context';
import { sessionSignature } from './crypto';
import { wechatError } from './errcodes';
import { currentSession } from './sessions';
import { mapSideTable } from './side-table';
import { userKey, type WechatUser } from './state';
import { faultThenToken } from './token-fault';

/** A user's key of the encrypted network channel (`wx.getUserCryptoManager`). */
export interface UserEncryptKey {
  /** Base64 of 16 bytes. */
  encryptKey: string;
  /** 16 hex characters. */
  iv: string;
  version: number;
  /** Epoch seconds. */
  createTime: number;
}

/** One entry of `key_info_list`. */
export interface KeyInfo {
  encrypt_key: string;
  version: number;
  /** Seconds left (0 once expired). */
  expire_in: number;
  iv: string;
  create_time: number;
}

/** Each key lives an hour; WeChat lists the last three. */
export const ENCRYPT_KEY_TTL_S = 3600;
const KEPT = 3;

/** The keys of each user, newest first, keyed by {@link userKey}. */
const keysOf = mapSideTable<UserEncryptKey[]>('encryptKeys');

/**
 * The user's keys, newest first, after minting a new one when the newest has expired (or there is
 * none): what both the client (`getLatestUserKey`) and the server API read.
 */
export function userEncryptKeys(ctx: Context, user: WechatUser): UserEncryptKey[] {
  const table = keysOf(ctx.store.wechat);
  const key = userKey(user.appid, user.openid);
  const keys = table.get(key) ?? [];
  const now = ctx.clock.nowSeconds();
  const newest = keys[0];
  if (!newest || now >= newest.createTime + ENCRYPT_KEY_TTL_S) {
    keys.unshift({
      encryptKey: ctx.random.base64(16),
      iv: ctx.random.hex(16),
      version: (newest?.version ?? 0) + 1,
      createTime: now,
    });
    keys.length = Math.min(keys.length, KEPT);
    table.set(key, keys);
  }
  return keys.map((k) => ({ ...k }));
}

/** The query of getuserencryptkey (query string or JSON body). */
export interface EncryptKeyQuery {
  access_token?: unknown;
  openid?: unknown;
  signature?: unknown;
  sig_method?: unknown;
}

/**
 * `/wxa/business/getuserencryptkey`: the user's last three keys, newest first. A pending
 * `wechat.getuserencryptkey` fault first, then the access token, 40003 for an openid that is not
 * a user of the token's app, 87008 unless `sig_method=hmac_sha256`, 87009 unless `signature` is
 * the HMAC-SHA256 of "" keyed by the user's live session_key.
 * @throws {WechatError}
 */
export function getUserEncryptKey(ctx: Context, query: EncryptKeyQuery): KeyInfo[] {
  const token = faultThenToken(ctx, 'wechat.getuserencryptkey', query.access_token);
  const { openid } = query;
  const user =
    typeof openid === 'string' ? ctx.store.wechat.users.find(token.appid, openid) : undefined;
  if (!user) throw wechatError(40003);
  if (query.sig_method !== 'hmac_sha256') throw wechatError(87008);
  const session = currentSession(ctx, user);
  if (!session || query.signature !== sessionSignature(session.sessionKey)) {
    throw wechatError(87009);
  }
  const now = ctx.clock.nowSeconds();
  return userEncryptKeys(ctx, user).map((k) => ({
    encrypt_key: k.encryptKey,
    version: k.version,
    expire_in: Math.max(0, k.createTime + ENCRYPT_KEY_TTL_S - now),
    iv: k.iv,
    create_time: k.createTime,
  }));
}
