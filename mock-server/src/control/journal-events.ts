import { Router, type Request, type Response } from 'express';

import type { Context } from '../context';
import { ControlError, badField } from './errors';
import type { ControlApi } from './types';

/** Followers of the journal at once; one more answers 503 `too_many_subscribers`. */
export const MAX_SUBSCRIBERS = 16;
/** A comment line this often keeps proxies and idle-connection reapers off the stream. */
export const HEARTBEAT_MS = 15_000;
/**
 * A follower whose socket holds this many unsent bytes is too slow: its stream ends, and its
 * EventSource reconnects from the last id it read.
 */
export const MAX_BUFFERED = 1024 * 1024;

/**
 * The `seq` to follow after: `Last-Event-ID` (an EventSource reconnecting: `<run>:<seq>`, from
 * the start when `run` is another run's), else `?after`, else the newest.
 */
function startOf(req: Request, newest: number, run: string): number {
  const lastId = req.headers['last-event-id'];
  const tagged = typeof lastId === 'string' ? /^([0-9a-f]{8}):(\d+)$/.exec(lastId) : null;
  if (tagged) return tagged[1] === run ? checkedSeq(tagged[2]) : 0;
  return checkedSeq(lastId ?? (req.query as Record<string, unknown>)['after'], newest);
}

/** `raw` as a journal seq (`fallback` when absent), or a 400 naming `after`. */
function checkedSeq(raw: unknown, fallback = 0): number {
  if (raw === undefined) return fallback;
  // Checked here, not by the follow, which would refuse it only once the stream has begun.
  const seq = typeof raw === 'string' && /^\d{1,16}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(seq)) {
    throw badField('after', 'a journal seq (an integer of 0 or more)');
  }
  return seq;
}

/** Whether the client takes an event stream (EventSource always says so). */
const acceptsEvents = (req: Request) => /\btext\/event-stream\b/.test(req.headers.accept ?? '');

/**
 * `GET /requests/events?after=<seq>`: the request journal as server-sent events, one `request`
 * event (`id` = its seq, `data` = the entry as `GET /requests` lists it) for every entry after
 * `after` already kept, then for every new one as it is recorded. Needs `Accept:
 * text/event-stream` (406 `not_acceptable` otherwise); at most {@link MAX_SUBSCRIBERS} at once.
 */
export function journalEventsControl(ctx: Context, api: ControlApi): Router {
  const router = Router();
  let subscribers = 0;

  router.get('/requests/events', (req, res: Response) => {
    if (!acceptsEvents(req)) {
      throw new ControlError(
        406,
        'not_acceptable',
        'this is an event stream: send Accept: text/event-stream (EventSource does)',
      );
    }
    const after = startOf(req, ctx.journal.lastSeq, ctx.journal.run);
    if (subscribers >= MAX_SUBSCRIBERS) {
      throw new ControlError(
        503,
        'too_many_subscribers',
        `at most ${MAX_SUBSCRIBERS} clients may follow the journal at once`,
      );
    }
    subscribers++;
    res.status(200).set({
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.flushHeaders();
    res.write('retry: 1000\n\n');

    const stop = new AbortController();
    /** Writes `text`; false once the stream is over (gone, or ended as too slow a reader). */
    const write = (text: string): boolean => {
      if (stop.signal.aborted) return false;
      res.write(text);
      if (res.writableLength <= MAX_BUFFERED) return true;
      // Its EventSource reconnects, resuming from the last id it read.
      stop.abort();
      res.end();
      return false;
    };
    const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    res.on('close', () => {
      stop.abort();
      subscribers--;
      clearInterval(heartbeat);
    });
    const follow = async () => {
      for await (const entry of api.journal.follow({ after, signal: stop.signal })) {
        const id = `${ctx.journal.run}:${entry.seq}`;
        if (!write(`id: ${id}\nevent: request\ndata: ${JSON.stringify(entry)}\n\n`)) break;
      }
    };
    follow().catch((err: unknown) =>
      res.destroy(err instanceof Error ? err : new Error(String(err))),
    );
  });

  return router;
}
