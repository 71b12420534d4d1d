import { fromBase64, utf8Decode } from './bytes';

/**
 * The JSON payload of a JWT, without any signature or expiry check (what jwt-decode did for the
 * legacy SDK). Returns `undefined` when the token is not a readable JWT.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const segment = token.split('.')[1];
  if (segment === undefined) return undefined;
  try {
    const payload: unknown = JSON.parse(utf8Decode(fromBase64(segment)));
    return typeof payload === 'object' && payload !== null
      ? (payload as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The user id a token names: `sub`, else `data.id` (GenAuth's legacy claim). */
export function userIdFromToken(token: string): string | undefined {
  const payload = decodeJwtPayload(token);
  if (!payload) return undefined;
  const data = payload['data'] as { id?: unknown } | undefined;
  const id = payload['sub'] ?? data?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
