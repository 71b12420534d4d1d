/**
 * Maps and sets whose entries leave when they expire on the mock clock: on access (an expired
 * entry reads as absent), on every write (expired entries leave from the oldest end, amortised
 * O(1)), in a full pass at most every {@link FULL_SWEEP_MS} of mock time, and whenever the
 * owner calls `sweep()` (the store does when the clock is moved). No timers.
 */

/** Mock-time gap between two full passes triggered by writes. */
export const FULL_SWEEP_MS = 60_000;

/** When an entry stops counting: epoch ms (it is gone once `now >= deadline`). */
export type Deadline<V> = (value: V) => number;

/** Shared bookkeeping of both collections. */
class Sweeper<K, V> {
  #lastFull: number;

  constructor(
    readonly deadline: Deadline<V>,
    readonly now: () => number,
  ) {
    this.#lastFull = now();
  }

  expired(value: V, now = this.now()): boolean {
    return now >= this.deadline(value);
  }

  /** Before a write: the oldest expired entries, and a full pass when one is due. */
  beforeWrite(entries: () => IterableIterator<[K, V]>, drop: (k: K) => void): void {
    const now = this.now();
    if (Math.abs(now - this.#lastFull) >= FULL_SWEEP_MS) {
      this.full(entries, drop, now);
      return;
    }
    for (const [k, v] of entries()) {
      if (!this.expired(v, now)) break;
      drop(k);
    }
  }

  full(entries: () => IterableIterator<[K, V]>, drop: (k: K) => void, now = this.now()): number {
    this.#lastFull = now;
    let dropped = 0;
    for (const [k, v] of entries()) {
      if (this.expired(v, now)) {
        drop(k);
        dropped++;
      }
    }
    return dropped;
  }
}

/**
 * A Map of expiring values. A write moves its key to the newest end, so insertion order follows
 * write time and the oldest-end sweep stops at the first live entry.
 */
export class ExpiringMap<K, V> extends Map<K, V> {
  readonly #sweeper: Sweeper<K, V>;

  constructor(deadline: Deadline<V>, now: () => number) {
    super();
    this.#sweeper = new Sweeper(deadline, now);
  }

  override get(key: K): V | undefined {
    const value = super.get(key);
    if (value === undefined || !this.#sweeper.expired(value)) return value;
    super.delete(key);
    return undefined;
  }

  override has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  override set(key: K, value: V): this {
    this.#sweeper.beforeWrite(
      () => super.entries(),
      (k) => super.delete(k),
    );
    super.delete(key);
    return super.set(key, value);
  }

  /** Drops every expired entry now; returns how many left. */
  sweep(): number {
    return this.#sweeper.full(
      () => super.entries(),
      (k) => super.delete(k),
    );
  }
  /** Adds entries as they are, in order, expired ones included (a state import). */
  load(entries: Iterable<readonly [K, V]>): this {
    for (const [k, v] of entries) super.set(k, v);
    return this;
  }
}

/** A Set of expiring values (e.g. revoked tokens, which need not be kept past their expiry). */
export class ExpiringSet<V> extends Set<V> {
  readonly #sweeper: Sweeper<V, V>;

  constructor(deadline: Deadline<V>, now: () => number) {
    super();
    this.#sweeper = new Sweeper(deadline, now);
  }

  override has(value: V): boolean {
    if (!super.has(value)) return false;
    if (!this.#sweeper.expired(value)) return true;
    super.delete(value);
    return false;
  }

  override add(value: V): this {
    this.#sweeper.beforeWrite(
      () => super.entries(),
      (v) => super.delete(v),
    );
    return super.add(value);
  }

  /** Drops every expired value now; returns how many left. */
  sweep(): number {
    return this.#sweeper.full(
      () => super.entries(),
      (v) => super.delete(v),
    );
  }
  /** Adds values as they are, in order, expired ones included (a state import). */
  load(values: Iterable<V>): this {
    for (const v of values) super.add(v);
    return this;
  }
}
