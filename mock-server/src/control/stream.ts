import type { Response } from 'express';

/** Pieces are gathered up to this many characters before a write. */
const CHUNK_CHARS = 64 * 1024;

/** After this many writes the socket took at once, other requests get a turn. */
const WRITES_PER_TURN = 16;

/** Resolves on `drain` or `close`, whichever comes first. */
function writable(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Answers 200 with the JSON text of `pieces`, written as it is produced: about 64 KiB a
 * write, waiting for `drain` whenever the socket is full, so at most a few chunks are held at
 * once, and letting other requests in at least every 1 MiB. A client that goes away stops the iteration (its generator is closed). A failure
 * before the first write is thrown (rendered as usual); a later one destroys the answer.
 */
export async function streamJson(res: Response, pieces: Iterable<string>): Promise<void> {
  const gone = () => res.destroyed || res.writableEnded;
  let buffer = '';
  let started = false;
  let writes = 0;
  try {
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length < CHUNK_CHARS) continue;
      if (!started) {
        res.status(200).type('application/json; charset=utf-8');
        started = true;
      }
      const ok = res.write(buffer);
      buffer = '';
      if (!ok) await writable(res);
      else if (++writes % WRITES_PER_TURN === 0) await new Promise(setImmediate);
      if (gone()) return;
    }
  } catch (err) {
    if (!started) throw err;
    res.destroy(err instanceof Error ? err : new Error(String(err)));
    return;
  }
  if (gone()) return;
  if (!started) res.status(200).type('application/json; charset=utf-8');
  res.end(buffer);
}
