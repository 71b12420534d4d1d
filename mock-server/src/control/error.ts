/**
 * A control failure: what `mock.control` throws and what a {@link ControlClient} rejects with.
 * Over HTTP it is the status and the `{error, message}` body of the answer.
 *
 * @example
 * try { mock.control.wechat.login({ appid: 'wx0000000000000000' }) }
 * catch (e) { if (e instanceof ControlError && e.error === 'unknown_app') … }
 */
export class ControlError extends Error {
  override readonly name = 'ControlError';
  constructor(
    /** HTTP status: 400 bad field, 404 unknown app/user, 409 conflict, 413 body too large. */
    readonly status: number,
    /** Machine-readable code, e.g. `invalid_field`, `unknown_app`, `unknown_user`, `no_phone`. */
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
