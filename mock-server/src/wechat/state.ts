import type { Fixtures } from '@genauth-wxapp/fixtures';

import type { MockClock } from '../clock';

/** WeChat platform state: apps, users, codes, sessions, access tokens. */
export interface WechatState {
  apps: Map<string, Fixtures['wechat']['apps'][number]>;
}

export function createWechatState(fixtures: Fixtures, _clock: MockClock): WechatState {
  return { apps: new Map(fixtures.wechat.apps.map((a) => [a.appid, a])) };
}

export function snapshotWechat(state: WechatState): Record<string, unknown> {
  return { apps: [...state.apps.values()] };
}
