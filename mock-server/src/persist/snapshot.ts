/**
 * The state document on disk: `state.json`, replaced whole by each commit. A commit writes the
 * text to `state.json.tmp`, flushes it (fsync), renames it over `state.json` and flushes the
 * directory, so after a crash the file holds the last commit or the one before, never a part.
 */
import {
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { join } from 'node:path';

import { syncDir, syncDirSync } from './dir';
import { DataDirError, reason } from './errors';

/** The state document's name in the data directory. */
export const STATE_FILE = 'state.json';
/** Where a commit writes before its rename. */
export const TEMP_FILE = `${STATE_FILE}.tmp`;

/** Writes `parts` as the state of data directory `path`, durably, blocking. */
export function writeSnapshotSync(path: string, parts: readonly Buffer[]): void {
  const temp = join(path, TEMP_FILE);
  const fd = openSync(temp, 'w', 0o600);
  try {
    for (const part of parts) writeSync(fd, part);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, join(path, STATE_FILE));
  syncDirSync(path);
}

/** {@link writeSnapshotSync} without blocking: the event loop runs while the disk works. */
export async function writeSnapshot(path: string, parts: readonly Buffer[]): Promise<void> {
  const temp = join(path, TEMP_FILE);
  const handle = await open(temp, 'w', 0o600);
  try {
    for (const part of parts) await handle.write(part);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(path, STATE_FILE));
  await syncDir(path);
}

/** Drops what a commit cut short left behind. */
export function removeLeftover(path: string): void {
  rmSync(join(path, TEMP_FILE), { force: true });
}

/**
 * The parsed state document of data directory `path` (`dir` as given, for messages), or
 * `undefined` when it has none yet. A file that cannot be read or parsed throws a
 * {@link DataDirError} and is left as it is.
 */
export function readSnapshot(path: string, dir: string): unknown {
  const file = join(path, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataDirError(dir, `cannot read ${file} (${reason(err)})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DataDirError(dir, corrupt(file, 'it is not a JSON document'));
  }
}

/** The message for a state file that cannot be restored. */
export function corrupt(file: string, why: string): string {
  return `cannot restore the state in ${file}: ${why}. The file is left as it is: move it away to start from the seeded state, or replace it with --import`;
}
