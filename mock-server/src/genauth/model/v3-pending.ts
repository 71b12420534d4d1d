/**
 * The short-lived tokens of the v3 two-step account changes (`verify-update-email-request` →
 * `update-email`, the same for the phone and for deleting the account). They live beside the
 * GenAuth state object, so `reset` (which swaps that object) drops them.
 */
import type { Context } from '../../context';
import { fail } from '../errors';
import { registerSide } from '../../state-io/side';

/** How long a verification token stays valid: 60 s, as the real server answers. */
export const VERIFY_TOKEN_TTL_S = 60;

/** What a pending change does once confirmed. */
export type PendingChange =
  | { kind: 'email'; email: string }
  | { kind: 'phone'; phone: string; countryCode: string | null }
  | { kind: 'delete' };

interface Pending {
  poolId: string;
  userId: string;
  change: PendingChange;
  expiresAt: number;
}

const books = new WeakMap<object, Map<string, Pending>>();

registerSide('v3Pending', {
  export: (owner) => [...(books.get(owner) ?? [])],
  import: (owner, data) => {
    books.set(owner, new Map(data as [string, Pending][]));
  },
});

function book(ctx: Context): Map<string, Pending> {
  const key = ctx.store.genauth;
  let b = books.get(key);
  if (!b) {
    b = new Map();
    books.set(key, b);
  }
  return b;
}

/** Records a verified change of user `userId`; returns its token and lifetime in seconds. */
export function issueVerifyToken(
  ctx: Context,
  poolId: string,
  userId: string,
  change: PendingChange,
): { token: string; tokenExpiresIn: number } {
  const token = ctx.random.hex(32);
  const expiresAt = ctx.clock.now() + VERIFY_TOKEN_TTL_S * 1000;
  book(ctx).set(token, { poolId, userId, change, expiresAt });
  return { token, tokenExpiresIn: VERIFY_TOKEN_TTL_S };
}

/**
 * The pending change `token` names for this user and kind, taken (single use): unknown, used,
 * another user's or another kind → 2510 "token 无效"; expired → 2300.
 */
export function takeVerifyToken<K extends PendingChange['kind']>(
  ctx: Context,
  poolId: string,
  userId: string,
  kind: K,
  token: string,
): Extract<PendingChange, { kind: K }> {
  const b = book(ctx);
  const p = b.get(token);
  if (!p || p.poolId !== poolId || p.userId !== userId || p.change.kind !== kind)
    throw fail(2510, { token: 'invalid' }, '验证 token 无效');
  b.delete(token);
  if (p.expiresAt <= ctx.clock.now()) throw fail(2300, null, '验证 token 已过期');
  return p.change as Extract<PendingChange, { kind: K }>;
}
