import { registerSide } from '../state-io/side';
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

/**
 * A {@link sideTable} of a `Map` that the state document carries as `wechat.tables[name]`
 * (`[key, value]` pairs, oldest first).
 */
export function mapSideTable<V>(name: string): (state: WechatState) => Map<string, V> {
  const values = new WeakMap<WechatState, Map<string, V>>();
  registerSide(name, {
    export: (owner) => [...(values.get(owner as WechatState) ?? [])],
    import: (owner, data) => {
      values.set(owner as WechatState, new Map(data as [string, V][]));
    },
  });
  return (state) => {
    let value = values.get(state);
    if (value === undefined) {
      value = new Map();
      values.set(state, value);
    }
    return value;
  };
}
