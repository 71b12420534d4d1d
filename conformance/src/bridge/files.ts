import { Buffer } from 'node:buffer';

/**
 * The device's temporary files: what `chooseMedia`, `chooseImage` and the `chooseAvatar` button
 * hand to the page (a `wxfile://tmp_…` path), and what `uploadFile` reads back.
 */

/** An 8×8 PNG (a green and white checkerboard): the image the simulated user picks. */
export const FIXTURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAGUlEQVR42mNgP5jw//9/TJIBqyiQZBiUOgDHJYShJesAogAAAABJRU5ErkJggg==',
  'base64',
);

/** Width and height of {@link FIXTURE_PNG}. */
export const FIXTURE_PNG_SIZE = 8;

/** One temporary file. */
export interface TempFile {
  path: string;
  bytes: Buffer;
  mimeType: string;
}

/** In-memory temporary files, addressed by `wxfile://tmp_<n>.<ext>` paths. */
export class TempFiles {
  readonly #files = new Map<string, TempFile>();
  #next = 0;

  /** Stores `bytes` and returns the new temporary path. */
  add(bytes: Buffer, mimeType = 'image/png'): TempFile {
    const ext = mimeType.split('/')[1] ?? 'bin';
    const path = `wxfile://tmp_${String(++this.#next).padStart(6, '0')}.${ext}`;
    const file = { path, bytes, mimeType };
    this.#files.set(path, file);
    return file;
  }

  /** A copy of the fixture image as a new temporary file. */
  addFixtureImage(): TempFile {
    return this.add(Buffer.from(FIXTURE_PNG), 'image/png');
  }

  get(path: string): TempFile | undefined {
    return this.#files.get(path);
  }

  clear(): void {
    this.#files.clear();
  }
}
