/** Query-string values of the control routes, handed to the API to check. */

/**
 * `query[name]` for the API to check: digits become a number, anything else is passed on as it
 * is, so the API refuses it naming the field.
 */
export function numberParam(query: Record<string, unknown>, name: string): number | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  return (typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value) as number;
}

/** `query[name]` when present, for the API to check (an array or object is refused there). */
export function stringParam(query: Record<string, unknown>, name: string): string | undefined {
  return query[name] as string | undefined;
}
