import type { Response } from 'express';

/** Answers 302 to `uri` with `params` added to its query (unset values left out). */
export function redirectTo(
  res: Response,
  uri: string,
  params: Record<string, string | null | undefined>,
): void {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  res.statusCode = 302;
  res.setHeader('Location', url.href);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', 0);
  res.end();
}
