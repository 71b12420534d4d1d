/** Polls `predicate` every `interval` ms until it holds; fails after `timeout` ms. */
export async function waitFor(
  predicate: () => boolean,
  timeout = 2000,
  interval = 5,
): Promise<void> {
  const end = Date.now() + timeout;
  while (!predicate()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
