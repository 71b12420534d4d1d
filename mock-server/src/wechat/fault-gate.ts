import type { Request, RequestHandler, Response } from 'express';

import type { Context } from '../context';
import { rawBody } from './body';
import {
  FAULT_ROUTES,
  faultError,
  faultsPending,
  routeNeedsAppid,
  takeFault,
  type FaultRoute,
  type WechatFault,
} from './faults';
import { sendWechatError, wechatErrors } from './render';

const ROUTE_OF_PATH = new Map<string, FaultRoute>(
  Object.entries(FAULT_ROUTES).map(([route, path]) => [path, route as FaultRoute]),
);

/** A path as Express routes it: case-insensitive, one trailing slash allowed. */
const routedPath = (path: string) => path.toLowerCase().replace(/\/$/, '');

/** The appid a `/wxa` call acts for: that of its access token (if the token exists at all). */
function tokenAppid(ctx: Context, req: Request): unknown {
  const token = req.query['access_token'];
  return typeof token === 'string' ? ctx.store.wechat.tokens.get(token)?.appid : undefined;
}

/** The `appid` of a JSON body held as raw bytes (anything unreadable names no appid). */
function bodyAppid(req: Request): unknown {
  const raw: unknown = req.body;
  if (!Buffer.isBuffer(raw)) return undefined;
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value !== null && typeof value === 'object'
      ? (value as { appid?: unknown }).appid
      : undefined;
  } catch {
    return undefined;
  }
}

/** Answers a faulted call: the errcode with a fresh rid, after the fault's delay (on the timers). */
function answer(ctx: Context, res: Response, fault: WechatFault): void {
  const err = faultError(fault);
  if (fault.delayMs === 0) {
    sendWechatError(ctx, res, err);
    return;
  }
  const timer = ctx.options.timers.setTimeout(() => {
    if (!res.writableEnded) sendWechatError(ctx, res, err);
  }, fault.delayMs);
  // A held answer must not keep the process alive (real timers have `unref`, others may not).
  (timer as { unref?: () => void } | undefined)?.unref?.();
}

/**
 * Wraps the WeChat router: with no fault pending a call goes straight through (one length check);
 * otherwise a call to a faultable path takes the first matching fault and answers its errcode
 * without reaching the route, so no state changes (a faulted jscode2session keeps its code).
 * The appid a fault may be scoped to is the call's `appid` (query, or stable_token's body) or the
 * appid of its `access_token`.
 */
export function withFaults(ctx: Context, router: RequestHandler): RequestHandler {
  const renderError = wechatErrors(ctx);
  return (req, res, next) => {
    if (!faultsPending(ctx)) {
      router(req, res, next);
      return;
    }
    const route = ROUTE_OF_PATH.get(req.path) ?? ROUTE_OF_PATH.get(routedPath(req.path));
    if (route === undefined) {
      router(req, res, next);
      return;
    }
    const decide = (appid: unknown) => {
      const fault = takeFault(ctx, route, appid);
      if (fault) answer(ctx, res, fault);
      else router(req, res, next);
    };
    if (route === 'wechat.stable_token' && routeNeedsAppid(ctx, route)) {
      // The route reads the body itself; reading it here first leaves it in req.body for it.
      rawBody(ctx)(req, res, (err?: unknown) => {
        if (err) renderError(err, req, res, next);
        else decide(bodyAppid(req));
      });
      return;
    }
    if (route === 'wechat.jscode2session' || route === 'wechat.token') {
      decide(req.query['appid']);
    } else if (route === 'wechat.stable_token') {
      decide(undefined);
    } else {
      decide(tokenAppid(ctx, req));
    }
  };
}
