/** The public WeChat surface of the mock: crypto helpers, the in-process contract, errcodes. */
export { decryptData, encryptData, rawDataSignature, sessionSignature } from './crypto';
export { WechatError, DecryptError, type Code2SessionResult, type PhoneInfo } from './contract';
export { ERRCODES, type Errcode } from './errcodes';
export { RULES as WECHAT_RULES } from './rules';
