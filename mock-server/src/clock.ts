/** A source of the current time in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * The mock's clock: a base clock plus an offset that the control surface can move.
 * Everything time-based in the mock (code TTLs, token expiry, watermarks, rate windows,
 * rid prefixes) reads this clock, so tests advance time instead of sleeping.
 */
export class MockClock implements Clock {
  #offset = 0;
  readonly #base: Clock;
  readonly #listeners = new Set<(now: number) => void>();

  constructor(base: Clock = systemClock) {
    this.#base = base;
  }

  now(): number {
    return this.#base.now() + this.#offset;
  }

  /** Seconds since the epoch, as WeChat and JWTs use. */
  nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Moves time forward (or back, with a negative value) by `ms`. */
  advance(ms: number): number {
    this.#offset += ms;
    return this.#moved();
  }

  /** Jumps to an absolute time. */
  set(epochMs: number): number {
    this.#offset = epochMs - this.#base.now();
    return this.#moved();
  }

  /** Drops every adjustment. */
  reset(): void {
    this.#offset = 0;
    this.#moved();
  }

  /**
   * Calls `listener` after every `advance`, `set` and `reset` (the store sweeps what expired).
   * Returns a function that removes it.
   */
  onMove(listener: (now: number) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #moved(): number {
    const now = this.now();
    for (const listener of this.#listeners) listener(now);
    return now;
  }
}

/** A clock frozen at `epochMs`, for deterministic tests. */
export function fixedClock(epochMs: number): Clock {
  return { now: () => epochMs };
}
