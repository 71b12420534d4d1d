/**
 * How one control route is written down ({@link OperationSpec}) and how it becomes an OpenAPI
 * operation: its parameters, its JSON body with the errors of reading one, its answers, and the
 * guard's refusals, which every route shares.
 */
import { ref, type JsonSchema } from './schema';

/** A query or path parameter. */
export interface ParameterSpec {
  schema: JsonSchema;
  description?: string;
  /** @default false for a query parameter (a path parameter is always required) */
  required?: boolean;
}

/**
 * An answer: its JSON schema; or that schema with a description (`json`); or server-sent events
 * (`text/event-stream`) whose every `data` line is the JSON of `events` (`x-event-data`).
 */
export type AnswerSpec =
  | JsonSchema
  | { json: JsonSchema; description: string }
  | { events: JsonSchema; description: string };

/**
 * One control route. Its summary is the route's `CONTROL_ROUTES` summary; everything else is
 * here.
 */
export interface OperationSpec {
  /** More than the summary says: what it does, its rules. */
  description?: string;
  query?: Record<string, ParameterSpec>;
  /** For paths with `{name}` segments. */
  path?: Record<string, ParameterSpec>;
  /**
   * The JSON body it reads (any content type, gzip/deflate/br). Giving one documents the errors
   * of reading a body: 400 `invalid_json`/`invalid_body`/`invalid_field` (not an object), 413
   * `body_too_large`, 415 `unsupported_charset`/`unsupported_encoding`.
   */
  body?: {
    schema: JsonSchema;
    /** @default true */
    required?: boolean;
    /** The route's own cap, in bytes (also once decompressed). @default the `bodyLimit` option */
    limit?: number;
  };
  /** The success answers by status (`'200'`, `'201'`), JSON. */
  ok: Record<string, AnswerSpec>;
  /** The `error` codes of each failure status the route answers (besides the body's). */
  fails?: Record<string, readonly string[]>;
  /** The answer is written as it is produced (chunked), not as one piece. */
  streamed?: boolean;
}

/** Routes of one area, keyed `"<METHOD> <path>"` exactly as in `CONTROL_ROUTES`. */
export type OperationTable = Readonly<Record<string, OperationSpec>>;

type Json = Record<string, unknown>;

const BODY_FAILS: Record<string, readonly string[]> = {
  '400': ['invalid_field', 'invalid_json', 'invalid_body'],
  '413': ['body_too_large'],
  '415': ['unsupported_charset', 'unsupported_encoding'],
};

const STATUS_TEXT: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '400': 'A field is missing or wrong (the message names it), or the body could not be read',
  '404': 'Something the request names does not exist',
  '406': 'The client does not take what the route answers',
  '409': 'The state does not allow it',
  '410': 'The cursor points after a user that is gone',
  '413': 'The body is too large (also once decompressed)',
  '415': 'The body is not UTF-8, UTF-16 or UTF-32, or its Content-Encoding is unknown',
  '503': 'Too busy for another one now',
};

/** An error answer whose `error` is one of `codes`. */
function errorAnswer(status: string, codes: readonly string[]): Json {
  return {
    description: `${STATUS_TEXT[status] ?? 'Refused'}: ${codes.map((c) => `\`${c}\``).join(', ')}`,
    content: {
      'application/json': {
        schema: { ...ref('Error'), type: 'object', properties: { error: { enum: codes } } },
      },
    },
  };
}

/** The parts of an {@link AnswerSpec}: its description, and its JSON or its events. */
function partsOf(answer: AnswerSpec): {
  description?: string;
  json?: JsonSchema;
  events?: JsonSchema;
} {
  if (typeof answer['description'] === 'string' && ('json' in answer || 'events' in answer)) {
    return answer as { description: string; json?: JsonSchema; events?: JsonSchema };
  }
  return { json: answer };
}

function successAnswer(status: string, answer: AnswerSpec, streamed: boolean): Json {
  const { description = STATUS_TEXT[status] ?? 'OK', json, events } = partsOf(answer);
  if (events) {
    return {
      description,
      content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': events } },
    };
  }
  return {
    description: streamed ? `${description} (streamed, chunked)` : description,
    content: { 'application/json': { schema: json } },
  };
}

function parameters(where: 'query' | 'path', specs: Record<string, ParameterSpec> = {}): Json[] {
  return Object.entries(specs).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || p.required === true,
    ...(p.description === undefined ? {} : { description: p.description }),
    schema: p.schema,
  }));
}

/** What a body of at most `limit` bytes may be, and the limit as `x-max-body-bytes`. */
function bodyLimit(limit: number | undefined): Json {
  if (limit === undefined) {
    return {
      description: 'JSON of any content type, up to the `bodyLimit` option (1 MiB by default)',
    };
  }
  return {
    description: `JSON of any content type, up to ${limit / 1024 / 1024} MiB`,
    'x-max-body-bytes': limit,
  };
}

/** `spec` as the OpenAPI operation `operationId` of area `tag`. */
export function toOperation(
  spec: OperationSpec,
  operationId: string,
  summary: string,
  tag: string,
): Json {
  const fails: Record<string, string[]> = {};
  const add = (status: string, codes: readonly string[]) => {
    fails[status] = [...new Set([...(fails[status] ?? []), ...codes])];
  };
  if (spec.body) for (const [status, codes] of Object.entries(BODY_FAILS)) add(status, codes);
  for (const [status, codes] of Object.entries(spec.fails ?? {})) add(status, codes);
  const responses: Json = {};
  for (const [status, answer] of Object.entries(spec.ok)) {
    responses[status] = successAnswer(status, answer, spec.streamed === true);
  }
  for (const status of Object.keys(fails).sort()) {
    responses[status] = errorAnswer(status, fails[status] ?? []);
  }
  responses['401'] = { $ref: '#/components/responses/AdminUnauthorized' };
  responses['403'] = { $ref: '#/components/responses/AdminForbidden' };
  const params = [...parameters('path', spec.path), ...parameters('query', spec.query)];
  return {
    operationId,
    summary,
    ...(spec.description === undefined ? {} : { description: spec.description }),
    tags: [tag],
    ...(params.length === 0 ? {} : { parameters: params }),
    ...(spec.body
      ? {
          requestBody: {
            required: spec.body.required !== false,
            ...bodyLimit(spec.body.limit),
            content: { 'application/json': { schema: spec.body.schema } },
          },
        }
      : {}),
    responses,
  };
}

/** The guard's refusals, shared by every operation. */
export const GUARD_RESPONSES: Json = {
  AdminUnauthorized: {
    description:
      'A client that is not loopback sent no admin token, or a wrong one (`admin_unauthorized`)',
    headers: { 'WWW-Authenticate': { schema: { const: 'Bearer' } } },
    content: {
      'application/json': {
        schema: {
          ...ref('Error'),
          type: 'object',
          properties: { error: { const: 'admin_unauthorized' } },
        },
      },
    },
  },
  AdminForbidden: {
    description:
      'A foreign `Host` (`bad_host`), a cross-site page (`cross_origin`), or a client that is not loopback while the mock has no admin token (`admin_forbidden`)',
    content: {
      'application/json': {
        schema: {
          ...ref('Error'),
          type: 'object',
          properties: { error: { enum: ['bad_host', 'cross_origin', 'admin_forbidden'] } },
        },
      },
    },
  },
};
