import { GenAuthError, notLoggedIn } from './errors';
import { userIdFromToken } from './jwt';
import { resolveOptions, type AuthenticationClientOptions, type ResolvedOptions } from './options';
import { rsaEncrypt } from './rsa';
import type { Runtime } from './runtime';
import { createWxRuntime } from './runtimes/wx';
import { Session } from './session';
import { Transport } from './transport';
import type { User } from './types';

/**
 * The state behind one client: frozen options, the runtime, login state, transport and the
 * cached public key. Never reachable from the client object (see `authentication-client.ts`).
 */
export interface Core {
  readonly options: ResolvedOptions;
  readonly runtime: Runtime;
  readonly session: Session;
  readonly transport: Transport;
  publicKey: Promise<string> | undefined;
}

function checkRuntime(runtime: Runtime): Runtime {
  for (const name of ['request', 'uploadFile', 'login', 'chooseImage'] as const) {
    if (typeof runtime[name] !== 'function') {
      throw new TypeError(`"runtime" option must implement ${name}()`);
    }
  }
  if (typeof runtime.storage?.get !== 'function') {
    throw new TypeError('"runtime" option must provide storage');
  }
  return runtime;
}

/** Validates the options and builds the core (the global `wx` runtime by default). */
export function createCore(input: AuthenticationClientOptions): Core {
  const options = resolveOptions(input);
  // Read quoted: the bundle mangles the internal `runtime` member, never this option.
  const runtime = checkRuntime(input['runtime'] ?? createWxRuntime());
  const session = new Session(runtime.storage);
  const core: Core = {
    options,
    runtime,
    session,
    transport: new Transport(options, runtime, session),
    publicKey: options.publicKey ? Promise.resolve(options.publicKey) : undefined,
  };
  if (options.token) session.setToken(options.token);
  return core;
}

/**
 * The logged-in user's id: the stored user's `id`, else the token's `sub` / `data.id`.
 * @throws GenAuthError `not-logged-in` (2020 without a token, 2207 for an unreadable token)
 */
export function loggedInId(core: Core): string {
  const user = core.session.getUser();
  if (user?.id) return user.id;
  const token = core.session.getToken();
  if (!token) throw notLoggedIn();
  const id = userIdFromToken(token);
  if (!id) {
    throw new GenAuthError({ kind: 'not-logged-in', code: 2207, message: '不合法的 accessToken' });
  }
  return id;
}

/**
 * RSA-encrypts a password with the pool's public key (fetched once per client), padding with the
 * runtime's secure random source; without one it fails with an `unsupported` error.
 */
export async function encrypt(core: Core, password: string): Promise<string> {
  const random = core.runtime.randomBytes?.bind(core.runtime);
  if (!random) {
    throw new GenAuthError({
      kind: 'unsupported',
      code: -1,
      message: 'Password encryption needs a secure random source (wx.getRandomValues)',
    });
  }
  if (!core.publicKey) {
    const key = core.transport
      .rest<{ publicKey?: unknown }>('GET', '/api/v2/.well-known')
      .then((data) => {
        if (typeof data?.publicKey !== 'string') {
          throw new GenAuthError({
            kind: 'http',
            code: 500,
            message: 'No publicKey from /api/v2/.well-known',
            data,
          });
        }
        return data.publicKey;
      });
    core.publicKey = key;
    key.catch(() => (core.publicKey = undefined));
  }
  return rsaEncrypt(password, await core.publicKey, random);
}

/** Stores and returns a user answer (login, register, profile changes). */
export function keep<T extends User>(core: Core, user: T): T {
  if (user) core.session.setUser(user);
  return user;
}
