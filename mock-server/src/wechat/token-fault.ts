import type { Context } from '../context';
import { throwFault, type WechatFaultRoute } from './faults';
import type { AccessToken } from './state';
import { requireToken } from './tokens';

/**
 * The start of a token-taking operation: a pending fault of `route` first (scoped by the app of
 * the access token, when the token exists), then the access_token check.
 * @throws {WechatError} 41001 / 40001 / 42001 (a `FaultedError` when faulted)
 */
export function faultThenToken(ctx: Context, route: WechatFaultRoute, raw: unknown): AccessToken {
  const state = ctx.store.wechat;
  if (!state.faults.empty) {
    throwFault(state.faults, route, typeof raw === 'string' ? state.tokens.get(raw)?.appid : null);
  }
  return requireToken(ctx, raw);
}

/** A string parameter (absent, empty or not a string → undefined). */
export function stringParam(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
