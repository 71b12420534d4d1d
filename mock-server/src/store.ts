import { createFixtures, type Fixtures } from '@genauth-wxapp/fixtures';

import type { MockClock } from './clock';
import { demoSection } from './genauth/demo';
import type * as GenauthStateModule from './genauth/state';
import type { GenauthState } from './genauth/state';
import { materialize, type LazyTree } from './lazy-json';
import { SeededRandom } from './random';
import { createWechatState, sweepWechat, wechatDocument, type WechatState } from './wechat/state';

let genauthModule: typeof GenauthStateModule | undefined;
/** GenAuth's state and its model modules load when GenAuth's state is first needed. */
const genauthState = (): typeof GenauthStateModule =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (genauthModule ??= require('./genauth/state') as typeof GenauthStateModule);

/** All mutable state of one mock server. */
export interface Store {
  readonly fixtures: Fixtures;
  readonly wechat: WechatState;
  readonly genauth: GenauthState;
  /** Back to the seeded state (optionally of another seed). */
  reset(seed?: string): void;
  /** The whole state as plain JSON. */
  snapshot(): Record<string, unknown>;
  /** The same document with its big lists read only when it is built or streamed. */
  document(): Record<string, LazyTree>;
}

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
  let wechat = createWechatState(fixtures, clock);
  // Built from the fixtures on first use (the same state it would have been at creation).
  let genauth: GenauthState | undefined;
  const genauthOf = (): GenauthState =>
    (genauth ??= genauthState().createGenauthState(fixtures, clock));
  // Moving the clock is when most entries expire at once: sweep them right away.
  clock.onMove((now) => {
    sweepWechat(wechat);
    if (genauth) genauthState().sweepGenauth(genauth, now);
  });
  return {
    get fixtures() {
      return fixtures;
    },
    get wechat() {
      return wechat;
    },
    get genauth() {
      return genauthOf();
    },
    reset(newSeed?: string) {
      if (newSeed !== undefined || !initial) fixtures = createFixtures(newSeed ?? seed);
      else fixtures = initial;
      random.current = new SeededRandom(newSeed ?? seed);
      wechat = createWechatState(fixtures, clock);
      genauth = undefined;
    },
    snapshot() {
      return materialize(this.document()) as Record<string, unknown>;
    },
    document() {
      return {
        seed: fixtures.seed,
        now: clock.now(),
        wechat: wechatDocument(wechat),
        genauth: genauthState().genauthDocument(genauthOf()),
        demo: demoSection(fixtures) ?? {},
      };
    },
  };
}
