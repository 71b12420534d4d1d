/**
 * Group commit: every caller of {@link GroupCommit.commit} waits for a snapshot that began after
 * its call, and the callers that arrive while one is being written share the next. So there is
 * at most one snapshot on its way to the disk and one waiting, however many requests write.
 */

interface Batch {
  promise: Promise<void>;
  resolve: () => void;
  reject: (err: unknown) => void;
}

function batch(): Batch {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * Snapshots taken by `take` (synchronously, so each is one instant of the state), written by
 * `write`.
 */
export class GroupCommit<T> {
  #writing: Promise<void> | undefined;
  #next: Batch | undefined;
  #scheduled = false;
  /** Snapshots written, for tests and figures. */
  commits = 0;

  constructor(
    private readonly take: () => T,
    private readonly write: (snapshot: T) => Promise<void>,
  ) {}

  /** Resolves once a snapshot taken after this call is durable; rejects if writing it failed. */
  commit(): Promise<void> {
    this.#next ??= batch();
    const { promise } = this.#next;
    if (!this.#writing) this.#schedule();
    return promise;
  }

  /** Resolves once no snapshot is being written or waiting. */
  async idle(): Promise<void> {
    for (;;) {
      const pending = this.#writing ?? this.#next?.promise;
      if (!pending) return;
      await pending.catch(() => undefined);
    }
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // The answers that end in this turn of the event loop share the snapshot.
    setImmediate(() => {
      this.#scheduled = false;
      this.#start();
    });
  }

  #start(): void {
    const current = this.#next;
    if (!current || this.#writing) return;
    this.#next = undefined;
    let snapshot: T;
    try {
      snapshot = this.take();
    } catch (err) {
      current.reject(err);
      if (this.#next) this.#schedule();
      return;
    }
    this.#writing = this.write(snapshot)
      .then(() => {
        this.commits++;
        current.resolve();
      }, current.reject)
      .finally(() => {
        this.#writing = undefined;
        if (this.#next) this.#schedule();
      });
  }
}
