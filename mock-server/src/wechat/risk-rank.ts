import type { Context } from '../context';
import { wechatError } from './errcodes';
import { faultThenToken } from './token-fault';

/** What getuserriskrank answers. */
export interface RiskRankAnswer {
  errcode: 0;
  errmsg: 'getuserriskrank succ';
  /** 0 (lowest) to 4 (highest). */
  risk_rank: number;
  /** The docs' spelling of the id of this request. */
  unoin_id: number;
  /** The same id under the spelling silenceper/wechat reads. */
  union_id: number;
}

/** The scenes: 0 registration, 1 marketing cheating, 2 UGC (mini-games). */
const SCENES = new Set([0, 1, 2]);
const OPTIONAL_STRINGS = ['mobile_no', 'email_address', 'extended_info'] as const;

/**
 * `POST /wxa/getuserriskrank {appid, openid, scene, client_ip, mobile_no?, email_address?,
 * extended_info?, is_test?}`: the user's risk rank, 4 for a user flagged `blocked` (whose codes
 * answer 40226), 0 otherwise. A pending `wechat.getuserriskrank` fault first, then the access
 * token; 40097 for a missing or mistyped field, 40013 for an appid other than the token's,
 * 40003 for an openid that is not a user of it.
 * @throws {WechatError}
 */
export function getUserRiskRank(
  ctx: Context,
  rawToken: unknown,
  body: Record<string, unknown>,
): RiskRankAnswer {
  const token = faultThenToken(ctx, 'wechat.getuserriskrank', rawToken);
  const { appid, openid, scene, client_ip: clientIp, is_test: isTest } = body;
  if (typeof appid !== 'string' || typeof openid !== 'string') throw wechatError(40097);
  if (typeof scene !== 'number' || !SCENES.has(scene)) throw wechatError(40097);
  if (typeof clientIp !== 'string' || clientIp === '') throw wechatError(40097);
  if (isTest !== undefined && typeof isTest !== 'boolean') throw wechatError(40097);
  for (const field of OPTIONAL_STRINGS) {
    if (body[field] !== undefined && typeof body[field] !== 'string') throw wechatError(40097);
  }
  if (appid !== token.appid) throw wechatError(40013);
  const user = ctx.store.wechat.users.find(appid, openid);
  if (!user) throw wechatError(40003);
  const id = ctx.random.int(2 ** 31);
  return {
    errcode: 0,
    errmsg: 'getuserriskrank succ',
    risk_rank: user.blocked ? 4 : 0,
    unoin_id: id,
    union_id: id,
  };
}
