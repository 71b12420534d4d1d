import type { Fixtures } from '@genauth-wxapp/fixtures';

import type { MockClock } from '../clock';

/** GenAuth state: pools, apps, users, tokens, codes. */
export interface GenauthState {
  pools: unknown[];
}

export function createGenauthState(fixtures: Fixtures, _clock: MockClock): GenauthState {
  return { pools: [...fixtures.genauth.pools] };
}

export function snapshotGenauth(state: GenauthState): Record<string, unknown> {
  return { pools: state.pools };
}
