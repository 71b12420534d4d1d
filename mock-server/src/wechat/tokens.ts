import type { WechatAppFixture } from '@genauth-wxapp/fixtures';

import type { Context } from '../context';
import { wechatError } from './errcodes';
import { throwFault } from './faults';
import { quotaDay, RULES } from './rules';
import type { AccessToken } from './state';

/** The wire answer of both token endpoints. */
export interface TokenAnswer {
  access_token: string;
  expires_in: number;
}

/** Checks grant_type, appid and secret like both token endpoints do. @throws {WechatError} */
export function authenticateApp(
  ctx: Context,
  params: { grant_type?: unknown; appid?: unknown; secret?: unknown },
): WechatAppFixture {
  if (params.grant_type !== 'client_credential') throw wechatError(40002);
  if (params.appid === undefined || params.appid === '') throw wechatError(41002);
  if (params.secret === undefined || params.secret === '') throw wechatError(41004);
  const app =
    typeof params.appid === 'string' ? ctx.store.wechat.apps.get(params.appid) : undefined;
  if (!app) throw wechatError(40013);
  if (params.secret !== app.secret) throw wechatError(40125);
  return app;
}

function latestKey(family: AccessToken['family'], appid: string): string {
  return `${family}:${appid}`;
}

function answer(ctx: Context, token: AccessToken): TokenAnswer {
  return {
    access_token: token.token,
    expires_in: Math.floor((token.expiresAt - ctx.clock.now()) / 1000),
  };
}

/** Mints a token of `family`, the newest of its family for the app. */
function mint(ctx: Context, family: AccessToken['family'], appid: string): AccessToken {
  const now = ctx.clock.now();
  const token: AccessToken = {
    token: ctx.random.bytes(96).toString('base64url'),
    appid,
    family,
    issuedAt: now,
    expiresAt: now + RULES.tokenTtlSeconds * 1000,
    revokedAt: null,
  };
  const state = ctx.store.wechat;
  state.tokens.set(token.token, token);
  state.latestToken.set(latestKey(family, appid), token.token);
  return token;
}

/** The newest token of `family` for the app while it still works. */
function latest(ctx: Context, family: AccessToken['family'], appid: string) {
  const state = ctx.store.wechat;
  const id = state.latestToken.get(latestKey(family, appid));
  const token = id === undefined ? undefined : state.tokens.get(id);
  const now = ctx.clock.now();
  if (!token || now >= token.expiresAt || (token.revokedAt !== null && now >= token.revokedAt)) {
    return undefined;
  }
  return token;
}

/** `GET /cgi-bin/token`: a new token on every call; the previous one works 5 more minutes. */
export function issueToken(ctx: Context, app: WechatAppFixture): TokenAnswer {
  const previous = latest(ctx, 'token', app.appid);
  if (previous) previous.revokedAt = ctx.clock.now() + RULES.tokenOverlapMs;
  return answer(ctx, mint(ctx, 'token', app.appid));
}

/**
 * `POST /cgi-bin/stable_token`: the same token until its last 5 minutes (then a new one, the old
 * one running out its time). `forceRefresh` replaces it at once, at most 20 times a day and only
 * when the last forced refresh is 30 s old (otherwise the current token comes back unchanged).
 * @throws {WechatError} 45009 over the daily force-refresh quota
 */
export function stableToken(
  ctx: Context,
  app: WechatAppFixture,
  forceRefresh: boolean,
): TokenAnswer {
  const now = ctx.clock.now();
  const current = latest(ctx, 'stable', app.appid);
  if (forceRefresh) {
    const quotas = ctx.store.wechat.stableQuota;
    const day = quotaDay(now);
    const quota = quotas.get(app.appid);
    const used = quota && quota.day === day ? quota : { day, forced: 0, lastForcedAt: null };
    const tooSoon = used.lastForcedAt !== null && now - used.lastForcedAt < RULES.stableForceGapMs;
    if (!(tooSoon && current)) {
      if (used.forced >= RULES.stableForcePerDay) throw wechatError(45009);
      quotas.set(app.appid, { day, forced: used.forced + 1, lastForcedAt: now });
      if (current) current.revokedAt = now;
      return answer(ctx, mint(ctx, 'stable', app.appid));
    }
  }
  if (current && current.expiresAt - now > RULES.tokenOverlapMs) return answer(ctx, current);
  return answer(ctx, mint(ctx, 'stable', app.appid));
}

/**
 * `GET /cgi-bin/token` with its query: a pending `wechat.token` fault first, then the
 * credentials ({@link authenticateApp}), then a new token ({@link issueToken}).
 * @throws {WechatError} (a `FaultedError` when faulted)
 */
export function accessToken(
  ctx: Context,
  params: { grant_type?: unknown; appid?: unknown; secret?: unknown },
): TokenAnswer {
  throwFault(ctx.store.wechat.faults, 'wechat.token', params.appid);
  return issueToken(ctx, authenticateApp(ctx, params));
}

/**
 * `POST /cgi-bin/stable_token` with its JSON body: a pending `wechat.stable_token` fault first,
 * then `force_refresh` (a boolean when present, else 47001), the credentials and
 * {@link stableToken}.
 * @throws {WechatError} (a `FaultedError` when faulted)
 */
export function stableAccessToken(ctx: Context, body: Record<string, unknown>): TokenAnswer {
  throwFault(ctx.store.wechat.faults, 'wechat.stable_token', body['appid']);
  const force = body['force_refresh'];
  if (force !== undefined && typeof force !== 'boolean') throw wechatError(47001);
  return stableToken(ctx, authenticateApp(ctx, body), force === true);
}

/**
 * The access_token check of every token-taking endpoint.
 * @throws {WechatError} 41001 missing, 40001 unknown or replaced, 42001 expired
 */
export function requireToken(ctx: Context, value: unknown): AccessToken {
  if (value === undefined || value === '') throw wechatError(41001);
  const token = typeof value === 'string' ? ctx.store.wechat.tokens.get(value) : undefined;
  if (!token) throw wechatError(40001);
  const now = ctx.clock.now();
  if (token.revokedAt !== null && now >= token.revokedAt) throw wechatError(40001);
  if (now >= token.expiresAt) throw wechatError(42001);
  return token;
}
