import type { Context } from '../../context';
import { sleep } from '../../timers';
import { GenauthError, type GenauthCode } from '../errors';
import { DELAY_ONLY, type GenauthFaultRoute } from './fault-routes';

export * from './fault-routes';

/**
 * The first step of a faultable GenAuth operation: takes the oldest pending fault of `route` for
 * the calling GenAuth app (`appid()`, read only when a fault is pending; a call that names no app
 * matches unscoped faults only), waits out its delay on the mock's timers, then throws its code
 * as a {@link GenauthError} (nothing for {@link DELAY_ONLY}). Nothing pending: resolves at once.
 * @throws {GenauthError}
 */
export async function genauthFault(
  ctx: Context,
  route: GenauthFaultRoute,
  appid: () => string | null | undefined,
): Promise<void> {
  const book = ctx.store.wechat.faults;
  if (book.empty) return;
  let app: string | null | undefined = null;
  try {
    app = appid();
  } catch {
    // An unknown tenant is the operation's own error to answer: only unscoped faults match.
  }
  const fault = book.take(route, app ?? null);
  if (!fault) return;
  await sleep(ctx.options.timers, fault.delayMs);
  if (fault.errcode !== DELAY_ONLY) throw new GenauthError(fault.errcode as GenauthCode);
}
