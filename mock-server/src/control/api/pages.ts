/** Cursor pagination of the user listings: opaque cursors, 1–1000 users a page. */
import type { Context } from '../../context';
import type { UserRecord } from '../../genauth/model/types';
import { plainUser } from '../../genauth/state';
import type { WechatUser } from '../../wechat/state';
import { badField, ControlError } from '../error';
import type {
  GenauthUserQuery,
  GenauthUserView,
  PageQuery,
  UserPage,
  WechatUserView,
} from '../types';
import { checkLimit, checkString } from '../values';

/** An opaque cursor: base64url of `[listing, scope, position]`. */
const encode = (listing: string, scope: string, position: string | number): string =>
  Buffer.from(JSON.stringify([listing, scope, position])).toString('base64url');

/** The position of `cursor` in `listing` of `scope` (undefined without a cursor), or a 400. */
function decode(
  query: PageQuery,
  listing: string,
  scope: string,
  type: 'string' | 'number',
): string | number | undefined {
  if (query.cursor === undefined) return undefined;
  const bad = () => badField('cursor', `the nextCursor of a previous page of this listing`);
  if (typeof query.cursor !== 'string') throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(query.cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw bad();
  const [l, s, position] = parsed as unknown[];
  if (l !== listing || s !== scope || typeof position !== type) throw bad();
  return position as string | number;
}

const copyWechatUser = (u: WechatUser): WechatUserView => ({
  ...u,
  phone: u.phone && { ...u.phone },
});

/**
 * The users of app `appid` after the cursor's user, in the table's order (the order openids
 * were first created). The cursor names the last user of its page, so users created during a
 * walk never shift it; 410 `stale_cursor` when that user is gone (after a reset).
 */
export function wechatUserPage(
  ctx: Context,
  query: PageQuery & { appid: string },
): UserPage<WechatUserView> {
  const appid = checkString('appid', query.appid);
  const limit = checkLimit(query.limit);
  const after = decode(query, 'wechat.users', appid, 'string');
  if (!ctx.store.wechat.apps.has(appid)) {
    throw new ControlError(404, 'unknown_app', `no WeChat app with appid "${appid}"`);
  }
  const users: WechatUserView[] = [];
  let started = after === undefined;
  let more = false;
  for (const u of ctx.store.wechat.users.values()) {
    if (u.appid !== appid) continue;
    if (!started) {
      started = u.openid === after;
      continue;
    }
    if (users.length === limit) {
      more = true;
      break;
    }
    users.push(copyWechatUser(u));
  }
  if (!started) {
    throw new ControlError(410, 'stale_cursor', 'the cursor points after a user that is gone');
  }
  const last = users[users.length - 1];
  return { users, nextCursor: more && last ? encode('wechat.users', appid, last.openid) : null };
}

/** The fields `q` searches. */
const SEARCHED = ['id', 'email', 'username', 'phone', 'nickname', 'openid', 'unionid'] as const;

/** Whether `u` matches the search text (lower case), or there is none. */
function matcher(q: unknown): (u: UserRecord) => boolean {
  if (q === undefined) return () => true;
  if (typeof q !== 'string' || q.length < 1 || q.length > 200) {
    throw badField('q', 'a search text of 1 to 200 characters');
  }
  const text = q.toLowerCase();
  return (u) => SEARCHED.some((f) => u[f]?.toLowerCase().includes(text));
}

/**
 * The users of pool `poolId` (those matching `q`) after the cursor, in creation order: the
 * cursor holds the last user's creation ordinal, so users created or deleted during a walk never
 * shift it.
 */
export function genauthUserPage(ctx: Context, query: GenauthUserQuery): UserPage<GenauthUserView> {
  const poolId = checkString('poolId', query.poolId);
  const limit = checkLimit(query.limit);
  const matches = matcher(query.q);
  const after = (decode(query, 'genauth.users', poolId, 'number') as number | undefined) ?? 0;
  const pool = ctx.store.genauth.pools.get(poolId);
  if (!pool) throw new ControlError(404, 'unknown_pool', `no GenAuth user pool "${poolId}"`);
  const users: GenauthUserView[] = [];
  let lastOrdinal = 0;
  let more = false;
  for (const u of pool.users.values()) {
    if (u.ordinal <= after || !matches(u)) continue;
    if (users.length === limit) {
      more = true;
      break;
    }
    users.push(structuredClone(plainUser(u)) as GenauthUserView);
    lastOrdinal = u.ordinal;
  }
  return { users, nextCursor: more ? encode('genauth.users', poolId, lastOrdinal) : null };
}
