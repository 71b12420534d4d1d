/**
 * `data` (the CLI's `--data <dir>`): the state kept in a directory, restored exactly on the next
 * start. Loaded only when the option is set, so an in-memory mock never loads it.
 *
 * The directory holds `state.json` (the full state document, as `GET /__mock/v1/state` gives
 * it), `clock` (the clock's high-water mark), `lock` (the pid of the mock using it) and, for a
 * generated HTTPS certificate, `tls/`.
 */
import type { RequestHandler } from 'express';

import type { Context } from '../context';
import { jsonChunks } from '../lazy-json';
import type { ResolvedData } from '../options';
import { importState } from '../state-io/import';
import { openClockMark, type ClockMark } from './clock-mark';
import { ensureDataDir } from './dir';
import { DataDirError } from './errors';
import { GroupCommit } from './group-commit';
import { holdAnswers } from './hold';
import { acquireLock, type DirLock } from './lock';
import { isReadOnly } from './read-only';
import {
  corrupt,
  readSnapshot,
  removeLeftover,
  STATE_FILE,
  writeSnapshot,
  writeSnapshotSync,
} from './snapshot';

export { DataDirError } from './errors';

/** The data directory of one mock server. */
export interface Persistence {
  /** The directory, absolute. */
  readonly path: string;
  /** Whether the state came from the directory (rather than the seed or an import). */
  readonly restored: boolean;
  /** Holds the answers of writing requests until their state is durable; mounted first. */
  readonly middleware: RequestHandler;
  /** Resolves once the state as it is now is durable. */
  flush(): Promise<void>;
  /** Takes the directory again after {@link Persistence.close} (a restarted server). */
  open(): void;
  /** Commits the state a last time and lets the directory go (its lock, its files). */
  close(): Promise<void>;
  /** Snapshots written since the start. */
  readonly commits: number;
}

/** Pieces of the text are gathered up to this many characters into one buffer. */
const PART_CHARS = 1 << 20;

/** The whole state document, as buffers of its text: one instant of the state. */
function documentParts(ctx: Context): Buffer[] {
  const parts: Buffer[] = [];
  let text = '';
  for (const piece of jsonChunks(ctx.store.document(true))) {
    text += piece;
    if (text.length < PART_CHARS) continue;
    parts.push(Buffer.from(text));
    text = '';
  }
  parts.push(Buffer.from(text));
  return parts;
}

/** Restores the state of `path` into `ctx`, with the clock no earlier than its mark. */
function restore(ctx: Context, path: string, dir: string, mark: ClockMark): boolean {
  const doc = readSnapshot(path, dir);
  if (doc === undefined) return false;
  try {
    importState(ctx, doc);
  } catch (err) {
    throw new DataDirError(dir, corrupt(`${path}/${STATE_FILE}`, (err as Error).message));
  }
  if (mark.saved !== undefined && mark.saved > ctx.clock.now()) ctx.clock.set(mark.saved);
  return true;
}

/**
 * Opens data directory `data.dir` for `ctx` (made when missing, locked against a second mock):
 * restores its state (unless `data.restore` is false), or writes the current one as its first
 * state. Throws a {@link DataDirError} when the directory cannot be used, is locked, or holds a
 * state that cannot be restored (the file is left as it is).
 */
export function openDataDir(data: ResolvedData, ctx: Context): Persistence {
  const { dir } = data;
  const path = ensureDataDir(dir);
  let lock: DirLock | undefined = acquireLock(path, dir);
  let mark: ClockMark | undefined;
  let restored = false;
  try {
    removeLeftover(path);
    mark = openClockMark(path, dir);
    if (data.restore) {
      restored = restore(ctx, path, dir, mark);
      if (!restored) writeSnapshotSync(path, documentParts(ctx));
      mark.write(ctx.clock.now());
    }
  } catch (err) {
    mark?.close();
    lock.release();
    throw err;
  }
  const log = ctx.options.log;
  if (restored) log(`genauth-mock: state restored from ${path}/${STATE_FILE}`);
  // A state that replaces the directory's (no restore) drops its mark, which says nothing of the
  // new one, with its first snapshot: until then (an import refused) the directory is as it was.
  let replacing = !data.restore;
  const group = new GroupCommit(
    () => documentParts(ctx),
    (parts) => {
      if (replacing) mark?.clear();
      replacing = false;
      return writeSnapshot(path, parts);
    },
  );
  const markNow = () => {
    try {
      mark?.write(ctx.clock.now());
    } catch (err) {
      log(`genauth-mock: cannot record the clock in ${path}: ${(err as Error).message}`);
    }
  };
  let closing: Promise<void> | undefined;
  const closed = () => new Error(`the data directory ${path} is closed: the mock was stopped`);
  const commit = () => (lock ? group.commit() : Promise.reject(closed()));
  const flush = () => commit().then(markNow);
  return {
    path,
    restored,
    get commits() {
      return group.commits;
    },
    middleware: holdAnswers({
      readOnly: isReadOnly,
      commit,
      mark: markNow,
      failed: (err) =>
        log(`genauth-mock: cannot save the state in ${path}: ${(err as Error).message}`),
    }),
    flush,
    open() {
      if (lock) return;
      lock = acquireLock(path, dir);
      mark = openClockMark(path, dir);
    },
    close() {
      const held = lock;
      if (!held) return Promise.resolve();
      closing ??= (async () => {
        try {
          await group.idle();
          await group.commit();
          markNow();
        } catch (err) {
          throw new Error(`cannot save the state in ${path}: ${(err as Error).message}`, {
            cause: err,
          });
        } finally {
          mark?.close();
          mark = undefined;
          held.release();
          lock = undefined;
          closing = undefined;
        }
      })();
      return closing;
    },
  };
}
