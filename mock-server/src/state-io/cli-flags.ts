/** The CLI's `--import <file>` and `--export-on-exit <file>`. */
import type { MockServer } from '../server';
import { readStateFile, unwritable, writeStateFile } from './files';

/** The two flags' values, as parsed. */
export interface StateFlagValues {
  import?: string | undefined;
  'export-on-exit'?: string | undefined;
}

/**
 * Applies the state flags to `server` before it listens: `--import` replaces its state with the
 * file's document; `--export-on-exit` makes every `stop()` (SIGINT, SIGTERM, the parent exiting,
 * or a caller's) write the final state to the file atomically once the server is closed.
 * Returns the usage error, naming the flag as typed (`flag(name)`), or undefined.
 */
export function applyStateFlags(
  server: MockServer,
  values: StateFlagValues,
  flag: (name: keyof StateFlagValues) => string,
  log: (line: string) => void,
): string | undefined {
  const from = values.import;
  if (from !== undefined) {
    try {
      server.control.importState(readStateFile(from) as Record<string, unknown>);
    } catch (err) {
      return `${flag('import')} ${from}: ${(err as Error).message}`;
    }
  }
  const to = values['export-on-exit'];
  if (to !== undefined) {
    const why = unwritable(to);
    if (why !== null) return `${flag('export-on-exit')} ${to}: ${why}`;
    const stop = server.stop.bind(server);
    let exported = false;
    server.stop = async () => {
      await stop();
      if (exported) return;
      exported = true;
      try {
        writeStateFile(to, server.control.stateChunks());
        log(`genauth-mock: state exported to ${to}`);
      } catch (err) {
        log(`genauth-mock: ${flag('export-on-exit')} ${to}: ${(err as Error).message}`);
      }
    };
  }
  return undefined;
}
