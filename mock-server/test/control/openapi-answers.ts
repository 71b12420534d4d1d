/**
 * Checks of real requests and answers against an OpenAPI document: the statuses and bodies of
 * answers (JSON or server-sent events), the parameters and bodies of valid requests, and which
 * documented answers a run of requests met. Shared by `openapi.test.ts`.
 */
import { deref, type Answer, type SchemaChecker } from './openapi-check';
import type { Case } from './openapi-case-kit';

type Json = Record<string, unknown>;

/** The events of a stream read so far: its blocks (ended by a blank line), parsed. */
export function eventBlocks(text: string): Record<string, string>[] {
  const whole = text.slice(0, Math.max(text.lastIndexOf('\n\n'), 0));
  return whole
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) =>
      Object.fromEntries(
        block.split('\n').map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon), line.slice(colon + 1).replace(/^ /, '')];
        }),
      ),
    );
}

/** How many `request` events a stream has sent so far, once its `retry` line has come. */
export const eventsIn = (text: string): number =>
  text.startsWith('retry:') && text.includes('\n\n')
    ? eventBlocks(text).filter((b) => b['event'] === 'request').length
    : -1;

/** Checks against `doc`, whose schemas `checker` compiles. */
export class OperationChecks {
  constructor(
    private readonly doc: Json,
    private readonly checker: SchemaChecker,
  ) {}

  /** What is wrong with a valid case's request by the operation's parameters and body schema. */
  requestProblems(op: Json, c: Case): string[] {
    const problems: string[] = [];
    const params = (op['parameters'] ?? []) as Json[];
    const query = params.filter((p) => p['in'] === 'query');
    for (const name of Object.keys(c.query ?? {})) {
      if (!query.some((p) => p['name'] === name)) problems.push(`query "${name}" is undocumented`);
    }
    for (const p of query) {
      const value = c.query?.[p['name'] as string];
      if (value === undefined) {
        if (p['required'] === true) problems.push(`query "${String(p['name'])}" is required`);
        continue;
      }
      const typed = (p['schema'] as Json)['type'] === 'integer' ? Number(value) : value;
      problems.push(
        ...this.checker.errors(p['schema'], typed).map((e) => `query ${String(p['name'])}: ${e}`),
      );
    }
    const schema = (deref(this.doc, op['requestBody'])?.['content'] as Json | undefined)?.[
      'application/json'
    ] as Json | undefined;
    if (schema && c.body !== undefined) {
      problems.push(...this.checker.errors(schema['schema'], c.body).map((e) => `body: ${e}`));
    }
    return problems;
  }

  /** What is wrong with `answer` by the operation's documented answers. */
  answerProblems(op: Json, answer: Answer): string[] {
    const documented = (op['responses'] as Json)[String(answer.status)];
    if (documented === undefined)
      return [`status ${answer.status} is undocumented: ${answer.text}`];
    const content = (deref(this.doc, documented)['content'] ?? {}) as Json;
    const type = (answer.headers['content-type'] ?? '').split(';')[0] ?? '';
    const media = content[type] as Json | undefined;
    if (!media)
      return [`content-type ${type} is undocumented (${Object.keys(content).join(', ')})`];
    if (type === 'text/event-stream') return this.eventProblems(media, answer.text);
    let body: unknown;
    try {
      body = JSON.parse(answer.text);
    } catch {
      return [`not JSON: ${answer.text.slice(0, 200)}`];
    }
    return this.checker.errors(media['schema'], body);
  }

  /** What is wrong with the events of a stream: each `data` by `x-event-data`, `id` `<run>:<seq>`. */
  eventProblems(media: Json, text: string): string[] {
    return eventBlocks(text).flatMap((block, i) => {
      if (i === 0) return block['retry'] === undefined ? ['no retry line first'] : [];
      if (block['event'] !== 'request') return [`event ${i}: ${JSON.stringify(block)}`];
      const data = JSON.parse(block['data'] ?? 'null') as Json;
      const problems = this.checker
        .errors(media['x-event-data'], data)
        .map((e) => `event ${i}: ${e}`);
      const id = new RegExp(`^[0-9a-f]{8}:${String(data['seq'])}$`);
      return id.test(block['id'] ?? '') ? problems : [...problems, `event ${i}: id`];
    });
  }

  /**
   * The documented statuses, and `error` codes of the operation's own failures, that none of `met`
   * is: all but 401, which loopback never gets, and the guard's other refusals than `bad_host`.
   */
  unmetAnswers(op: Json, met: Set<string>): string[] {
    return Object.entries(op['responses'] as Json).flatMap(([status, response]) => {
      if (status === '401') return [];
      if (!met.has(status)) return [status];
      if ((response as Json)['$ref'] !== undefined) return [];
      const media = ((response as Json)['content'] as Json)['application/json'] as Json | undefined;
      const codes = (((media?.['schema'] as Json)?.['properties'] as Json)?.['error'] as Json)?.[
        'enum'
      ] as string[] | undefined;
      return (codes ?? []).map((code) => `${status} ${code}`).filter((k) => !met.has(k));
    });
  }
}
