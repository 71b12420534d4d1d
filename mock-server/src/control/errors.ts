import type { ErrorRequestHandler } from 'express';

import { ControlError } from './error';

export { ControlError, badField } from './error';

/**
 * Renders {@link ControlError}s and body-parser failures (malformed JSON, oversized bodies) as
 * `{error, message}`; anything else is passed on (a bug, answered by the server's last resort).
 */
export const controlErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  if (err instanceof ControlError) {
    res.status(err.status).json({ error: err.error, message: err.message });
    return;
  }
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    res.status(400).json({ error: 'invalid_json', message: 'request body is not valid JSON' });
    return;
  }
  if (type === 'entity.too.large') {
    res.status(413).json({ error: 'body_too_large', message: 'request body is too large' });
    return;
  }
  if (typeof type === 'string' && type.startsWith('encoding.')) {
    res.status(400).json({ error: 'invalid_body', message: 'request body cannot be decoded' });
    return;
  }
  next(err);
};
