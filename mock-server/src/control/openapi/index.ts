/**
 * The OpenAPI 3.1 document of the control surface (`GET /__mock/v1/openapi.json`), built on its
 * first request: nothing here loads at start-up.
 *
 * To document a new control route, add one entry to its area's table (`wechat.ts`,
 * `genauth.ts`, `genauth-users.ts`, `faults.ts`, `journal.ts`, `state.ts` or `core.ts`; a new
 * area goes in `AREAS` of `document.ts`), keyed `"<METHOD> <path>"` exactly as in
 * `CONTROL_ROUTES`: its query and path parameters, its JSON body schema, its success answers by
 * status and the `error` codes of each failure status (see `OperationSpec` in `operation.ts`).
 * The summary comes from `CONTROL_ROUTES`; the errors of reading a body and the guard's refusals
 * are added for you. Records more than one area answers go in `components.ts`. Then give the
 * route valid and bad requests, under the same key, in `test/control/openapi-cases-<area>.ts`:
 * `test/control/openapi.test.ts` fails until every route is documented and every documented
 * status and error code is met by a real answer.
 */
import { buildDocument } from './document';

let text: string | undefined;

/** The document as JSON text, built once. */
export function openApiJson(): string {
  return (text ??= JSON.stringify(buildDocument()));
}
