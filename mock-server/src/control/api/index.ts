import type { Context } from '../../context';
import type { ControlApi } from '../types';
import { coreApi } from './core';
import { faultsApi } from './faults';
import { wechatApi } from './wechat';

/** The in-process control API over `ctx` (what `mock.control` is and `/__mock/v1` adapts). */
export function createControlApi(ctx: Context): ControlApi {
  return { wechat: wechatApi(ctx), faults: faultsApi(ctx), ...coreApi(ctx) };
}
