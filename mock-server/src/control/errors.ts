import type { ErrorRequestHandler, RequestHandler } from 'express';

import { asBodyError, type BodyError, type BodyFault } from '../http/body';
import { ControlError } from './error';

export { ControlError, badField } from './error';

/** The status and `error` of each way a body can fail to be read. */
const BODY_ERRORS: Record<BodyFault, [status: number, error: string]> = {
  too_large: [413, 'body_too_large'],
  invalid_json: [400, 'invalid_json'],
  charset: [415, 'unsupported_charset'],
  encoding: [415, 'unsupported_encoding'],
  corrupt: [400, 'invalid_body'],
  truncated: [400, 'invalid_body'],
  aborted: [400, 'invalid_body'],
  unreadable: [400, 'invalid_body'],
};

/** A body the control surface could not read, as the {@link ControlError} it answers. */
export function bodyControlError(err: BodyError): ControlError {
  const [status, error] = BODY_ERRORS[err.fault];
  return new ControlError(status, error, err.message);
}

/**
 * The control surface's one error renderer, mounted once at the end of its router (and used by
 * its guard): {@link ControlError}s and bodies that could not be read (400 `invalid_json` /
 * `invalid_body`, 413 `body_too_large`, 415 `unsupported_charset` / `unsupported_encoding`) as
 * `{error, message}`. Anything else is a bug and goes on to the server's last resort, which logs
 * it and answers 500 `{error: "internal", message}`.
 */
export const controlErrors: ErrorRequestHandler = (err: unknown, _req, res, next) => {
  const body = asBodyError(err);
  const known = body ? bodyControlError(body) : err;
  if (!(known instanceof ControlError) || res.headersSent) {
    next(err);
    return;
  }
  res.status(known.status).json({ error: known.error, message: known.message });
};

/** A method or path under `/__mock/v1` that no control route serves: 404 `not_found`. */
export const controlNotFound: RequestHandler = (req, res) => {
  const path = req.baseUrl + req.path;
  res.status(404).json({
    error: 'not_found',
    message: `No route for ${req.method} ${path}`,
    path,
  });
};
