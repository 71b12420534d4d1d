import type { Context } from '../../context';
import { genauthFaultMessage, isGenauthFaultCode } from '../../genauth/model/fault-routes';
import { ERRCODES, type Errcode } from '../../wechat/errcodes';
import type { Fault } from '../../wechat/fault-book';
import { ControlError, badField } from '../error';
import { FAULT_ROUTES, type FaultErrcode, type FaultRoute } from '../fault-routes';
import type { ControlApi, FaultView } from '../types';
import { LIMITS, checkErrcode, checkFaultRoute, checkInt, checkString } from '../values';

/** The errcode of a fault on `route`: a WeChat errcode, or a GenAuth code for `genauth.*`. */
export function checkFaultErrcode(route: FaultRoute, value: unknown): FaultErrcode {
  if (FAULT_ROUTES[route] === 'wechat') return checkErrcode(value);
  if (!isGenauthFaultCode(value)) {
    throw badField('errcode', 'a GenAuth code the mock knows (e.g. 1000, 2004), or 200 to delay');
  }
  return value;
}

/** A fault as the controls show it (with the errmsg it answers and the calls left). */
function faultView(f: Fault): FaultView {
  const route = f.route as FaultRoute;
  return {
    id: f.id,
    route,
    errcode: f.errcode as FaultErrcode,
    errmsg:
      FAULT_ROUTES[route] === 'wechat'
        ? ERRCODES[f.errcode as Errcode]
        : genauthFaultMessage(f.errcode),
    times: f.remaining,
    appid: f.appid,
    delayMs: f.delayMs,
  };
}

/** Whether `appid` names an app of the route's family: a WeChat app, or a GenAuth app. */
function knownApp(ctx: Context, route: FaultRoute, appid: string): boolean {
  return FAULT_ROUTES[route] === 'wechat'
    ? ctx.store.wechat.apps.has(appid)
    : ctx.store.genauth.appPools.has(appid);
}

/** Fault injection over the mock's fault book: nothing is added unless the whole fault is valid. */
export function faultsApi(ctx: Context): ControlApi['faults'] {
  return {
    add(input) {
      const route = checkFaultRoute(input.route);
      const errcode = checkFaultErrcode(route, input.errcode);
      const times =
        input.times === undefined ? 1 : checkInt('times', input.times, LIMITS.faultTimes);
      const delayMs =
        input.delayMs === undefined ? 0 : checkInt('delayMs', input.delayMs, LIMITS.faultDelayMs);
      const appid = input.appid === undefined ? null : checkString('appid', input.appid);
      if (appid !== null && !knownApp(ctx, route, appid)) {
        const family = FAULT_ROUTES[route] === 'wechat' ? 'WeChat' : 'GenAuth';
        throw new ControlError(404, 'unknown_app', `no ${family} app ${appid}`);
      }
      const fault = ctx.store.wechat.faults.add({
        route,
        errcode,
        remaining: times,
        appid,
        delayMs,
      });
      return faultView(fault);
    },
    list() {
      return ctx.store.wechat.faults.list().map(faultView);
    },
    clear() {
      return ctx.store.wechat.faults.clear();
    },
  };
}
