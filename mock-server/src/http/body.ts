import express, { type RequestHandler } from 'express';

/**
 * Why a request body could not be read: over the limit (also once decompressed), not JSON, a
 * charset or `Content-Encoding` the mock does not read, compressed bytes that do not decompress,
 * fewer or more bytes than `Content-Length`, a client that went away, or anything else the body
 * parser refused (a malformed `Content-Type`).
 */
export type BodyFault =
  | 'too_large'
  | 'invalid_json'
  | 'charset'
  | 'encoding'
  | 'corrupt'
  | 'truncated'
  | 'aborted'
  | 'unreadable';

const REASONS: Record<BodyFault, (named: string) => string> = {
  too_large: () => 'request body is too large',
  invalid_json: () => 'request body is not valid JSON',
  charset: (charset) => `request body charset ${charset}is not supported (UTF-8, UTF-16 or UTF-32)`,
  encoding: (encoding) =>
    `request body Content-Encoding ${encoding}is not supported (gzip, deflate, br or identity)`,
  corrupt: () => 'request body does not decompress as its Content-Encoding says',
  truncated: () => 'request body does not match its Content-Length',
  aborted: () => 'request was aborted before its body was read',
  unreadable: () => 'request body cannot be read',
};

/** The charset or encoding body-parser names in its error, quoted, or ''. */
function namedIn(err: unknown): string {
  const { charset, encoding } = (err ?? {}) as { charset?: unknown; encoding?: unknown };
  const named = typeof charset === 'string' ? charset : encoding;
  return typeof named === 'string' ? `${JSON.stringify(named.slice(0, 40))} ` : '';
}

/** body-parser's (raw-body's) error types, by fault. */
const FAULT_OF_TYPE: Readonly<Record<string, BodyFault>> = {
  'entity.too.large': 'too_large',
  'entity.parse.failed': 'invalid_json',
  'charset.unsupported': 'charset',
  'encoding.unsupported': 'encoding',
  'request.size.invalid': 'truncated',
  'request.aborted': 'aborted',
};

/** zlib (`Z_DATA_ERROR`, `Z_BUF_ERROR`, …) and brotli (`ERR__ERROR_…`) decoder failures. */
const isDecoderCode = (code: unknown) =>
  typeof code === 'string' && (code.startsWith('Z_') || code.startsWith('ERR__'));

/**
 * A body the mock could not read. The body readers of this module pass every failure on as one
 * of these, so each wire format's error renderer maps {@link BodyError.fault} to its own answer.
 */
export class BodyError extends Error {
  override readonly name = 'BodyError';
  constructor(
    /** What went wrong. */
    readonly fault: BodyFault,
    /** What the body parser threw. */
    override readonly cause: unknown,
  ) {
    super(REASONS[fault](namedIn(cause)));
  }
}

/** The fault of a body-parser, raw-body or zlib error, if `err` is one. */
function faultOf(err: unknown): BodyFault | undefined {
  const { type, code } = (err ?? {}) as { type?: unknown; code?: unknown };
  if (typeof type === 'string' && Object.hasOwn(FAULT_OF_TYPE, type)) return FAULT_OF_TYPE[type];
  return isDecoderCode(code) ? 'corrupt' : undefined;
}

/** `err` (a body-parser, raw-body or zlib error, or anything a parser threw) as a {@link BodyError}. */
export function toBodyError(err: unknown): BodyError {
  if (err instanceof BodyError) return err;
  return new BodyError(faultOf(err) ?? 'unreadable', err);
}

/**
 * `err` as a {@link BodyError} when it is one or a body-parser failure passed on as it is (by a
 * parser that does not go through this module); otherwise `undefined`.
 */
export function asBodyError(err: unknown): BodyError | undefined {
  if (err instanceof BodyError) return err;
  const fault = faultOf(err);
  return fault === undefined ? undefined : new BodyError(fault, err);
}

/**
 * Runs a body parser so that whatever it fails with, thrown or passed on (a malformed
 * `Content-Type` throws before any byte is read), reaches `next` as a {@link BodyError}. An error
 * thrown after the parser handed over to `next` is not the parser's and propagates as it is.
 */
function guarded(parser: RequestHandler): RequestHandler {
  return (req, res, next) => {
    let handedOver = false;
    try {
      void parser(req, res, (err?: unknown) => {
        handedOver = true;
        if (err == null) next();
        else next(toBodyError(err));
      });
    } catch (err) {
      if (handedOver) throw err;
      next(toBodyError(err));
    }
  };
}

/**
 * Reads a JSON body of any `Content-Type`, gzip, deflate or br encoded or not, at most `limit`
 * bytes once decompressed (so a small bomb is `too_large` as soon as it expands past the limit).
 * `strict` accepts only objects and arrays at the top. Failures reach `next` as {@link BodyError}s.
 */
export function readJson(limit: number, strict = true): RequestHandler {
  return guarded(express.json({ type: () => true, limit, strict, inflate: true }));
}

/**
 * Reads the raw bytes of a body of any `Content-Type` into `req.body` (a Buffer), decompressed
 * and capped at `limit` bytes like {@link readJson}. Failures reach `next` as {@link BodyError}s.
 */
export function readRaw(limit: number): RequestHandler {
  return guarded(express.raw({ type: () => true, limit, inflate: true }));
}
