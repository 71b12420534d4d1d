import { asBodyError, type BodyError } from '../http/body';
import { GenauthError, MESSAGES } from './errors';

/** The GenAuth code of a body that could not be read: oversized → 2511, anything else → 2512. */
export const bodyErrorCode = (err: BodyError): 2511 | 2512 =>
  err.fault === 'too_large' ? 2511 : 2512;

/** The `{code, message, data}` of a body that could not be read: 2511 / 2512 with `data.reason`. */
export function bodyErrorBody(err: BodyError): {
  code: 2511 | 2512;
  message: string;
  data: { reason: string };
} {
  const code = bodyErrorCode(err);
  return { code, message: MESSAGES[code], data: { reason: err.message } };
}

/**
 * The `{code, message, data}` object of any error on a GenAuth route: a {@link GenauthError} as
 * it is, a body that could not be read as 2511 / 2512 with `data.reason`, anything else (a bug,
 * logged) as 1000.
 */
export function genauthErrorBody(
  err: unknown,
  log: (line: string) => void,
  where: string,
): { code: number; message: string; data: unknown } {
  if (err instanceof GenauthError) return err.toJSON();
  const body = asBodyError(err);
  if (body) return bodyErrorBody(body);
  log(`[genauth] ${where} failed: ${String((err as Error)?.stack ?? err)}`);
  return { code: 1000, message: MESSAGES[1000], data: null };
}
