import { join } from 'node:path';

import { DEFAULT_SEED, type Fixtures } from '@genauth-wxapp/fixtures';

import type { Clock } from './clock';
import { realTimers, type Timers } from './timers';
import type * as Tls from './tls/options';
import {
  ADMIN_TOKEN_RULE,
  ALLOWED_HOST_RULE,
  ALLOWED_ORIGIN_RULE,
  isAdminToken,
  normalizeHostName,
  normalizeOrigin,
} from './control/guard-rules';

/** How jscode2session treats the session_key of a user who logs in again. */
export type SessionKeyPolicy = 'rotate' | 'never';

/** Every {@link SessionKeyPolicy}, the default first. */
export const SESSION_KEY_POLICIES: readonly SessionKeyPolicy[] = Object.freeze(['rotate', 'never']);

/** Options of {@link createMockServer}. Every field is optional. */
export interface MockServerOptions {
  /** Seed of the fixtures and of every code, key and id the mock mints. @default 'genauth-wxapp' */
  seed?: string | number;
  /** A ready dataset; defaults to `createFixtures(seed)`. */
  fixtures?: Fixtures;
  /** Time source; the control surface moves a {@link MockClock} layered over it. @default the system clock */
  clock?: Clock;
  /**
   * Timers the mock waits on when it holds an answer (a fault's `delayMs`); pass a
   * {@link ManualTimers} to release held answers with `advance()` instead of waiting.
   * @default the global timers
   */
  timers?: Timers;
  /** Interface `start()` binds to. @default '127.0.0.1' */
  host?: string;
  /**
   * Session-key policy: `rotate` mints a new key on every login (the strictest, it exposes calling
   * `wx.login` after the phone button), `never` keeps one key per user and app.
   * @default 'rotate'
   */
  sessionKeyPolicy?: SessionKeyPolicy;
  /** Largest accepted request body (JSON), in bytes. @default 1048576 */
  bodyLimit?: number;
  /** Largest accepted upload, in bytes. @default 5242880 */
  uploadLimit?: number;
  /** Receives one line per notable event (codes sent, server started). @default no logging */
  log?: (line: string) => void;
  /**
   * Serve HTTPS: `{ cert, key }` (PEM) or `{ generate: true, dir? }`, a self-signed certificate
   * made on the first `start()` for localhost, 127.0.0.1, ::1, `host` and `allowedHosts` (kept in
   * `dir` and reused while valid). With `port`, HTTPS listens there and HTTP on `start()`'s port.
   * @default none: HTTP only
   */
  tls?: Tls.TlsOptions;
  /**
   * Lets clients other than loopback use the control surface `/__mock/v1` when they send
   * `Authorization: Bearer <adminToken>` (8 to 1024 visible ASCII characters). Loopback clients
   * never need it. @default none: the control surface answers loopback clients only
   */
  adminToken?: string;
  /**
   * Host names (or addresses) the control surface accepts in `Host` besides IP addresses,
   * `localhost`, `*.localhost` and `host`; any other name is refused (DNS rebinding).
   * @default []
   */
  allowedHosts?: readonly string[];
  /**
   * Origins (`http://localhost:5173`) whose pages may call the control surface; any other
   * `Origin` but the mock's own is refused (CSRF). @default []
   */
  allowedOrigins?: readonly string[];
  /**
   * Treats every request no route knows (neither served nor a known-but-unimplemented operation,
   * which answers 501) as an error: still answered in its wire format, but logged through `log`,
   * one line per request (method, path, wire format), and counted (`unknownRouteCounts`).
   * @default false: unknown routes answer their 404 silently
   */
  strict?: boolean;
  /**
   * Keep the state in this directory (made when missing, mode 0700): restored exactly on the
   * next start, and every answer of a request that may have written goes out only once that
   * write is on disk. `{ dir, restore: false }` starts from the seeded state instead (what an
   * import then replaces), overwriting the saved one at the first commit. A generated HTTPS
   * certificate is kept in `<dir>/tls` unless `tls.dir` says otherwise.
   * @default none: the state lives in memory only and nothing is written anywhere
   */
  data?: string | DataOptions;
}

/** The object form of {@link MockServerOptions.data}. */
export interface DataOptions {
  /** The directory. */
  dir: string;
  /** Restore the state saved there. @default true */
  restore?: boolean;
}

/** {@link DataOptions} with defaults applied. */
export interface ResolvedData {
  dir: string;
  restore: boolean;
}

/** Options with every default applied. */
export interface ResolvedOptions {
  seed: string;
  fixtures: Fixtures | undefined;
  timers: Timers;
  host: string;
  sessionKeyPolicy: SessionKeyPolicy;
  bodyLimit: number;
  uploadLimit: number;
  log: (line: string) => void;
  /** `undefined`: HTTP only. */
  tls: Tls.ResolvedTls | undefined;
  adminToken: string | undefined;
  /** Normalized: lower case, IPv6 in brackets. */
  allowedHosts: readonly string[];
  /** Normalized: `scheme://host[:port]`, default ports dropped. */
  allowedOrigins: readonly string[];
  strict: boolean;
  /** `undefined`: in memory only. */
  data: ResolvedData | undefined;
}

export const DEFAULTS = Object.freeze({
  seed: DEFAULT_SEED,
  host: '127.0.0.1',
  sessionKeyPolicy: 'rotate' as SessionKeyPolicy,
  bodyLimit: 1024 * 1024,
  uploadLimit: 5 * 1024 * 1024,
});

/** Applies defaults and rejects invalid options with a `TypeError` naming the option. */
export function resolveOptions(options: MockServerOptions = {}): ResolvedOptions {
  const policy = options.sessionKeyPolicy ?? DEFAULTS.sessionKeyPolicy;
  if (!SESSION_KEY_POLICIES.includes(policy)) {
    throw new TypeError(`"sessionKeyPolicy" must be "rotate" or "never", got ${String(policy)}`);
  }
  for (const key of ['bodyLimit', 'uploadLimit'] as const) {
    const v = options[key];
    if (v !== undefined && (!Number.isInteger(v) || v <= 0)) {
      throw new TypeError(`"${key}" must be a positive integer, got ${String(v)}`);
    }
  }
  if (options.strict !== undefined && typeof options.strict !== 'boolean') {
    throw new TypeError(`"strict" must be a boolean, got ${String(options.strict)}`);
  }
  const adminToken = options.adminToken;
  if (adminToken !== undefined && !isAdminToken(adminToken)) {
    // Never quote the value: it is meant to be a secret.
    throw new TypeError(`"adminToken" must be ${ADMIN_TOKEN_RULE}`);
  }
  const data = resolveData(options.data);
  let tls =
    options.tls === undefined
      ? undefined
      : // Loaded only for HTTPS, so a plain start never loads the TLS code.
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        (require('./tls/options') as typeof Tls).resolveTlsOptions(options.tls);
  if (data && tls?.kind === 'generate' && tls.dir === undefined)
    tls = { ...tls, dir: join(data.dir, 'tls') };
  return {
    seed: String(options.seed ?? options.fixtures?.seed ?? DEFAULTS.seed),
    fixtures: options.fixtures,
    timers: options.timers ?? realTimers,
    host: options.host ?? DEFAULTS.host,
    sessionKeyPolicy: policy,
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    uploadLimit: options.uploadLimit ?? DEFAULTS.uploadLimit,
    log: options.log ?? (() => undefined),
    tls,
    adminToken,
    allowedHosts: normalizeList(
      'allowedHosts',
      options.allowedHosts,
      normalizeHostName,
      ALLOWED_HOST_RULE,
    ),
    allowedOrigins: normalizeList(
      'allowedOrigins',
      options.allowedOrigins,
      normalizeOrigin,
      ALLOWED_ORIGIN_RULE,
    ),
    strict: options.strict ?? false,
    data,
  };
}

/** The `data` option, checked. */
function resolveData(data: unknown): ResolvedData | undefined {
  if (data === undefined) return undefined;
  const o = typeof data === 'string' ? { dir: data } : data;
  const dir = (o as { dir?: unknown } | null)?.dir;
  const restore = (o as { restore?: unknown } | null)?.restore ?? true;
  if (typeof dir !== 'string' || dir === '' || typeof restore !== 'boolean')
    throw new TypeError(
      `"data" must be a directory path or { dir, restore? }, got ${JSON.stringify(data)}`,
    );
  return { dir, restore };
}

/** Every entry of an optional list option, normalized; a `TypeError` names a bad entry. */
function normalizeList(
  key: string,
  list: unknown,
  normalize: (value: unknown) => string | undefined,
  rule: string,
): readonly string[] {
  if (list === undefined) return Object.freeze([]);
  if (!Array.isArray(list)) throw new TypeError(`"${key}" must be an array, got ${String(list)}`);
  return Object.freeze(
    list.map((value: unknown, i) => {
      const normalized = normalize(value);
      if (normalized === undefined) {
        throw new TypeError(`"${key}[${i}]" must be ${rule}, got ${JSON.stringify(value)}`);
      }
      return normalized;
    }),
  );
}
