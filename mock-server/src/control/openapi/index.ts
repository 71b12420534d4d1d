/**
 * The OpenAPI 3.1 document of the control surface (`GET /__mock/v1/openapi.json`), built on its
 * first request: nothing here loads at start-up.
 *
 * To document a new control route, add one entry to its area's table (`wechat.ts`,
 * `genauth.ts`, `faults.ts`, `journal.ts`, `state.ts` or `core.ts`; a new area goes in
 * `AREAS` of `document.ts`), keyed `"<METHOD> <path>"` exactly as in `CONTROL_ROUTES`: its
 * query or path parameters, its JSON body schema, its success answers by status and the `error`
 * codes of each failure status (see `OperationSpec` in `operation.ts`). The summary comes from
 * `CONTROL_ROUTES`; the body's read errors and the guard's refusals are added for you. Records
 * more than one area answers go in `components.ts`. Then give the route a valid and a bad
 * request in `test/control/openapi-cases.ts`.
 */
import { buildDocument, type OpenApiDocument } from './document';

export type { OpenApiDocument } from './document';

let text: string | undefined;

/** The document as JSON text, built once. */
export function openApiJson(): string {
  return (text ??= JSON.stringify(buildDocument()));
}

/** The document as data (a fresh copy). */
export function openApiDocument(): OpenApiDocument {
  return JSON.parse(openApiJson()) as OpenApiDocument;
}
