/**
 * The clock's high-water mark: file `clock`, the last time the mock reported, rewritten in place
 * (one `pwrite`, no fsync) as each answer goes out. A killed process leaves it in the page cache,
 * so a restart resumes the clock no earlier than what its clients last saw, even when that is
 * later than the last commit's `now`.
 */
import { closeSync, constants, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { DataDirError, reason } from './errors';

/** The mark's name in the data directory. */
export const CLOCK_FILE = 'clock';

/** Every write is this wide, so each one covers the last. */
const WIDTH = 24;

/** The open mark of one data directory. */
export interface ClockMark {
  /** The time read when it was opened, `undefined` when there was none. */
  readonly saved: number | undefined;
  /** Records `now` (milliseconds since the epoch). */
  write(now: number): void;
  /** Records no time (the next start goes by the state's own `now`). */
  clear(): void;
  close(): void;
}

/** The time in `text`, `undefined` for an empty mark (one a power loss may leave). */
function parse(text: string, file: string, dir: string): number | undefined {
  const trimmed = text.replace(/\0/g, '').trim();
  if (trimmed === '') return undefined;
  if (!/^-?\d{1,17}$/.test(trimmed))
    throw new DataDirError(
      dir,
      `${file} is not a clock mark; delete it to resume the clock at the state's own time`,
    );
  return Number(trimmed);
}

/** Opens (or makes, mode 0600) the mark of data directory `path`. */
export function openClockMark(path: string, dir: string): ClockMark {
  const file = join(path, CLOCK_FILE);
  let saved: number | undefined;
  try {
    saved = parse(readFileSync(file, 'latin1'), file, dir);
  } catch (err) {
    if (err instanceof DataDirError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new DataDirError(dir, `cannot read ${file} (${reason(err)})`);
  }
  let fd: number | undefined = openSync(file, constants.O_RDWR | constants.O_CREAT, 0o600);
  const buffer = Buffer.alloc(WIDTH);
  return {
    saved,
    write(now) {
      if (fd === undefined) return;
      buffer.fill(0x20);
      buffer.write(String(Math.ceil(now)), 0, 'latin1');
      buffer[WIDTH - 1] = 0x0a;
      writeSync(fd, buffer, 0, WIDTH, 0);
    },
    clear() {
      if (fd === undefined) return;
      buffer.fill(0x20);
      buffer[WIDTH - 1] = 0x0a;
      writeSync(fd, buffer, 0, WIDTH, 0);
    },
    close() {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}
