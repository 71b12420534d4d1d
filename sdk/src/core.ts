import { GenAuthError, notLoggedIn } from './errors';
import { userIdFromToken } from './jwt';
import { resolveOptions, type AuthenticationClientOptions, type ResolvedOptions } from './options';
import { rsaEncrypt, weakRandomBytes } from './rsa';
import type { Runtime } from './runtime';
import { createWxRuntime } from './runtimes/wx';
import { Session } from './session';
import { Transport } from './transport';
import type { User } from './types';

function checkRuntime(runtime: Runtime): Runtime {
  for (const name of ['request', 'uploadFile', 'login', 'chooseImage'] as const) {
    if (typeof runtime[name] !== 'function') {
      throw new TypeError(`"runtime" option must implement ${name}()`);
    }
  }
  if (typeof runtime.storage?.get !== 'function') {
    throw new TypeError('"runtime" option must provide storage { get, set, remove }');
  }
  return runtime;
}

/** Shared machinery: options, runtime, login state, transport and password encryption. */
export class ClientCore {
  /** The validated options, with defaults applied. */
  readonly options: ResolvedOptions;
  /** The host services in use. */
  readonly runtime: Runtime;
  /** @internal */
  protected readonly session: Session;
  /** @internal */
  protected readonly transport: Transport;
  private publicKey: Promise<string> | undefined;

  constructor(options: AuthenticationClientOptions) {
    this.options = resolveOptions(options);
    this.runtime = checkRuntime(options.runtime ?? createWxRuntime());
    this.session = new Session(this.runtime.storage);
    this.transport = new Transport(this.options, this.runtime, this.session);
    if (this.options.publicKey) this.publicKey = Promise.resolve(this.options.publicKey);
    if (this.options.token) this.session.setToken(this.options.token);
  }

  /** The stored token, or `null` when logged out. */
  getToken(): string | null {
    return this.session.getToken();
  }

  /** Stores a token (e.g. one your server issued); the next requests carry it. */
  setToken(token: string): void {
    this.session.setToken(token);
  }

  /** Stores the user and its `token` as the login state. */
  setCurrentUser(user: User): void {
    this.session.setUser(user);
  }

  /**
   * The logged-in user's id: the stored user's `id`, else the token's `sub` / `data.id`.
   * @throws GenAuthError `not-logged-in` (2020 without a token, 2207 for an unreadable token)
   */
  checkLoggedIn(): string {
    const user = this.session.getUser();
    if (user?.id) return user.id;
    const token = this.session.getToken();
    if (!token) throw notLoggedIn();
    const id = userIdFromToken(token);
    if (!id) {
      throw new GenAuthError({
        kind: 'not-logged-in',
        code: 2207,
        message: '不合法的 accessToken',
      });
    }
    return id;
  }

  /** @internal RSA-encrypts a password with the pool's public key (fetched once per client). */
  protected async encrypt(password: string): Promise<string> {
    if (!this.publicKey) {
      this.publicKey = this.transport
        .rest<{ publicKey?: unknown }>('GET', '/api/v2/.well-known')
        .then((data) => {
          if (typeof data?.publicKey !== 'string') {
            throw new GenAuthError({
              kind: 'http',
              code: 500,
              message: 'GET /api/v2/.well-known returned no publicKey',
              data,
            });
          }
          return data.publicKey;
        });
      this.publicKey.catch(() => (this.publicKey = undefined));
    }
    const random = this.runtime.randomBytes?.bind(this.runtime) ?? weakRandomBytes;
    return rsaEncrypt(password, await this.publicKey, random);
  }

  /** @internal Stores and returns a user answer (login, register, profile changes). */
  protected keep<T extends User>(user: T): T {
    if (user) this.session.setUser(user);
    return user;
  }
}
