import type { Request, RequestHandler, Response } from 'express';

import type { Timers } from '../../timers';
import { faultDelay } from '../faults';

/**
 * Wraps a WeChat route handler: an error it throws goes to the router's error renderer, at once
 * or, for a fault with a delay, once the fault's `delayMs` have passed on `timers` (a held
 * answer never keeps the process alive).
 */
export function held(
  timers: Timers,
  handler: (req: Request, res: Response) => void,
): RequestHandler {
  return (req, res, next) => {
    try {
      handler(req, res);
    } catch (err) {
      const delayMs = faultDelay(err);
      if (delayMs === 0) throw err;
      const timer = timers.setTimeout(() => {
        if (!res.writableEnded) next(err);
      }, delayMs);
      (timer as { unref?: () => void } | undefined)?.unref?.();
    }
  };
}
