import type { WechatUserFixture as WechatUser } from '@genauth-wxapp/fixtures';

import { userKey } from './user-key';

type Holders = WechatUser | WechatUser[];

/**
 * The WeChat users of every app, keyed by {@link userKey} like a `Map` (`appid:openid`), but
 * stored by openid alone (several apps sharing an openid share one entry), so no per-user key
 * string is kept. Iterates in insertion order. {@link find} skips building the key.
 */
export class WechatUserTable implements Map<string, WechatUser> {
  readonly #byOpenid = new Map<string, Holders>();
  #size = 0;

  get size(): number {
    return this.#size;
  }

  readonly [Symbol.toStringTag] = 'Map';

  /** The user `openid` of `appid`. */
  find(appid: string, openid: string): WechatUser | undefined {
    const have = this.#byOpenid.get(openid);
    if (have === undefined) return undefined;
    if (!Array.isArray(have)) return have.appid === appid ? have : undefined;
    return have.find((u) => u.appid === appid);
  }

  get(key: string): WechatUser | undefined {
    const at = key.indexOf(':');
    return at < 0 ? undefined : this.find(key.slice(0, at), key.slice(at + 1));
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  set(key: string, user: WechatUser): this {
    const at = key.indexOf(':');
    if (at < 0) throw new RangeError(`not a user key: "${key}"`);
    const appid = key.slice(0, at);
    let openid = key.slice(at + 1);
    // Keep the user's own strings, not the key's slices.
    if (user.openid === openid) openid = user.openid;
    if (user.appid !== appid) throw new RangeError(`user of "${user.appid}" stored under "${key}"`);
    const have = this.#byOpenid.get(openid);
    if (have === undefined) {
      this.#byOpenid.set(openid, user);
      this.#size++;
    } else if (!Array.isArray(have)) {
      if (have.appid === appid) this.#byOpenid.set(openid, user);
      else {
        this.#byOpenid.set(openid, [have, user]);
        this.#size++;
      }
    } else {
      const i = have.findIndex((u) => u.appid === appid);
      if (i >= 0) have[i] = user;
      else {
        have.push(user);
        this.#size++;
      }
    }
    return this;
  }

  delete(key: string): boolean {
    const at = key.indexOf(':');
    if (at < 0) return false;
    const appid = key.slice(0, at);
    const openid = key.slice(at + 1);
    const have = this.#byOpenid.get(openid);
    if (have === undefined) return false;
    if (!Array.isArray(have)) {
      if (have.appid !== appid) return false;
      this.#byOpenid.delete(openid);
    } else {
      const rest = have.filter((u) => u.appid !== appid);
      if (rest.length === have.length) return false;
      if (rest.length === 1) this.#byOpenid.set(openid, rest[0] as WechatUser);
      else this.#byOpenid.set(openid, rest);
    }
    this.#size--;
    return true;
  }

  clear(): void {
    this.#byOpenid.clear();
    this.#size = 0;
  }

  *values(): MapIterator<WechatUser> {
    for (const have of this.#byOpenid.values()) {
      if (Array.isArray(have)) yield* have;
      else yield have;
    }
  }

  *keys(): MapIterator<string> {
    for (const u of this.values()) yield userKey(u.appid, u.openid);
  }

  *entries(): MapIterator<[string, WechatUser]> {
    for (const u of this.values()) yield [userKey(u.appid, u.openid), u];
  }

  [Symbol.iterator](): MapIterator<[string, WechatUser]> {
    return this.entries();
  }

  forEach(
    callback: (value: WechatUser, key: string, map: Map<string, WechatUser>) => void,
    thisArg?: unknown,
  ): void {
    for (const [k, u] of this.entries()) callback.call(thisArg, u, k, this);
  }
}
