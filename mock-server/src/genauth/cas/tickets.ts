/** CAS service tickets: single use, bound to their app and service, 5 minutes on the mock clock. */
import type { Context } from '../../context';
import type { ExpiringMap } from '../../expiring';
import { expiringSide } from '../../state-io/side';

/** How long a service ticket lives (mock time). */
export const TICKET_TTL_MS = 5 * 60_000;
/** At most this many live tickets: a new one past it drops the oldest. */
export const MAX_TICKETS = 10_000;

/** What a service ticket was issued for. */
export interface TicketRecord {
  appId: string;
  service: string;
  userId: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** Tickets belong to the GenAuth state they were made for: a reset starts with none. */
const tableOf = expiringSide<TicketRecord>('casTickets', (t) => t.expiresAt);

const ticketsOf = (ctx: Context): ExpiringMap<string, TicketRecord> =>
  tableOf(ctx.store.genauth, () => ctx.clock.now());

/** Issues a service ticket `ST-…` for `userId` at `appId`, for `service` only. */
export function issueTicket(
  ctx: Context,
  grant: { appId: string; service: string; userId: string },
): string {
  const tickets = ticketsOf(ctx);
  while (tickets.size >= MAX_TICKETS) {
    const oldest = tickets.keys().next();
    if (oldest.done) break;
    tickets.delete(oldest.value);
  }
  const ticket = `ST-${ctx.random.alnum(40)}`;
  tickets.set(ticket, { ...grant, expiresAt: ctx.clock.now() + TICKET_TTL_MS });
  return ticket;
}

/**
 * Spends `ticket` (any attempt does, as the CAS protocol asks) and returns its record when it
 * was live, issued at `appId` and for exactly `service`; otherwise `null`.
 */
export function redeemTicket(
  ctx: Context,
  appId: string,
  service: string,
  ticket: string,
): TicketRecord | null {
  const tickets = ticketsOf(ctx);
  const record = tickets.get(ticket);
  if (!record) return null;
  tickets.delete(ticket);
  return record.appId === appId && record.service === service ? record : null;
}
