import type { Response } from 'express';

/**
 * The console's policy: its own scripts, styles and API only; no inline script or style, no
 * plugins, no framing, no form posts elsewhere.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** A year: hashed asset names change with their content. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Sets the headers of every console answer; `hashed` assets may be cached for good. */
export function consoleHeaders(res: Response, hashed: boolean): void {
  res.set({
    'content-security-policy': CONSOLE_CSP,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': hashed ? IMMUTABLE : 'no-cache',
  });
}
