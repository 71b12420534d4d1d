import type { UserDefinedData } from './types';

/** Decodes UDV values by `dataType`, as authing-js-sdk's `convertUdv` does. */
export function convertUdv(list: UserDefinedData[]): UserDefinedData[] {
  return list.map((item) => {
    const raw = item.value as string;
    switch (item.dataType) {
      case 'NUMBER':
      case 'BOOLEAN':
      case 'OBJECT':
        return { ...item, value: JSON.parse(raw) };
      case 'DATETIME':
        return { ...item, value: new Date(parseInt(raw, 10)) };
      default:
        return item;
    }
  });
}

/** The same list as a `{key: value}` object. */
export function udvToKeyValue(list: UserDefinedData[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of convertUdv(list)) out[item.key] = item.value;
  return out;
}
