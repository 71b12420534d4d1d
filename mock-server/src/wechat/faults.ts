import type { Context } from '../context';
import type { WechatError } from './contract';
import { wechatError, type Errcode } from './errcodes';

/** The WeChat routes a fault can target, by name, with the path each name stands for. */
export const FAULT_ROUTES = Object.freeze({
  'wechat.jscode2session': '/sns/jscode2session',
  'wechat.token': '/cgi-bin/token',
  'wechat.stable_token': '/cgi-bin/stable_token',
  'wechat.getuserphonenumber': '/wxa/business/getuserphonenumber',
  'wechat.checksession': '/wxa/checksession',
  'wechat.resetusersessionkey': '/wxa/resetusersessionkey',
} as const);

/** A route name of {@link FAULT_ROUTES}. */
export type FaultRoute = keyof typeof FAULT_ROUTES;

/** A pending fault: the next `remaining` matching calls answer `errcode`. */
export interface WechatFault {
  id: number;
  route: FaultRoute;
  errcode: Errcode;
  /** Calls still to fault; the fault is dropped when it reaches 0. */
  remaining: number;
  /** Only calls naming this appid match; `null` = any call of the route. */
  appid: string | null;
  /** How long an HTTP answer is held (on the mock's `timers`), in milliseconds. */
  delayMs: number;
}

/** The pending faults of one WeChat state (a reset starts an empty book). */
export interface FaultBook {
  pending: WechatFault[];
  nextId: number;
}

/** An empty fault book. */
export function createFaultBook(): FaultBook {
  return { pending: [], nextId: 1 };
}

/** Whether any fault is pending (the one check the hot path pays). */
export function faultsPending(ctx: Context): boolean {
  return ctx.store.wechat.faults.pending.length !== 0;
}

/** Whether a pending fault of `route` is scoped to an appid (so the caller must find its appid). */
export function routeNeedsAppid(ctx: Context, route: FaultRoute): boolean {
  return ctx.store.wechat.faults.pending.some((f) => f.route === route && f.appid !== null);
}

/**
 * Takes one call off the first pending fault matching `route` and `appid` (oldest first) and
 * returns it, or `undefined` when none matches. Costs one length check when the book is empty.
 */
export function takeFault(
  ctx: Context,
  route: FaultRoute,
  appid: unknown,
): WechatFault | undefined {
  const { pending } = ctx.store.wechat.faults;
  if (pending.length === 0) return undefined;
  const index = pending.findIndex(
    (f) => f.route === route && (f.appid === null || f.appid === appid),
  );
  const fault = pending[index];
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining === 0) pending.splice(index, 1);
  return fault;
}

/** The error a fault answers with (the errcode's usual errmsg). */
export function faultError(fault: WechatFault): WechatError {
  return wechatError(fault.errcode);
}

/** Adds a fault to the book and returns it. */
export function addFault(ctx: Context, fault: Omit<WechatFault, 'id'>): WechatFault {
  const book = ctx.store.wechat.faults;
  const added = { id: book.nextId, ...fault };
  book.nextId += 1;
  book.pending.push(added);
  return added;
}

/** Drops every pending fault; returns how many there were. */
export function clearFaults(ctx: Context): number {
  const book = ctx.store.wechat.faults;
  const count = book.pending.length;
  book.pending = [];
  return count;
}
