import type { Context } from '../../context';
import { withControlErrors } from '../model-errors';
import type { ControlApi } from '../types';
import { coreApi } from './core';
import { faultsApi } from './faults';
import { genauthApi } from './genauth';
import { wechatApi } from './wechat';

/** The in-process control API over `ctx` (what `mock.control` is and `/__mock/v1` adapts). */
export function createControlApi(ctx: Context): ControlApi {
  return withControlErrors({
    wechat: wechatApi(ctx),
    genauth: genauthApi(ctx),
    faults: faultsApi(ctx),
    ...coreApi(ctx),
  });
}
