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

/** A bounded log of the requests the mock answered (the control surface is not recorded). */
export class Journal {
  readonly #entries: JournalEntry[] = [];
  #seq = 0;

  constructor(readonly limit = 1000) {}

  record(entry: Omit<JournalEntry, 'seq'>): void {
    this.#entries.push({ seq: ++this.#seq, ...entry });
    if (this.#entries.length > this.limit) this.#entries.shift();
  }

  list(filter: { path?: string; method?: string } = {}): JournalEntry[] {
    return this.#entries.filter(
      (e) =>
        (filter.path === undefined || e.path === filter.path) &&
        (filter.method === undefined || e.method === filter.method.toUpperCase()),
    );
  }

  clear(): void {
    this.#entries.length = 0;
  }
}

/** Records every non-control request when its response finishes. */
export function journalMiddleware(journal: Journal, now: () => number): RequestHandler {
  return (req, res, next) => {
    if (req.path.startsWith('/__mock/')) {
      next();
      return;
    }
    const at = now();
    res.on('finish', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === 'string') headers[k] = v;
        else if (Array.isArray(v)) headers[k] = v.join(', ');
      }
      journal.record({
        at,
        method: req.method,
        path: req.path,
        query: { ...(req.query as Record<string, unknown>) },
        headers,
        body: (req as { body?: unknown }).body,
        status: res.statusCode,
      });
    });
    next();
  };
}
