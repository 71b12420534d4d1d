/**
 * Timers the mock (and the conformance bridge) wait on, injectable so that a test of a delay or a
 * timeout moves time instead of sleeping.
 */

/** `setTimeout` / `clearTimeout`, as an object a caller can replace. */
export interface Timers {
  /** Calls `callback` once after `ms` milliseconds; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown;
  /** Cancels a timer `setTimeout` returned (an unknown or fired handle is ignored). */
  clearTimeout(handle: unknown): void;
}

/** The global timers. */
export const realTimers: Timers = Object.freeze({
  setTimeout: (callback: () => void, ms: number) => setTimeout(callback, ms),
  clearTimeout: (handle: unknown) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

interface Pending {
  at: number;
  callback: () => void;
}

/**
 * Timers that fire only when the test calls {@link ManualTimers.advance}: a timer set for `ms`
 * fires once the timers have been advanced by `ms` in total since it was set.
 *
 * @example
 * const timers = new ManualTimers();
 * const mock = createMockServer({ timers });
 * mock.control.faults.add({ route: 'wechat.token', errcode: -1, delayMs: 1000 });
 * const answer = fetch(`${await mock.start(0)}/cgi-bin/token?appid=…`);
 * await timers.whenPending(); // the answer is held
 * timers.advance(1000); // and sent now
 */
export class ManualTimers implements Timers {
  #now = 0;
  #nextId = 1;
  readonly #pending = new Map<number, Pending>();
  readonly #waiters: { count: number; resolve: () => void }[] = [];

  /** Milliseconds advanced so far. */
  get now(): number {
    return this.#now;
  }

  /** Timers set and not yet fired or cleared. */
  get pending(): number {
    return this.#pending.size;
  }

  setTimeout(callback: () => void, ms: number): number {
    const id = this.#nextId++;
    this.#pending.set(id, { at: this.#now + Math.max(0, ms || 0), callback });
    for (const waiter of [...this.#waiters]) {
      if (this.#pending.size < waiter.count) continue;
      this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  /**
   * Moves time forward by `ms`, firing every timer due by then, earliest first (timers due at the
   * same time in the order they were set). Returns how many fired.
   */
  advance(ms: number): number {
    const end = this.#now + ms;
    let fired = 0;
    for (;;) {
      let next: [number, Pending] | undefined;
      for (const entry of this.#pending) {
        if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      }
      if (!next) break;
      this.#pending.delete(next[0]);
      this.#now = next[1].at;
      next[1].callback();
      fired += 1;
    }
    this.#now = end;
    return fired;
  }

  /** Resolves once at least `count` timers are pending (work started that now waits on time). */
  whenPending(count = 1): Promise<void> {
    if (this.#pending.size >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
}

/**
 * Resolves after `ms` milliseconds on `timers` (at once for 0). The timer never keeps the process
 * alive (real timers have `unref`; others may not).
 */
export function sleep(timers: Timers, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = timers.setTimeout(resolve, ms);
    (timer as { unref?: () => void } | undefined)?.unref?.();
  });
}
