/**
 * Fakes only `setTimeout` / `clearTimeout` (what the SDK's Node runtime times a request out with),
 * so a timeout test moves time instead of waiting; sockets, `setImmediate` and `Date` stay real.
 * Call `restore()` in a `finally`.
 */
export function fakeTimeouts(): { advance(ms: number): void; restore(): void } {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
    ],
  });
  return {
    advance: (ms) => void jest.advanceTimersByTime(ms),
    restore: () => void jest.useRealTimers(),
  };
}

/** `promise`, with a flag that turns true once it has settled. */
function watch<T>(promise: Promise<T>): { promise: Promise<T>; readonly settled: boolean } {
  let settled = false;
  void promise.finally(() => (settled = true));
  return {
    promise,
    get settled() {
      return settled;
    },
  };
}

/** Lets pending I/O callbacks and promise reactions run (no timer involved). */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Once the held request has `arrived`, moves the fake clock to 1 ms short of `ms` and checks that
 * `promise` still waits, then on to `ms`; resolves to what `promise` settles to.
 */
export async function outlast<T>(
  timeouts: { advance(ms: number): void },
  arrived: Promise<void>,
  promise: Promise<T>,
  ms: number,
): Promise<T> {
  const pending = watch(promise);
  await arrived;
  timeouts.advance(ms - 1);
  await turn();
  expect(pending.settled).toBe(false);
  timeouts.advance(1);
  return pending.promise;
}

/** A server handler that never answers, and a promise of the first request reaching it. */
export function holdRequests(): { handler: () => void; arrived: Promise<void> } {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { handler: () => arrive(), arrived };
}
