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
export function watch<T>(promise: Promise<T>): { promise: Promise<T>; readonly settled: boolean } {
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

/** A server handler that never answers, and a promise of the first request reaching it. */
export function holdRequests(): { handler: () => void; arrived: Promise<void> } {
  let arrive: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  return { handler: () => arrive(), arrived };
}
