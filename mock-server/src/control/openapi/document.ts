/** The OpenAPI 3.1 document of the control surface, built from the areas' operation tables. */
import { CONTROL_ROUTES } from '../routes';
import { SCHEMAS, SECURITY_SCHEMES } from './components';
import { CORE_OPERATIONS } from './core';
import { FAULT_OPERATIONS } from './faults';
import { GENAUTH_OPERATIONS } from './genauth';
import { GENAUTH_USER_OPERATIONS } from './genauth-users';
import { JOURNAL_OPERATIONS } from './journal';
import { GUARD_RESPONSES, toOperation, type OperationTable } from './operation';
import { STATE_OPERATIONS } from './state';
import { WECHAT_OPERATIONS } from './wechat';

/** Each area: its tag, what it is, its routes. */
export const AREAS: readonly (readonly [tag: string, about: string, table: OperationTable])[] = [
  ['core', 'The index of the routes, this document, the clock, the demo, reset', CORE_OPERATIONS],
  [
    'wechat',
    'The simulated WeChat client: wx.login, the buttons, users, sessions',
    WECHAT_OPERATIONS,
  ],
  [
    'genauth',
    'GenAuth pools, users and the SMS / e-mail outbox',
    { ...GENAUTH_OPERATIONS, ...GENAUTH_USER_OPERATIONS },
  ],
  ['faults', 'WeChat and GenAuth faults on purpose', FAULT_OPERATIONS],
  ['journal', 'The requests the mock answered, listed or followed', JOURNAL_OPERATIONS],
  ['state', 'The whole state, exported and imported', STATE_OPERATIONS],
];

/** An OpenAPI document, as JSON data. */
export type OpenApiDocument = Record<string, unknown> & {
  paths: Record<string, Record<string, Record<string, unknown>>>;
};

/** `"GET /wechat/users"` as its method and its path. */
export function splitKey(key: string): [method: string, path: string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

/** A route path (`:name` or `{name}` segments) as an OpenAPI path template. */
export const templateOf = (path: string): string => path.replace(/:(\w+)/g, '{$1}');

/** `POST /wechat/users/bulk` → `postWechatUsersBulk`, `GET /` → `getIndex`. */
function operationIdOf(method: string, path: string): string {
  const words = templateOf(path)
    .split(/[^A-Za-z0-9{}]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `By${w.slice(1, -1)}` : w))
    .map((w) => w[0]?.toUpperCase() + w.slice(1));
  return method.toLowerCase() + (words.length === 0 ? 'Index' : words.join(''));
}

/** The whole document: every operation of {@link AREAS}, summarised as `CONTROL_ROUTES` does. */
export function buildDocument(): OpenApiDocument {
  const summaries = new Map(CONTROL_ROUTES.map((r) => [`${r.method} ${r.path}`, r.summary]));
  const paths: OpenApiDocument['paths'] = {};
  for (const [tag, , table] of AREAS) {
    for (const [key, spec] of Object.entries(table)) {
      const [method, path] = splitKey(key);
      const item = (paths[templateOf(path)] ??= {});
      item[method.toLowerCase()] = toOperation(
        spec,
        operationIdOf(method, path),
        summaries.get(key) ?? key,
        tag,
      );
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'genauth-mock control surface',
      version: '1',
      description:
        'JSON in and out: any content type is read as JSON, gzip, deflate and br bodies are decompressed. Errors are `{error, message}` with the status. A wrong method or path is 404 `not_found`.',
    },
    servers: [{ url: '/__mock/v1', description: 'relative to the mock' }],
    security: [{}, { adminToken: [] }],
    tags: AREAS.map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: SCHEMAS,
      responses: GUARD_RESPONSES,
      securitySchemes: SECURITY_SCHEMES,
    },
  };
}
