import { GENAUTH_FAULT_ROUTES, genauthFault, type GenauthFaultRoute } from '../model/faults';
import type { Resolver } from './context';

const ROUTES = new Set<string>(GENAUTH_FAULT_ROUTES);

/**
 * The root resolvers with GenAuth faults: a resolver named `op` first takes a pending
 * `genauth.<op>` fault for the calling app, so a faulted operation answers the fault's code as a
 * GraphQL error (after its delay) without running. With nothing pending a resolver runs as is.
 */
export function withFaults(resolvers: Record<string, Resolver>): Record<string, Resolver> {
  const wrapped: Record<string, Resolver> = {};
  for (const [name, resolver] of Object.entries(resolvers)) {
    const route = `genauth.${name}`;
    if (!ROUTES.has(route)) throw new Error(`no fault route for the GraphQL operation ${name}`);
    wrapped[name] = (args, g) =>
      g.ctx.store.wechat.faults.empty
        ? resolver(args, g)
        : genauthFault(g.ctx, route as GenauthFaultRoute, () => g.tenant().app?.id).then(() =>
            resolver(args, g),
          );
  }
  return wrapped;
}
