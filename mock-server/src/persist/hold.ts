/**
 * Holds each answer of a request that may have written until a commit that began after its
 * handler finished is durable: the first bytes it sends (`write`, `end` or `flushHeaders`) wait,
 * then go out in order. Known read-only requests and event streams go out at once. Every answer records the
 * clock's high-water mark just before it leaves.
 */
import type { Request, RequestHandler, Response } from 'express';

/** What {@link holdAnswers} needs. */
export interface HoldOptions {
  /** Whether `req` is known to change nothing. */
  readOnly(req: Request): boolean;
  /** Resolves once a snapshot taken after the call is durable. */
  commit(): Promise<void>;
  /** Records the clock as the answer goes out. */
  mark(): void;
  /** Called when a commit failed: the answer is dropped (its connection closed) instead. */
  failed(err: unknown): void;
}

type Method = (...args: unknown[]) => unknown;

const isEventStream = (res: Response): boolean =>
  String(res.getHeader('content-type') ?? '').includes('text/event-stream');

/** The middleware, mounted before any other so that it sees every answer. */
export function holdAnswers(options: HoldOptions): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as Method;
    const marked: Method = (...args) => {
      options.mark();
      return end(...args);
    };
    if (options.readOnly(req)) {
      res.end = marked as Response['end'];
      next();
      return;
    }
    const write = res.write.bind(res) as Method;
    const flushHeaders = res.flushHeaders.bind(res);
    const queue: { call: Method; args: unknown[] }[] = [];
    let held = false;
    const restore = () => {
      res.write = write as Response['write'];
      res.end = marked as Response['end'];
      res.flushHeaders = flushHeaders;
    };
    const release = () => {
      restore();
      if (res.destroyed) return;
      options.mark();
      let wrote = false;
      let ended = false;
      let room = true;
      for (const { call, args } of queue) {
        const result = call(...args);
        if (call === write) [wrote, room] = [true, result !== false];
        if (call === end) ended = true;
      }
      // A writer waiting for `drain` after a held write goes on.
      if (wrote && !ended && room) res.emit('drain');
    };
    /** Starts holding; false when the answer is an event stream, which goes out at once. */
    const hold = (): boolean => {
      if (isEventStream(res)) {
        restore();
        return false;
      }
      held = true;
      options.commit().then(release, (err: unknown) => {
        restore();
        options.failed(err);
        res.destroy();
      });
      return true;
    };
    res.write = ((...args: unknown[]) => {
      if (!held && !hold()) return write(...args);
      queue.push({ call: write, args });
      return false;
    }) as Response['write'];
    res.end = ((...args: unknown[]) => {
      if (!held && !hold()) return marked(...args);
      queue.push({ call: end, args });
      return res;
    }) as Response['end'];
    res.flushHeaders = () => {
      if (!held && !hold()) return flushHeaders();
      queue.push({ call: flushHeaders, args: [] });
    };
    next();
  };
}
