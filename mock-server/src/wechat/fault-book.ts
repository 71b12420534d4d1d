/**
 * The fault book: faults injected on purpose, taken one call at a time by the operations they
 * target. Plain data and rules only: it knows nothing of the mock's context, of HTTP or of time.
 */

/** A pending fault: the next `remaining` calls of `route` (for `appid`, or any) answer `errcode`. */
export interface Fault<R extends string = string> {
  readonly id: number;
  readonly route: R;
  /** What the faulted call answers, in the code space of its route's wire format. */
  readonly errcode: number;
  /** Calls still to fault; the fault leaves the book when it reaches 0. */
  remaining: number;
  /** Only calls for this app match; `null` = any call of the route. */
  readonly appid: string | null;
  /** How long the faulted answer is held, in milliseconds (0 = at once). */
  readonly delayMs: number;
}

/** What {@link FaultBook.add} takes: a fault without its id. */
export type FaultSpec<R extends string = string> = Omit<Fault<R>, 'id'>;

/** The faults pending on one mock state, oldest first (a reset starts an empty book). */
export class FaultBook<R extends string = string> {
  #pending: Fault<R>[] = [];
  #nextId = 1;

  /** Whether no fault is pending: the one check an operation pays when nothing is injected. */
  get empty(): boolean {
    return this.#pending.length === 0;
  }

  /** Adds a fault (ids count up from 1) and returns a copy of it. */
  add(spec: FaultSpec<R>): Fault<R> {
    const fault: Fault<R> = { id: this.#nextId, ...spec };
    this.#nextId += 1;
    this.#pending.push(fault);
    return { ...fault };
  }

  /** The id the next fault gets. */
  get nextId(): number {
    return this.#nextId;
  }

  /** Replaces the pending faults and the next id (a state import). */
  restore(pending: readonly Fault<R>[], nextId: number): void {
    this.#pending = pending.map((f) => ({ ...f }));
    this.#nextId = nextId;
  }

  /** Copies of the pending faults, oldest first. */
  list(): Fault<R>[] {
    return this.#pending.map((f) => ({ ...f }));
  }

  /** Drops every pending fault; returns how many there were. */
  clear(): number {
    const count = this.#pending.length;
    this.#pending = [];
    return count;
  }

  /**
   * Takes one call off the oldest fault of `route` that matches `appid` (a fault without an appid
   * matches any call) and returns a copy of it as taken, or `undefined` when none matches.
   */
  take(route: R, appid: unknown): Fault<R> | undefined {
    const pending = this.#pending;
    if (pending.length === 0) return undefined;
    const index = pending.findIndex(
      (f) => f.route === route && (f.appid === null || f.appid === appid),
    );
    const fault = pending[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining === 0) pending.splice(index, 1);
    return { ...fault };
  }
}
