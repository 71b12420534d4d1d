import type { Context } from '../../context';
import { fail } from '../errors';
import { trimOutbox } from './outbox';
import type { MessageRecord, PoolState } from './types';

/** Verification codes stay valid this long (mock clock). */
export const CODE_TTL_MS = 5 * 60 * 1000;

/**
 * "Sends" a verification code: a fixed code when the fixtures configure one for `to`, else six
 * digits from the seeded stream. It lands in the outbox (`GET /__mock/v1/messages?to=`) and in
 * a log line.
 */
export function sendCode(
  ctx: Context,
  pool: PoolState,
  channel: 'sms' | 'email',
  to: string,
  scene: string,
): MessageRecord {
  const state = ctx.store.genauth;
  const code = state.fixedCodes.get(to) ?? String(ctx.random.int(1_000_000)).padStart(6, '0');
  const now = ctx.clock.now();
  const message: MessageRecord = {
    seq: ++state.messageSeq,
    poolId: pool.pool.id,
    channel,
    to,
    scene,
    code,
    sentAt: now,
    expiresAt: now + CODE_TTL_MS,
    used: false,
  };
  state.messages.push(message);
  trimOutbox(state.messages, now, pool.pool.id);
  ctx.options.log(`[genauth] ${channel} code ${code} → ${to} (${scene}, pool ${pool.pool.id})`);
  return message;
}

/**
 * Finds the unused code `code` sent to `to` in this pool without consuming it: none → 2001,
 * expired → 2300. Call {@link consume} once every other check of the operation has passed.
 */
export function findCode(
  ctx: Context,
  pool: PoolState,
  channel: 'sms' | 'email',
  to: string,
  code: unknown,
): MessageRecord {
  if (typeof code !== 'string' || code === '') throw fail(2001);
  const messages = ctx.store.genauth.messages;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (
      !m ||
      m.used ||
      m.poolId !== pool.pool.id ||
      m.channel !== channel ||
      m.to !== to ||
      m.code !== code
    )
      continue;
    if (m.expiresAt <= ctx.clock.now()) throw fail(2300);
    return m;
  }
  throw fail(2001);
}

/** Marks codes used (single use). */
export function consume(...messages: MessageRecord[]): void {
  for (const m of messages) m.used = true;
}
