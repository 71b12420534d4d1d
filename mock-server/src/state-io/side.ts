/**
 * Exporters of the tables features keep beside the WeChat and GenAuth state objects (WeakMaps
 * keyed by them). A feature module registers its exporter when it loads; a table whose module
 * never loaded was never filled, so the state document carries its empty form.
 */
const exporters = new Map<string, (owner: object) => unknown>();

/** Registers how table `name` is written into the state document. */
export function registerExport(name: string, exporter: (owner: object) => unknown): void {
  exporters.set(name, exporter);
}

/** Table `name` of `owner` as plain JSON, or `empty` when its module never loaded. */
export function exportSide(name: string, owner: object, empty: unknown): unknown {
  const exporter = exporters.get(name);
  return exporter ? exporter(owner) : empty;
}
