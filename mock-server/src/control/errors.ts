import type { ErrorRequestHandler } from 'express';

/** A control-surface failure, rendered as HTTP `status` with `{error, message}`. */
export class ControlError extends Error {
  override readonly name = 'ControlError';
  constructor(
    readonly status: 400 | 404 | 409 | 413,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

/** 400 naming the field that is missing or of the wrong type. */
export function badField(field: string, expected: string): ControlError {
  return new ControlError(400, 'invalid_field', `"${field}" must be ${expected}`);
}

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
