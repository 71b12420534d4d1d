import type { Context } from '../../context';
import type { Tenant } from '../model/tenancy';

/** What every resolver receives: the mock context, the lazily resolved tenant, the client IP. */
export interface GraphqlContext {
  ctx: Context;
  /** Resolves (once) the pool and app of the request; throws 2224 for an unknown one. */
  tenant(): Tenant;
  ip: string | null;
  /** The request headers (for an explicit `checkLoginStatus(token)`). */
  headers: Record<string, string | string[] | undefined>;
}

/** A root resolver: `(args, context)` → value or promise. */
export type Resolver = (args: Record<string, unknown>, g: GraphqlContext) => unknown;
