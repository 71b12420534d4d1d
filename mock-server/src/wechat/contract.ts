/**
 * The in-process WeChat API that other parts of the mock (the GenAuth WeChat connection) call.
 * It applies exactly the checks the HTTP routes apply: appid, secret, code rules, rate limits.
 */

/** A WeChat server error: rendered as `{errcode, errmsg}` (plus `, rid: …`) on the wire. */
export class WechatError extends Error {
  override readonly name = 'WechatError';
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`${errcode} ${errmsg}`);
  }
}

/** What jscode2session answers on success. */
export interface Code2SessionResult {
  openid: string;
  session_key: string;
  unionid?: string;
}

/** `phone_info` of getuserphonenumber. */
export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string | number;
  watermark: { timestamp: number; appid: string };
}

/**
 * A failure of the WXBizDataCrypt demo contract: -41001 bad key, -41002 bad iv,
 * -41003 bad buffer or watermark, -41004 bad base64.
 */
export class DecryptError extends Error {
  override readonly name = 'DecryptError';
  constructor(
    readonly code: -41001 | -41002 | -41003 | -41004,
    message: string,
  ) {
    super(message);
  }
}

/** Why the simulated WeChat client or a bulk load refused a request. */
export type WechatRefusal =
  'unknown_app' | 'unknown_user' | 'no_phone' | 'no_quota' | 'user_exists' | 'invalid_value';

/**
 * A refusal of the WeChat model outside the wire protocol (the simulated client, bulk loading):
 * no such app or user, a conflict, a bad value. The control surface maps its `reason` to its own
 * status and error code.
 */
export class WechatModelError extends Error {
  override readonly name = 'WechatModelError';
  constructor(
    readonly reason: WechatRefusal,
    message: string,
  ) {
    super(message);
  }
}
