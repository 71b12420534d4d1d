import type { Context } from '../../context';
import { ERRCODES } from '../../wechat/errcodes';
import { addFault, clearFaults, type WechatFault } from '../../wechat/faults';
import { ControlError } from '../error';
import type { ControlApi, FaultView } from '../types';
import { LIMITS, checkErrcode, checkFaultRoute, checkInt, checkString } from '../values';

/** A fault as the controls show it (with the errmsg it answers and the calls left). */
function faultView(f: WechatFault): FaultView {
  return {
    id: f.id,
    route: f.route,
    errcode: f.errcode,
    errmsg: ERRCODES[f.errcode],
    times: f.remaining,
    appid: f.appid,
    delayMs: f.delayMs,
  };
}

/** WeChat fault injection over `ctx`: nothing is added unless the whole fault is valid. */
export function faultsApi(ctx: Context): ControlApi['faults'] {
  return {
    add(input) {
      const route = checkFaultRoute(input.route);
      const errcode = checkErrcode(input.errcode);
      const times =
        input.times === undefined ? 1 : checkInt('times', input.times, LIMITS.faultTimes);
      const delayMs =
        input.delayMs === undefined ? 0 : checkInt('delayMs', input.delayMs, LIMITS.faultDelayMs);
      const appid = input.appid === undefined ? null : checkString('appid', input.appid);
      if (appid !== null && !ctx.store.wechat.apps.has(appid)) {
        throw new ControlError(404, 'unknown_app', `no WeChat app ${appid}`);
      }
      return faultView(addFault(ctx, { route, errcode, remaining: times, appid, delayMs }));
    },
    list() {
      return ctx.store.wechat.faults.pending.map(faultView);
    },
    clear() {
      return clearFaults(ctx);
    },
  };
}
