import type { KeyValueStorage } from './runtime';
import type { User } from './types';

/** Storage keys shared with authing-wxapp-sdk, so either SDK reads the other's login state. */
export const TOKEN_KEY = '_authing_token';
export const USER_KEY = '_authing_user';

/**
 * Login state over the runtime storage, with authing-wxapp-sdk semantics: the user is stored as
 * an object (as `wx.setStorageSync` keeps it); a JSON string (what the browser SDK wrote) is
 * read too.
 */
export class Session {
  constructor(private readonly storage: KeyValueStorage) {}

  /** The stored token, or `null`. */
  getToken(): string | null {
    const token = this.storage.get(TOKEN_KEY);
    return typeof token === 'string' && token !== '' ? token : null;
  }

  setToken(token: string | null | undefined): void {
    if (typeof token === 'string' && token !== '') this.storage.set(TOKEN_KEY, token);
    else this.storage.remove(TOKEN_KEY);
  }

  /** The stored user, or `null`. */
  getUser(): User | null {
    let user = this.storage.get(USER_KEY);
    if (typeof user === 'string' && user !== '') {
      try {
        user = JSON.parse(user);
      } catch {
        return null;
      }
    }
    return typeof user === 'object' && user !== null ? (user as User) : null;
  }

  /** Stores the user and, like the legacy SDK, replaces the token with `user.token`. */
  setUser(user: User): void {
    this.storage.set(USER_KEY, user);
    this.setToken(user.token);
  }

  clear(): void {
    this.storage.remove(TOKEN_KEY);
    this.storage.remove(USER_KEY);
  }
}
