import type { WechatState } from './state';

/**
 * Per-state data a WeChat feature keeps beside {@link WechatState}: one value per state object,
 * created on first use. A reset builds a new state, so the value starts over with it.
 */
export function sideTable<T>(create: () => T): (state: WechatState) => T {
  const values = new WeakMap<WechatState, T>();
  return (state) => {
    let value = values.get(state);
    if (value === undefined) {
      value = create();
      values.set(state, value);
    }
    return value;
  };
}
