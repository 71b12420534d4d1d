import type { MockClock } from './clock';
import type { Journal } from './journal';
import type { ResolvedOptions } from './options';
import type { SeededRandom } from './random';
import type { Store } from './store';

/**
 * Everything an app factory may use, passed explicitly (no module state). Apps read
 * `ctx.store.*` on every request, never cache it: `reset` swaps the state objects.
 */
export interface Context {
  store: Store;
  clock: MockClock;
  random: SeededRandom;
  options: ResolvedOptions;
  /** Requests the mock answered, for tests that assert on the wire. */
  journal: Journal;
  /**
   * Base URL the server is reachable at once started (`''` before), for URLs it hands out;
   * with `secure`, that of its HTTPS listener when it has one (HTTP and HTTPS side by side).
   */
  baseUrl(secure?: boolean): string;
}
