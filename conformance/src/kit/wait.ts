/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `predicate` every `interval` ms until it holds; rejects after `timeout` ms with
 * `describe()` (if given) in the message. Prefer this to fixed sleeps.
 */
export async function waitFor(
  predicate: () => boolean,
  {
    timeout = 3000,
    interval = 5,
    describe,
  }: { timeout?: number; interval?: number; describe?: () => string } = {},
): Promise<void> {
  const end = Date.now() + timeout;
  while (!predicate()) {
    if (Date.now() > end) {
      throw new Error(`condition not met within ${timeout} ms${describe ? `: ${describe()}` : ''}`);
    }
    await sleep(interval);
  }
}
