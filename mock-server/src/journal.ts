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
  /** The parsed body (JSON or form fields) when the route parsed one. */
  body: unknown;
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
  /** The app's query parser (`query parser fn`); none means an empty query, as in Express. */
  parseQuery: ((search: string) => unknown) | undefined;
  headers: IncomingHttpHeaders;
  body: unknown;
  status: number;
}

function isRaw(e: JournalEntry | RawJournalEntry): e is RawJournalEntry {
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
    query: e.parseQuery ? { ...(e.parseQuery(e.search) as Record<string, unknown>) } : {},
    headers,
    body: e.body,
    status: e.status,
  };
}

/** A bounded log of the requests the mock answered (the control surface is not recorded). */
export class Journal {
  readonly #entries: (JournalEntry | RawJournalEntry)[] = [];
  #seq = 0;

  constructor(readonly limit = 1000) {}

  record(entry: Omit<JournalEntry, 'seq'>): void {
    this.#push({ seq: ++this.#seq, ...entry });
  }

  /** Records a request from the fields the middleware holds (see {@link RawJournalEntry}). */
  recordRaw(entry: Omit<RawJournalEntry, 'seq'>): void {
    (entry as RawJournalEntry).seq = ++this.#seq;
    this.#push(entry as RawJournalEntry);
  }

  #push(entry: JournalEntry | RawJournalEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.limit) this.#entries.shift();
  }

  list(filter: { path?: string; method?: string } = {}): JournalEntry[] {
    const method = filter.method?.toUpperCase();
    const out: JournalEntry[] = [];
    const entries = this.#entries;
    for (let i = 0; i < entries.length; i++) {
      let e = entries[i] as JournalEntry | RawJournalEntry;
      if (filter.path !== undefined && e.path !== filter.path) continue;
      if (method !== undefined && e.method !== method) continue;
      // Materialised once; later listings reuse the entry.
      if (isRaw(e)) entries[i] = e = materialise(e);
      out.push(e);
    }
    return out;
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

/** Records every non-control request when its response finishes. */
export function journalMiddleware(journal: Journal, now: () => number): RequestHandler {
  return (req, res, next) => {
    const path = req.path;
    if (path.startsWith('/__mock/')) {
      next();
      return;
    }
    const at = now();
    // Express parses `req.query` with this function on every access; the journal defers it.
    const parseQuery = req.app.get('query parser fn') as ((search: string) => unknown) | undefined;
    const url = req.originalUrl;
    const q = url.indexOf('?');
    res.on('finish', () => {
      journal.recordRaw({
        at,
        method: req.method,
        path,
        search: q === -1 ? '' : url.slice(q + 1),
        parseQuery,
        headers: req.headers,
        body: (req as { body?: unknown }).body,
        status: res.statusCode,
      });
    });
    next();
  };
}
