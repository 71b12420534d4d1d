import type { Context } from '../../context';
import { withControlErrors } from '../model-errors';
import type { ControlApi } from '../types';
import { coreApi } from './core';
import type * as Faults from './faults';
import type * as Genauth from './genauth';
import type * as Wechat from './wechat';

type Group = 'wechat' | 'genauth' | 'faults';

/** Makes `api[key]` the group `make()` builds (and its modules load) on its first read. */
function lazyGroup<K extends Group>(api: ControlApi, key: K, make: () => ControlApi[K]): void {
  Object.defineProperty(api, key, {
    configurable: true,
    enumerable: true,
    get() {
      const value = withControlErrors(make());
      Object.defineProperty(api, key, {
        value,
        configurable: true,
        enumerable: true,
        writable: true,
      });
      return value;
    },
  });
}

/**
 * The in-process control API over `ctx` (what `mock.control` is and `/__mock/v1` adapts). The
 * WeChat, GenAuth and fault groups are built on first use, off the mock's start-up path.
 */
export function createControlApi(ctx: Context): ControlApi {
  const api = {} as ControlApi;
  /* eslint-disable @typescript-eslint/no-require-imports */
  lazyGroup(api, 'wechat', () => (require('./wechat') as typeof Wechat).wechatApi(ctx));
  lazyGroup(api, 'genauth', () => (require('./genauth') as typeof Genauth).genauthApi(ctx));
  lazyGroup(api, 'faults', () => (require('./faults') as typeof Faults).faultsApi(ctx));
  /* eslint-enable @typescript-eslint/no-require-imports */
  return Object.assign(api, withControlErrors(coreApi(ctx)));
}
