/**
 * The data directory's lock: a file `lock` holding the pid of the mock that uses the directory,
 * made atomically (written beside, then hard-linked into place, which fails when it exists). A
 * lock whose process is gone, or that holds no pid, is stale and taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DataDirError, reason } from './errors';

/** The lock file's name in the data directory. */
export const LOCK_FILE = 'lock';

/** A held lock. */
export interface DirLock {
  /** Removes the lock file, if it is still this process's. */
  release(): void;
}

/** The pid in lock file `path`, `null` when it holds none, `undefined` when there is no file. */
function holder(path: string): number | null | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  return /^\d+\n?$/.test(text) ? Number(text) : null;
}

/** Whether process `pid` runs (one of another user counts: it may not be signalled). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes lock `file` when it still holds `pid` (a process that is gone, or `null`): moved aside
 * first, so a lock another mock took meanwhile is put back rather than deleted.
 */
function removeStale(file: string, pid: number | null, aside: string): void {
  try {
    renameSync(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  try {
    if (holder(aside) !== pid) linkSync(aside, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Takes the lock of data directory `path` (`dir` as given, for messages). Throws a
 * {@link DataDirError} of kind `in-use` when a running process holds it.
 */
export function acquireLock(path: string, dir: string): DirLock {
  const file = join(path, LOCK_FILE);
  const temp = join(path, `${LOCK_FILE}.${process.pid}.tmp`);
  const mine = `${process.pid}\n`;
  try {
    writeFileSync(temp, mine, { mode: 0o600 });
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(temp, file);
        break;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      if (attempt > 2) throw new DataDirError(dir, `cannot take the lock ${file}`, 'in-use');
      const pid = holder(file);
      if (pid === undefined) continue; // let go meanwhile
      if (pid === process.pid)
        throw new DataDirError(
          dir,
          'is already used by another mock server in this process',
          'in-use',
        );
      if (pid !== null && alive(pid))
        throw new DataDirError(
          dir,
          `is used by process ${pid} (lock file ${file}); stop that mock, or delete the file if no mock runs`,
          'in-use',
        );
      removeStale(file, pid, `${file}.${process.pid}.stale`);
    }
  } catch (err) {
    if (err instanceof DataDirError) throw err;
    throw new DataDirError(dir, `cannot take the lock ${file} (${reason(err)})`);
  } finally {
    rmSync(temp, { force: true });
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    try {
      if (holder(file) === process.pid) rmSync(file, { force: true });
    } catch {
      // The next start finds the lock stale.
    }
  };
  // A process that exits without stopping its mock lets the directory go too.
  process.on('exit', release);
  return { release };
}
