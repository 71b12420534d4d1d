import { isGenAuthError, type GenAuthError } from '../../src/node';

/** Awaits `promise`, expecting it to reject with a `GenAuthError`, and returns that error. */
export async function failure(promise: Promise<unknown>): Promise<GenAuthError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isGenAuthError(error)) throw new Error(`expected a GenAuthError, got ${String(error)}`);
  return error;
}
