/**
 * The tables features keep beside the WeChat and GenAuth state objects (WeakMaps keyed by
 * them), as the state document carries them. A feature module registers its table when it
 * loads; a table whose module never loaded was never filled, so the document carries its empty
 * form. An import loads the modules first (see `state-io/import.ts`).
 */
import { ExpiringMap, type Deadline } from '../expiring';

/** How one table is written into the state document and read back. */
export interface SideCodec {
  export(owner: object): unknown;
  /** Installs `data` (already checked) as the table of `owner`, on the clock `now`. */
  import(owner: object, data: unknown, now: () => number): void;
}

const codecs = new Map<string, SideCodec>();

/** Registers table `name`. */
export function registerSide(name: string, codec: SideCodec): void {
  codecs.set(name, codec);
}

/** Registers how table `name` is written (a table an import installs itself). */
export function registerExport(name: string, exporter: (owner: object) => unknown): void {
  codecs.set(name, { export: exporter, import: () => undefined });
}

/** Table `name` of `owner` as plain JSON, or `empty` when its module never loaded. */
export function exportSide(name: string, owner: object, empty: unknown): unknown {
  const codec = codecs.get(name);
  return codec ? codec.export(owner) : empty;
}

/** Installs `data` as table `name` of `owner`. */
export function importSide(name: string, owner: object, data: unknown, now: () => number): void {
  codecs.get(name)?.import(owner, data, now);
}

/**
 * Registers table `name` as an {@link ExpiringMap} per owner (`[key, value]` pairs, oldest first)
 * and returns its getter, which creates an empty map on `now` on first use.
 */
export function expiringSide<V>(
  name: string,
  deadline: Deadline<V>,
): (owner: object, now: () => number) => ExpiringMap<string, V> {
  const tables = new WeakMap<object, ExpiringMap<string, V>>();
  registerSide(name, {
    export: (owner) => [...(tables.get(owner) ?? [])],
    import: (owner, data, now) => {
      tables.set(owner, new ExpiringMap<string, V>(deadline, now).load(data as [string, V][]));
    },
  });
  return (owner, now) => {
    let table = tables.get(owner);
    if (!table) {
      table = new ExpiringMap<string, V>(deadline, now);
      tables.set(owner, table);
    }
    return table;
  };
}
