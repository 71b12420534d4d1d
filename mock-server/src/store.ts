import { createFixtures, type Fixtures } from '@genauth-wxapp/fixtures';

import type { MockClock } from './clock';
import { demoSection } from './genauth/demo';
import type * as GenauthStateModule from './genauth/state';
import type { GenauthState } from './genauth/state';
import { materialize, type LazyTree } from './lazy-json';
import { lazyModule } from './lazy-module';
import { SeededRandom } from './random';
import type * as WechatStateModule from './wechat/state';
import type { WechatState } from './wechat/state';

/* eslint-disable @typescript-eslint/no-require-imports */
/** GenAuth's state and its model modules load when GenAuth's state is first needed. */
const genauthState = lazyModule(() => require('./genauth/state') as typeof GenauthStateModule);
/** WeChat's likewise. */
const wechatState = lazyModule(() => require('./wechat/state') as typeof WechatStateModule);
/* eslint-enable @typescript-eslint/no-require-imports */

/** All mutable state of one mock server. */
export interface Store {
  readonly fixtures: Fixtures;
  readonly wechat: WechatState;
  readonly genauth: GenauthState;
  /** Back to the seeded state (optionally of another seed). */
  reset(seed?: string): void;
  /**
   * The whole state as plain JSON, without the random stream positions and the pending faults
   * (so a request that changes nothing leaves it equal).
   */
  snapshot(): Record<string, unknown>;
  /**
   * The whole state with its big lists read only when it is built or streamed; `full` (the
   * default) adds the random stream positions and pending faults: the document an import reads.
   */
  document(full?: boolean): Record<string, LazyTree>;
  /**
   * Installs a whole state at once (a state import): fixtures of its seed, WeChat and GenAuth
   * state, the random stream at its position.
   */
  replace(next: StoreParts): void;
}

/** What {@link Store.replace} installs. */
export interface StoreParts {
  fixtures: Fixtures;
  wechat: WechatState;
  genauth: GenauthState;
  random: SeededRandom;
}

/** The version of the state document this mock writes and reads. */
export const STATE_VERSION = 1;

/**
 * Creates the store over `clock` and `random`. `reset` rebuilds fixtures, state and the random
 * stream from the seed, so a reset server answers exactly like a fresh one.
 */
export function createStore(
  seed: string,
  clock: MockClock,
  random: { current: SeededRandom },
  initial?: Fixtures,
): Store {
  let fixtures = initial ?? createFixtures(seed);
  // Both built from the fixtures on first use (the same state they would have been at creation).
  let wechat: WechatState | undefined;
  const wechatOf = (): WechatState => (wechat ??= wechatState().createWechatState(fixtures, clock));
  let genauth: GenauthState | undefined;
  const genauthOf = (): GenauthState =>
    (genauth ??= genauthState().createGenauthState(fixtures, clock));
  // Moving the clock is when most entries expire at once: sweep them right away.
  clock.onMove((now) => {
    if (wechat) wechatState().sweepWechat(wechat);
    if (genauth) genauthState().sweepGenauth(genauth, now);
  });
  return {
    get fixtures() {
      return fixtures;
    },
    get wechat() {
      return wechatOf();
    },
    get genauth() {
      return genauthOf();
    },
    reset(newSeed?: string) {
      if (newSeed !== undefined || !initial) fixtures = createFixtures(newSeed ?? seed);
      else fixtures = initial;
      random.current = new SeededRandom(newSeed ?? seed);
      wechat = undefined;
      genauth = undefined;
    },
    snapshot() {
      return materialize(this.document(false)) as Record<string, unknown>;
    },
    document(full = true) {
      return {
        version: STATE_VERSION,
        seed: fixtures.seed,
        now: clock.now(),
        wechat: wechatState().wechatDocument(wechatOf(), full),
        genauth: genauthState().genauthDocument(genauthOf(), full),
        demo: demoSection(fixtures) ?? {},
        ...(full && { random: random.current.position() }),
      };
    },
    replace(next) {
      fixtures = next.fixtures;
      wechat = next.wechat;
      genauth = next.genauth;
      random.current = next.random;
    },
  };
}
