import type { MessageRecord } from './types';

/** Outbox entries kept per pool (its oldest dropped first). */
export const OUTBOX_PER_POOL = 500;
/** An expired code stays in the outbox this long (answering 2300), then leaves (2001). */
export const EXPIRED_CODE_KEPT_MS = 60 * 60 * 1000;

/**
 * Drops the messages whose code expired over {@link EXPIRED_CODE_KEPT_MS} ago (from the oldest
 * end) and, with `poolId`, that pool's messages beyond the newest {@link OUTBOX_PER_POOL}.
 * Returns how many left.
 */
export function trimOutbox(messages: MessageRecord[], now: number, poolId?: string): number {
  const before = messages.length;
  let old = 0;
  while (
    old < messages.length &&
    (messages[old] as MessageRecord).expiresAt + EXPIRED_CODE_KEPT_MS <= now
  )
    old++;
  if (old > 0) messages.splice(0, old);
  if (poolId !== undefined) {
    let kept = 0;
    for (let i = messages.length - 1; i >= 0; i--) {
      if ((messages[i] as MessageRecord).poolId === poolId && ++kept > OUTBOX_PER_POOL)
        messages.splice(i, 1);
    }
  }
  return before - messages.length;
}
