import { ERRNO } from './errno';
import type { TempFiles } from './files';
import type { WechatClient } from './wechat-client';

/** Platforms whose deny errMsg differs. */
export type Platform = 'ios' | 'android' | 'devtools';

/** The two phone-number buttons, by the API name their `errMsg` starts with. */
export type PhoneButtonApi = 'getPhoneNumber' | 'getRealtimePhoneNumber';

/**
 * The phone button's deny detail: iOS and devtools say `getPhoneNumber:fail user deny`, Android
 * `getPhoneNumber:fail:user deny` (extra colon). Apps should match on `/deny/`.
 */
export function phoneDenyDetail(
  platform: Platform = 'ios',
  api: PhoneButtonApi = 'getPhoneNumber',
): { errMsg: string } {
  return { errMsg: platform === 'android' ? `${api}:fail:user deny` : `${api}:fail user deny` };
}

/** The detail of a phone button whose app has used up its quota (errno 1400001). */
export function phoneNoQuotaDetail(api: PhoneButtonApi = 'getPhoneNumber'): {
  errMsg: string;
  errno: number;
} {
  return { errMsg: `${api}:fail no quota`, errno: ERRNO.phoneQuota };
}

/** Shape of the button detail a page receives, per base library. */
export type PhoneFlow = 'code' | 'legacy';

/**
 * What the user's tap on a getPhoneNumber button produces: a success (`code`, `legacy`), a deny,
 * or `no-quota`, the errno 1400001 failure forced whatever the mock's quota says.
 */
export type PhoneOutcome = PhoneFlow | 'deny' | 'no-quota';

/** What the user's tap on the real-time button (`getRealtimePhoneNumber`) produces. */
export type RealtimePhoneOutcome = 'code' | 'deny' | 'no-quota';

/**
 * A fast-verify tap that reaches WeChat, minted by the mock for the current user: `code` (base
 * library ≥ 2.21.2) carries the phone code plus the still-present `encryptedData`/`iv`; `legacy`
 * omits the code. Once the app's quota is used up it is the mock's errno 1400001 detail.
 */
export async function phoneSuccessDetail(
  client: WechatClient,
  flow: PhoneFlow = 'code',
): Promise<Record<string, unknown>> {
  const detail: Record<string, unknown> = { ...(await client.phoneButton(false)) };
  if ('errno' in detail) return detail;
  detail['cloudID'] = '';
  if (flow === 'legacy') delete detail['code'];
  return detail;
}

/** The real-time button's detail for `outcome`: the mock's (success or no quota), or a deny. */
export async function realtimePhoneDetail(
  client: WechatClient,
  outcome: RealtimePhoneOutcome = 'code',
  platform: Platform = 'ios',
): Promise<Record<string, unknown>> {
  if (outcome === 'deny') return phoneDenyDetail(platform, 'getRealtimePhoneNumber');
  if (outcome === 'no-quota') return phoneNoQuotaDetail('getRealtimePhoneNumber');
  return { ...(await client.phoneButton(true)) };
}

/** The chooseAvatar detail: the fixture image as a temporary path the page must upload. */
export function chooseAvatarDetail(files: TempFiles): { avatarUrl: string } {
  return { avatarUrl: files.addFixtureImage().path };
}
