/** The data directory itself: made when missing, checked, and its entries flushed. */
import {
  accessSync,
  closeSync,
  constants,
  fsyncSync,
  mkdirSync,
  openSync,
  statSync,
} from 'node:fs';
import { open } from 'node:fs/promises';
import { resolve } from 'node:path';

import { DataDirError, reason } from './errors';

/**
 * The absolute path of `dir`, made (mode 0700, with its parents) when missing. Throws a
 * {@link DataDirError} when it is not a directory or cannot be written.
 */
export function ensureDataDir(dir: string): string {
  const path = resolve(dir);
  let isDir: boolean | undefined;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new DataDirError(dir, `cannot be read (${reason(err)})`);
  }
  if (isDir === false) throw new DataDirError(dir, 'is not a directory');
  if (isDir === undefined) {
    try {
      mkdirSync(path, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new DataDirError(dir, `cannot be created (${reason(err)})`);
    }
  }
  try {
    accessSync(path, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (err) {
    throw new DataDirError(dir, `is not writable (${reason(err)})`);
  }
  return path;
}

/** Flushes the entries of directory `path` (a rename in it) to the disk. */
export function syncDirSync(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** {@link syncDirSync}, without blocking. */
export async function syncDir(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
