import { createFixtures, type Fixtures } from '@genauth-wxapp/fixtures';

import type { MockClock } from './clock';
import { demoSection } from './genauth/demo';
import {
  createGenauthState,
  genauthDocument,
  sweepGenauth,
  type GenauthState,
} from './genauth/state';
import { materialize, type LazyTree } from './lazy-json';
import { SeededRandom } from './random';
import { createWechatState, sweepWechat, wechatDocument, type WechatState } from './wechat/state';

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
  let genauth = createGenauthState(fixtures, clock);
  // Moving the clock is when most entries expire at once: sweep them right away.
  clock.onMove((now) => {
    sweepWechat(wechat);
    sweepGenauth(genauth, now);
  });
  return {
    get fixtures() {
      return fixtures;
    },
    get wechat() {
      return wechat;
    },
    get genauth() {
      return genauth;
    },
    reset(newSeed?: string) {
      if (newSeed !== undefined || !initial) fixtures = createFixtures(newSeed ?? seed);
      else fixtures = initial;
      random.current = new SeededRandom(newSeed ?? seed);
      wechat = createWechatState(fixtures, clock);
      genauth = createGenauthState(fixtures, clock);
    },
    snapshot() {
      return materialize(this.document()) as Record<string, unknown>;
    },
    document() {
      return {
        seed: fixtures.seed,
        now: clock.now(),
        wechat: wechatDocument(wechat),
        genauth: genauthDocument(genauth),
        demo: demoSection(fixtures) ?? {},
      };
    },
  };
}
