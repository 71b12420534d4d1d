/**
 * The log of unimplemented operations (once per operation name) and, under the `strict` option,
 * of unknown routes (one line per request) with their count.
 */
import type { Context } from '../context';
import type { ResolvedOptions } from '../options';
import type { WireFormat } from './table';

/** Unknown requests seen under `strict`: the total and the count per wire format. */
export interface UnknownRouteCounts {
  total: number;
  byFormat: Partial<Record<WireFormat, number>>;
}

interface Book {
  logged: Set<string>;
  unknown: UnknownRouteCounts;
}

// Keyed by the resolved options: one book per mock, kept across `reset`.
const books = new WeakMap<ResolvedOptions, Book>();

function bookOf(ctx: Context): Book {
  let book = books.get(ctx.options);
  if (!book)
    books.set(ctx.options, (book = { logged: new Set(), unknown: { total: 0, byFormat: {} } }));
  return book;
}

/** Logs a 501 through `options.log`, the first time each operation (of a format) is asked for. */
export function logUnimplemented(
  ctx: Context,
  format: WireFormat,
  operation: string,
  req: { method: string; path: string },
): void {
  const book = bookOf(ctx);
  const key = `${format} ${operation}`;
  if (book.logged.has(key)) return;
  book.logged.add(key);
  ctx.options.log(
    `[mock] ${operation} is not implemented by the mock (${format}, first asked by ${req.method} ${req.path}): answered 501`,
  );
}

/** Under `strict`, counts and logs (one line) a request no route of `format` knows. */
export function recordUnknown(
  ctx: Context,
  format: WireFormat,
  method: string,
  path: string,
): void {
  if (!ctx.options.strict) return;
  const { unknown } = bookOf(ctx);
  unknown.total += 1;
  unknown.byFormat[format] = (unknown.byFormat[format] ?? 0) + 1;
  ctx.options.log(`[mock strict] UNKNOWN ROUTE ${method} ${path} (${format}): no route serves it`);
}

/** The unknown requests counted so far under `strict` (zeros without it). */
export function unknownRouteCounts(ctx: Context): UnknownRouteCounts {
  const { unknown } = bookOf(ctx);
  return { total: unknown.total, byFormat: { ...unknown.byFormat } };
}
