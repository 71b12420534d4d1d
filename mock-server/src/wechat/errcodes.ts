import { WechatError } from './contract';

/**
 * Every errcode the WeChat half answers, with the errmsg WeChat sends before the `, rid: …`
 * suffix (texts as observed on the wire; see the README for sources). getpluginopenpid's
 * 1001–1022 carry no text (WeChat answers just the rid); its 1000 system error is -1 here, as
 * 1000 is also a GenAuth code.
 */
export const ERRCODES = Object.freeze({
  [-1]: 'system error',
  1: 'data not exit',
  1001: '',
  1003: '',
  1005: '',
  1007: '',
  1022: '',
  40001:
    'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid appid',
  40029: 'invalid code',
  40066: 'invalid url',
  40097: 'invalid args',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  44002: 'empty post data',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  87008: 'invalid sig_method',
  87009: 'invalid signature',
  89002: 'open not exists',
  89300: 'invalid trade',
  10120002: 'param error',
} as const);

/** An errcode of {@link ERRCODES}. */
export type Errcode = keyof typeof ERRCODES;

/** A {@link WechatError} carrying the table's errmsg for `errcode`. */
export function wechatError(errcode: Errcode): WechatError {
  return new WechatError(errcode, ERRCODES[errcode]);
}
