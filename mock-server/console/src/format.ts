/** How the console writes instants and durations of the mock clock. */

/** An instant as `2024-01-01 00:05:00 UTC`. */
export function instant(ms: number): string {
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 19)} UTC`;
}

/** A duration as `4m 59s`, `3h 2m`, `2d 5h`. */
export function duration(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
  return `${Math.floor(s / 86_400)}d ${Math.floor((s % 86_400) / 3600)}h`;
}

/** `at` from `now`'s point of view: `in 4m 59s` or `3m 0s ago`. */
export function relative(at: number, now: number): string {
  return at >= now ? `in ${duration(at - now)}` : `${duration(now - at)} ago`;
}

/** Pretty JSON. */
export const pretty = (value: unknown): string => JSON.stringify(value, null, 2);
