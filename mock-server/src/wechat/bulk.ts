import type { Context } from '../context';
import { WechatModelError } from './contract';
import { userKey, type WechatUser } from './state';

/** What a bulk-created WeChat user may set; everything else takes the shared defaults. */
export type WechatUserSpec = Partial<Omit<WechatUser, 'appid'>>;

/** The profile WeChat hands out when a user shares none (nickname and grey avatar of 2022+). */
export const DEFAULT_WECHAT_PROFILE = Object.freeze({
  nickName: '微信用户',
  avatarUrl:
    'https://thirdwx.qlogo.cn/mmopen/vi_32/POgEwh4mIHO4nibH0KlMECNjjGxQUq24ZEaGT4poC6icRiccVGKSyXwibcPq4BWmiaIGuG1icwxaQX6grC9VemZoJ8rg/132',
  gender: 0,
  city: '',
  province: '',
  country: '',
  language: 'zh_CN',
} as const);

/** An openid or unionid from the seeded stream: `o` + 27 base64url characters. */
const mintId = (ctx: Context): string => {
  const bytes = ctx.random.bytes(21);
  // base64url of 21 bytes is 28 flat characters; the first becomes the `o`.
  const id = bytes.toString('base64url');
  return Buffer.from(`o${id.slice(1)}`, 'latin1').toString('latin1');
};

/**
 * Creates WeChat users of `appid` in bulk: `count` users with the default profile, or one per
 * spec. Openids (and, in apps bound to an open platform, unionids) come from the seeded stream
 * unless given; absent profile fields share one frozen default. No faker, no per-user session.
 * An unknown app is refused (`unknown_app`), and so is, before any user is created, a spec whose
 * openid exists (`user_exists`: nothing is updated).
 * @throws {WechatModelError}
 */
export function bulkCreateWechatUsers(
  ctx: Context,
  appid: string,
  countOrSpecs: number | readonly WechatUserSpec[],
): WechatUser[] {
  const app = ctx.store.wechat.apps.get(appid);
  if (!app) throw new WechatModelError('unknown_app', `no WeChat app with appid "${appid}"`);
  const users = ctx.store.wechat.users;
  const specs = typeof countOrSpecs === 'number' ? undefined : countOrSpecs;
  const count = specs ? specs.length : countOrSpecs;
  if (!Number.isInteger(count) || (count as number) < 0)
    throw new WechatModelError('invalid_value', '"count" must be a non-negative integer');
  if (specs) {
    const seen = new Set<string>();
    for (const s of specs) {
      if (s.openid === undefined) continue;
      if (seen.has(s.openid) || users.find(appid, s.openid))
        throw new WechatModelError('user_exists', `user "${s.openid}" exists in "${appid}"`);
      seen.add(s.openid);
    }
  }
  const bound = app.openPlatformId !== null;
  const out: WechatUser[] = new Array<WechatUser>(count as number);
  for (let i = 0; i < (count as number); i++) {
    const spec = specs?.[i];
    let openid = spec?.openid ?? mintId(ctx);
    while (spec?.openid === undefined && users.find(appid, openid)) openid = mintId(ctx);
    const user: WechatUser = {
      appid: app.appid,
      openid,
      unionid: spec?.unionid !== undefined ? spec.unionid : bound ? mintId(ctx) : null,
      nickName: spec?.nickName ?? DEFAULT_WECHAT_PROFILE.nickName,
      avatarUrl: spec?.avatarUrl ?? DEFAULT_WECHAT_PROFILE.avatarUrl,
      gender: spec?.gender ?? DEFAULT_WECHAT_PROFILE.gender,
      city: spec?.city ?? DEFAULT_WECHAT_PROFILE.city,
      province: spec?.province ?? DEFAULT_WECHAT_PROFILE.province,
      country: spec?.country ?? DEFAULT_WECHAT_PROFILE.country,
      language: spec?.language ?? DEFAULT_WECHAT_PROFILE.language,
      phone: spec?.phone ?? null,
      blocked: spec?.blocked ?? false,
      sessionKey: spec?.sessionKey ?? null,
    };
    users.set(userKey(appid, openid), user);
    out[i] = user;
  }
  return out;
}
