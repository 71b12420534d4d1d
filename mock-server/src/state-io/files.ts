/** State documents on disk, for the CLI's `--import` and `--export-on-exit`. */
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The JSON of the state document in `file`; throws an Error saying what is wrong with it. */
export function readStateFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(
      `cannot read it: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error('it is not a JSON document');
  }
}

/** Why `file` cannot be written later (its directory is missing, or it is a directory), or null. */
export function unwritable(file: string): string | null {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return `directory ${dir} does not exist`;
  if (existsSync(file) && statSync(file).isDirectory()) return 'it is a directory';
  return null;
}

/**
 * Writes the text of `chunks` to `file` atomically: into a temporary file beside it, flushed,
 * then renamed over it, so a reader sees the old document or the whole new one, never a part.
 */
export function writeStateFile(file: string, chunks: Iterable<string>): void {
  const tmp = `${resolve(file)}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let buffer = '';
    for (const chunk of chunks) {
      buffer += chunk;
      if (buffer.length >= 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
}
