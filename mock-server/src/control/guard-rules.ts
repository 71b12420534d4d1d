import { createHash, timingSafeEqual } from 'node:crypto';
import { BlockList, isIP, isIPv4 } from 'node:net';

/** What an admin token must look like (the option, the flag and the env variable). */
export const ADMIN_TOKEN_RULE = '8 to 1024 visible ASCII characters without spaces';

/** What an allowed host must look like. */
export const ALLOWED_HOST_RULE = 'a host name or IP address without scheme or port';

/** What an allowed origin must look like. */
export const ALLOWED_ORIGIN_RULE = 'an origin like http://localhost:5173 (scheme, host, port)';

/**
 * `isIP`, but a value without a colon (no IPv6 address) skips Node's IPv6 pattern, whose first
 * use compiles it: on the start-up path that compile was 7 % of what the mock allocated before
 * its first answer beyond a bare Express hello's allocations (one sampled run).
 */
const ipFamily = (value: string): number =>
  value.includes(':') ? isIP(value) : isIPv4(value) ? 4 : 0;

const NAME = /^[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$/;

/** Whether `value` may be an admin token. */
export function isAdminToken(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{8,1024}$/.test(value);
}

/**
 * A host name or IP address as {@link hostOf} returns it (lower case, no trailing dot, IPv6 in
 * brackets), or `undefined` when `value` is neither.
 */
export function normalizeHostName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const bare = value.startsWith('[') && value.endsWith(']') ? value.slice(1, -1) : value;
  if (ipFamily(bare) === 6) return `[${bare.toLowerCase()}]`;
  if (bare !== value) return undefined;
  const name = value.toLowerCase().replace(/\.$/, '');
  return name.length <= 253 && NAME.test(name) ? name : undefined;
}

/** `value` as an origin (`scheme://host[:port]`, default port dropped), or `undefined`. */
export function normalizeOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  const shaped = /^https?:\/\/[^/?#]+\/?$/i.test(value);
  return bare && shaped && (url.protocol === 'http:' || url.protocol === 'https:')
    ? url.origin
    : undefined;
}

/** The host name of a `Host` header (`name[:port]`, `[v6][:port]`), normalized, or `undefined`. */
export function hostOf(header: string | undefined): string | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::\d{1,5})?$/.exec(header ?? '');
  return match ? normalizeHostName(match[1]) : undefined;
}

/** Whether a normalized host name is an IP address (IPv6 in brackets). */
export function isIpHost(name: string): boolean {
  return ipFamily(name.startsWith('[') ? name.slice(1, -1) : name) !== 0;
}

/** Whether a normalized host name names this machine: `localhost`, `*.localhost`, 127/8, ::1. */
export function isLoopbackName(name: string): boolean {
  return (
    name === 'localhost' ||
    name.endsWith('.localhost') ||
    isLoopbackAddress(name.replace(/^\[|\]$/g, ''))
  );
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Whether a socket address is a loopback one: 127.0.0.0/8, `::1` or `::ffff:127.x.x.x`. */
export function isLoopbackAddress(address: string | undefined): boolean {
  const family = ipFamily(address ?? '');
  return family !== 0 && LOOPBACK.check(address as string, family === 4 ? 'ipv4' : 'ipv6');
}

/** The bearer token of an `Authorization` header, or `undefined`. */
export function bearerOf(header: string | undefined): string | undefined {
  return /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares two tokens in time independent of where (or whether) they differ. */
export function sameToken(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}
