import type { ErrorRequestHandler, RequestHandler } from 'express';

/** Unknown paths: a 404 that names the method and path. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({
    error: 'not_found',
    message: `No route for ${req.method} ${req.path}`,
    path: req.path,
  });
};

/**
 * Last line of defence: any error no app rendered becomes a 500 with a generic body and a log
 * line. Apps render their own wire formats, so reaching this is a bug in the mock.
 */
export function lastResort(log: (line: string) => void): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    log(`unhandled error on ${req.method} ${req.path}: ${String((err as Error)?.stack ?? err)}`);
    if (res.headersSent) return;
    res.status(500).json({ error: 'internal', message: 'mock server error' });
  };
}
