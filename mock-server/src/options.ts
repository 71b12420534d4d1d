import { DEFAULT_SEED, type Fixtures } from '@genauth-wxapp/fixtures';

import type { Clock } from './clock';

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
}

/** Options with every default applied. */
export interface ResolvedOptions {
  seed: string;
  fixtures: Fixtures | undefined;
  host: string;
  sessionKeyPolicy: SessionKeyPolicy;
  bodyLimit: number;
  uploadLimit: number;
  log: (line: string) => void;
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
  return {
    seed: String(options.seed ?? options.fixtures?.seed ?? DEFAULTS.seed),
    fixtures: options.fixtures,
    host: options.host ?? DEFAULTS.host,
    sessionKeyPolicy: policy,
    bodyLimit: options.bodyLimit ?? DEFAULTS.bodyLimit,
    uploadLimit: options.uploadLimit ?? DEFAULTS.uploadLimit,
    log: options.log ?? (() => undefined),
  };
}
