/**
 * Checking against an OpenAPI 3.1 document with Ajv (JSON Schema 2020-12, strict): `$ref`s,
 * the schemas of its operations' parameters, bodies and answers, and a raw HTTP client that
 * can send what supertest cannot (any `Host`, a false `Content-Length`).
 */
import { request as httpRequest, type ClientRequest, type IncomingHttpHeaders } from 'node:http';

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';

type Json = Record<string, unknown>;

/** The value at JSON pointer `ref` (`#/a/b~1c`) of `doc`, or undefined. */
export function resolvePointer(doc: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const parts = ref
    .slice(1)
    .split('/')
    .slice(1)
    .map((p) => decodeURIComponent(p).replace(/~1/g, '/').replace(/~0/g, '~'));
  let at: unknown = doc;
  for (const part of parts) {
    if (at === null || typeof at !== 'object' || !Object.hasOwn(at, part)) return undefined;
    at = (at as Json)[part];
  }
  return at;
}

/** Every `$ref` of `value`, with where it is. */
export function refsOf(value: unknown, at = '#'): { at: string; ref: string }[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsOf(v, `${at}/${k}`),
  );
}

/** `value`, or the object its `$ref` points to in `doc`. */
export function deref(doc: unknown, value: unknown): Json {
  const ref = (value as Json | undefined)?.['$ref'];
  return (typeof ref === 'string' ? resolvePointer(doc, ref) : value) as Json;
}

const COMPONENTS = 'components';
const inAjv = (schema: unknown): unknown =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${COMPONENTS}#/$defs/`));

/** Validators of a document's schemas, its component schemas resolved, each compiled once. */
export class SchemaChecker {
  // `required` in a branch of `oneOf` names properties of the parent schema: not a mistake.
  readonly ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    allErrors: true,
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(components: Json) {
    this.ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
    this.ajv.addSchema({ $id: COMPONENTS, $defs: inAjv(components) as Json });
  }

  /** A validator of `schema` (strict: an unknown keyword or a bad schema throws). */
  validator(schema: unknown): ValidateFunction {
    const key = JSON.stringify(schema);
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(inAjv(schema) as Json);
      this.compiled.set(key, fn);
    }
    return fn;
  }

  /** The errors of `value` against `schema`, as readable lines (none: it is valid). */
  errors(schema: unknown, value: unknown): string[] {
    const fn = this.validator(schema);
    if (fn(value)) return [];
    return (fn.errors ?? []).map(
      (e: ErrorObject) =>
        `${e.instancePath || '(root)'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
    );
  }
}

/** An answer as it came. */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** What {@link send} sends. */
export interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Sends `body` and then spaces up to this many bytes in all, a MiB at a time. */
  padTo?: number;
  /** A stream: resolve (and hang up) once the body read so far satisfies it. */
  until?: (text: string) => boolean;
}

const FILLER = Buffer.alloc(1024 * 1024, ' ');

/** Writes `body`, then filler up to `padTo` bytes, waiting whenever the socket is full. */
async function writeBody(out: ClientRequest, body: Buffer | undefined, padTo: number | undefined) {
  if (body) out.write(body);
  let left = (padTo ?? 0) - (body?.length ?? 0);
  while (left > 0 && !out.destroyed) {
    const chunk = left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
    left -= chunk.length;
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  out.end();
}

/**
 * One request over a fresh connection to `base`; its answer once it ends (or, with `until`,
 * once a 200 stream has said enough).
 */
export function send(base: string, req: RawRequest): Promise<Answer> {
  const url = new URL(req.path, base);
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const length = req.padTo ?? body?.length;
  const headers: Record<string, string> = {
    connection: 'close',
    ...(length === undefined ? {} : { 'content-length': String(length) }),
    ...req.headers,
  };
  return new Promise((resolve, reject) => {
    const out = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: req.method,
        headers,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        const answer = () => ({ status: res.statusCode ?? 0, headers: res.headers, text });
        res.on('data', (d: string) => {
          text += d;
          if (req.until?.(text) === true && res.statusCode === 200) {
            resolve(answer());
            out.destroy();
          }
        });
        res.on('end', () => resolve(answer()));
        res.on('error', reject);
      },
    );
    // A hang-up of ours (`until`) after the answer is not an error.
    out.on('error', (err) => (req.until ? undefined : reject(err)));
    writeBody(out, body, req.padTo).catch(reject);
  });
}
