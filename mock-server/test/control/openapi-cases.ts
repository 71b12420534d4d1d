/**
 * Real requests for every documented control route, valid and bad, with the status each must
 * answer: `openapi.test.ts` sends them and validates the answers against the document. Keyed
 * `"<METHOD> <path>"` as in `CONTROL_ROUTES`, one file per area as in `src/control/openapi`. The
 * test adds, for every route, a foreign `Host` (403) and, for routes with a body, unreadable
 * bodies (400, 413, 415).
 */
import { CORE_CASES } from './openapi-cases-core';
import { GENAUTH_CASES } from './openapi-cases-genauth';
import { WECHAT_CASES } from './openapi-cases-wechat';
import type { RouteCases } from './openapi-case-kit';

export type { Case, CaseEnv, CaseSpec, RouteCases } from './openapi-case-kit';

/** The route-specific cases of every documented route. */
export const CASES: Readonly<Record<string, RouteCases>> = {
  ...CORE_CASES,
  ...WECHAT_CASES,
  ...GENAUTH_CASES,
};
