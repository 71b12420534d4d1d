import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

import type { RequestHandler } from 'express';

/** One request as the mock received it. */
export interface JournalEntry {
  seq: number;
  at: number;
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  /**
   * The parsed body (JSON or form fields) when the route parsed one. A body over the journal's
   * per-entry limit is kept as the start of its JSON text, with `bodyTruncated` and `bodyBytes`.
   */
  body: unknown;
  /** Present (true) when `body` holds only the start of the body's JSON text. */
  bodyTruncated?: true;
  /** Byte length of the whole body's JSON text, when truncated. */
  bodyBytes?: number;
  status: number;
}

/**
 * A request as the middleware keeps it: the fields Node and Express already hold, by reference.
 * The query string is parsed and the headers flattened only when the entry is listed, which keeps
 * the journal off the cost of every request.
 */
export interface RawJournalEntry {
  seq: number;
  at: number;
  method: string;
  path: string;
  /** The text after `?` in the request URL ('' without one). */
  search: string;
  /** The query parser the app is configured with (see {@link journalMiddleware}). */
  parseQuery: QueryParser;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Declared body size (`content-length`), when known. */
  contentLength?: number;
  bodyTruncated?: true;
  bodyBytes?: number;
  status: number;
}

/** A query-string parser: the text after `?` → its fields. */
export type QueryParser = (search: string) => Record<string, unknown>;

type Entry = JournalEntry | RawJournalEntry;

function isRaw(e: Entry): e is RawJournalEntry {
  return 'search' in e;
}

function materialise(e: RawJournalEntry): JournalEntry {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.headers)) {
    if (typeof v === 'string') headers[k] = v;
    else if (Array.isArray(v)) headers[k] = v.join(', ');
  }
  return {
    seq: e.seq,
    at: e.at,
    method: e.method,
    path: e.path,
    query: e.search === '' ? {} : { ...e.parseQuery(e.search) },
    headers,
    body: e.body,
    ...(e.bodyTruncated && { bodyTruncated: true as const, bodyBytes: e.bodyBytes }),
    status: e.status,
  };
}

/** What one entry costs besides its body (headers, path, bookkeeping), roughly. */
const ENTRY_OVERHEAD = 1024;

/** Limits of a {@link Journal}. */
export interface JournalLimits {
  /** Entries kept (oldest dropped first). @default 1000 */
  entries?: number;
  /** Total bytes kept, bodies plus a per-entry overhead. @default 8 MiB */
  bytes?: number;
  /** Largest body kept whole; a larger one is truncated to this many characters. @default 16 KiB */
  bodyBytes?: number;
}

/**
 * A bounded log of the requests the mock answered (the control surface is not recorded): a ring
 * buffer capped in entries and in bytes, so recording costs O(1) however full it is.
 */
export class Journal {
  /**
   * Names this journal among those of other runs (a restarted mock numbers its entries from 1
   * again), so an event-stream id `<run>:<seq>` is never mistaken for one of another run.
   */
  readonly run = randomBytes(4).toString('hex');
  readonly limit: number;
  readonly maxBytes: number;
  readonly bodyLimit: number;
  #ring: (Entry | undefined)[];
  #cost: number[];
  #head = 0;
  #count = 0;
  #bytes = 0;
  #seq = 0;
  #listeners = new Set<() => void>();

  constructor(limits: JournalLimits | number = {}) {
    const l = typeof limits === 'number' ? { entries: limits } : limits;
    this.limit = l.entries ?? 1000;
    this.maxBytes = l.bytes ?? 8 * 1024 * 1024;
    this.bodyLimit = l.bodyBytes ?? 16 * 1024;
    this.#ring = new Array<Entry | undefined>(this.limit);
    this.#cost = new Array<number>(this.limit).fill(0);
  }

  /** Entries held now. */
  get size(): number {
    return this.#count;
  }

  /** Bytes held now (bodies plus the per-entry overhead). */
  get bytes(): number {
    return this.#bytes;
  }

  /** `seq` of the newest entry recorded so far (0 before the first; a clear keeps it). */
  get lastSeq(): number {
    return this.#seq;
  }

  /** Calls `listener` after every entry is recorded; returns what unsubscribes it. */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  record(entry: Omit<JournalEntry, 'seq'>): void {
    const e = { seq: ++this.#seq, ...entry };
    this.#push(e, this.#bound(e));
    this.#notify();
  }

  /** Records a request from the fields the middleware holds (see {@link RawJournalEntry}). */
  recordRaw(entry: Omit<RawJournalEntry, 'seq'>): void {
    const e = entry as RawJournalEntry;
    e.seq = ++this.#seq;
    this.#push(e, this.#bound(e));
    this.#notify();
  }

  #notify(): void {
    if (this.#listeners.size === 0) return;
    for (const listener of this.#listeners) listener();
  }

  /** Truncates an oversized body in place; returns the entry's cost in bytes. */
  #bound(e: Entry & { contentLength?: number }): number {
    const body = e.body;
    if (body === undefined || body === null) return ENTRY_OVERHEAD;
    if (typeof body !== 'object' && typeof body !== 'string') return ENTRY_OVERHEAD;
    const declared = e.contentLength;
    if (declared !== undefined && declared <= this.bodyLimit) return ENTRY_OVERHEAD + declared;
    let text: string;
    try {
      text = typeof body === 'string' ? body : (JSON.stringify(body) ?? '');
    } catch {
      text = '';
    }
    const bytes = Buffer.byteLength(text);
    if (bytes <= this.bodyLimit) return ENTRY_OVERHEAD + bytes;
    e.body = text.slice(0, this.bodyLimit);
    e.bodyTruncated = true;
    e.bodyBytes = bytes;
    return ENTRY_OVERHEAD + this.bodyLimit;
  }

  #push(entry: Entry, cost: number): void {
    while (this.#count > 0 && (this.#count >= this.limit || this.#bytes + cost > this.maxBytes))
      this.#dropOldest();
    const slot = (this.#head + this.#count) % this.limit;
    this.#ring[slot] = entry;
    this.#cost[slot] = cost;
    this.#bytes += cost;
    this.#count++;
  }

  #dropOldest(): void {
    this.#bytes -= this.#cost[this.#head] as number;
    this.#ring[this.#head] = undefined;
    this.#head = (this.#head + 1) % this.limit;
    this.#count--;
  }

  list(filter: { path?: string; method?: string } = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    const out: JournalEntry[] = [];
    for (let n = 0; n < this.#count; n++) {
      const slot = (this.#head + n) % this.limit;
      let e = this.#ring[slot] as Entry;
      if (filter.path !== undefined && e.path !== filter.path) continue;
      if (method !== undefined && e.method !== method) continue;
      // Materialised once; later listings reuse the entry.
      if (isRaw(e)) this.#ring[slot] = e = materialise(e);
      out.push(e);
    }
    return out;
  }

  /** The entries after `seq`, oldest first, found from the newest end: O(entries returned). */
  since(seq: number): JournalEntry[] {
    let from = this.#count;
    while (from > 0 && (this.#ring[(this.#head + from - 1) % this.limit] as Entry).seq > seq)
      from--;
    const out: JournalEntry[] = [];
    for (let n = from; n < this.#count; n++) {
      const slot = (this.#head + n) % this.limit;
      let e = this.#ring[slot] as Entry;
      if (isRaw(e)) this.#ring[slot] = e = materialise(e);
      out.push(e);
    }
    return out;
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#head = 0;
    this.#count = 0;
    this.#bytes = 0;
  }
}

/**
 * Whether `path` is under `/__mock/`, in any case: Express routes paths case-insensitively, so
 * `/__MOCK/V1/…` reaches the control surface too.
 */
export function isControlPath(path: string): boolean {
  return path.charCodeAt(1) === 95 && path.slice(0, 8).toLowerCase() === '/__mock/';
}

/**
 * Records every non-control request when its response finishes. `parseQuery` is the parser the
 * app gives `req.query` (`app.set('query parser', parseQuery)`): the journal keeps the raw query
 * string and parses it with the same function only when an entry is listed.
 */
export function journalMiddleware(
  journal: Journal,
  now: () => number,
  parseQuery: QueryParser,
): RequestHandler {
  return (req, res, next) => {
    const path = req.path;
    // The control surface (it may carry its admin token) is never journalled.
    if (isControlPath(path)) {
      next();
      return;
    }
    const at = now();
    const url = req.originalUrl;
    const q = url.indexOf('?');
    // A compressed body's declared length says nothing of the size it is read to.
    const encoding = req.headers['content-encoding'];
    const length =
      encoding === undefined || encoding === 'identity' ? req.headers['content-length'] : undefined;
    res.on('finish', () => {
      journal.recordRaw({
        at,
        method: req.method,
        path,
        search: q === -1 ? '' : url.slice(q + 1),
        parseQuery,
        headers: req.headers,
        body: (req as { body?: unknown }).body,
        ...(length !== undefined && { contentLength: Number(length) }),
        status: res.statusCode,
      });
    });
    next();
  };
}
