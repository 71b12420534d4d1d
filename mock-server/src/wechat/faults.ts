import { WechatError } from './contract';
import { ERRCODES, type Errcode } from './errcodes';
import { FaultBook, type Fault } from './fault-book';

export { FaultBook, type Fault } from './fault-book';

/**
 * The WeChat operations a fault can target. Each model operation takes its fault before any of
 * its own checks, so the HTTP route and GenAuth's in-process calls see the same faults.
 */
export const WECHAT_FAULT_ROUTES = Object.freeze([
  'wechat.jscode2session',
  'wechat.token',
  'wechat.stable_token',
  'wechat.getuserphonenumber',
  'wechat.checksession',
  'wechat.resetusersessionkey',
  'wechat.charge_usage_get',
  'wechat.getuserencryptkey',
  'wechat.checkencryptedmsg',
  'wechat.getuserriskrank',
  'wechat.getpluginopenpid',
  'wechat.getpaidunionid',
] as const);

/** A route name of {@link WECHAT_FAULT_ROUTES}. */
export type WechatFaultRoute = (typeof WECHAT_FAULT_ROUTES)[number];

/** A pending WeChat fault (its errcode one of `ERRCODES`). */
export type WechatFault = Fault<WechatFaultRoute>;

/** An empty fault book: the one book of a mock state, for every faultable route. */
export function createFaultBook(): FaultBook {
  return new FaultBook();
}

/**
 * What a faulted WeChat operation throws: the errcode with its usual errmsg, and how long the
 * caller holds the answer first (HTTP routes and GenAuth alike, on the mock's timers).
 */
export class FaultedError extends WechatError {
  constructor(
    errcode: number,
    /** Milliseconds to hold the answer (0 = at once). */
    readonly delayMs: number,
  ) {
    super(errcode, ERRCODES[errcode as Errcode] ?? 'system error');
  }
}

/**
 * The first thing a faultable operation does: takes the oldest matching fault of `route` for
 * `appid` off the book and throws it. Costs one length check when nothing is injected.
 * @throws {FaultedError}
 */
export function throwFault(book: FaultBook, route: WechatFaultRoute, appid: unknown): void {
  const fault = book.take(route, appid);
  if (fault) throw new FaultedError(fault.errcode, fault.delayMs);
}

/** How long to hold the answer of an error (a {@link FaultedError}'s delay; 0 for any other). */
export function faultDelay(err: unknown): number {
  return err instanceof FaultedError ? err.delayMs : 0;
}
