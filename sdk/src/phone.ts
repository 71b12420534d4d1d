import type { Core } from './core';
import { wechatFailure } from './errors';

/**
 * The phone-number button's answer: pass `e.detail` of `bindgetphonenumber` (fast verify) or
 * `bindgetrealtimephonenumber` (real time) as it is, or `{ phoneCode: e.detail.code }`. Older
 * clients give `iv` + `encryptedData`. A failed tap (`errMsg` `…:fail…`) is thrown as its error.
 */
export interface PhoneDetail {
  /** `e.detail.code` of the button (the current flow). */
  phoneCode?: string;
  /** `e.detail.code` as the button names it (same as `phoneCode`). */
  code?: string;
  iv?: string;
  encryptedData?: string;
  /** `getPhoneNumber:ok`, or the failure (`getPhoneNumber:fail user deny`, `…:fail no quota`). */
  errMsg?: string;
  /** 1400001 (quota used up), 104 / 112 (privacy), when the tap failed. */
  errno?: number;
}

/**
 * The body of `auth-by-phone` / `getphone`: `{code, phoneCode}` for the current buttons, else
 * the legacy `{code, iv, encryptedData}`.
 *
 * @throws GenAuthError `denied`, `quota`, `privacy` or `wechat` for a failed tap (before any
 * request or `wx.login`).
 */
export async function phoneBody(
  core: Core,
  code: string | undefined,
  ivOrDetail: string | PhoneDetail,
  encryptedData?: string,
): Promise<Record<string, string | undefined>> {
  const detail: PhoneDetail =
    typeof ivOrDetail === 'object' && ivOrDetail !== null
      ? ivOrDetail
      : { iv: ivOrDetail, encryptedData };
  if (detail.errno || /:\s*fail/.test(detail.errMsg ?? '')) {
    throw wechatFailure(detail, 'getPhoneNumber:fail');
  }
  const phoneCode = detail.phoneCode ?? detail.code;
  const loginCode = code ?? (await core.runtime.login());
  // The phone code needs no session key, so it wins over a (possibly stale) encrypted pair.
  return phoneCode
    ? { code: loginCode, phoneCode }
    : { code: loginCode, iv: detail.iv, encryptedData: detail.encryptedData };
}
