/** GenAuth business errors: a code, its real Chinese message, optional data. */

/** The error codes the mock raises, with the messages the real server sends. */
export const MESSAGES = {
  404: '请求的接口不存在',
  1000: '系统繁忙',
  1001: '无权限执行此项操作',
  2001: '验证码不正确！',
  2003: '邮箱格式不正确',
  2004: '用户不存在',
  2005: '用户已被锁定',
  2006: '密码不正确',
  2016: '解密客户端密码出错',
  2018: '用户无权限修改此项内容',
  2019: '修改密码时需要先进行验证',
  2020: '尚未登录，无权限访问此请求',
  2026: '用户已存在，请直接登录！',
  2027: 'OAuth 注册，未设置密码',
  2028: '请提供正确的手机号或邮箱',
  2029: '密码长度不能少于 6 位',
  2032: '注册时需要密码',
  2034: '用户名已存在',
  2035: '手机号已绑定',
  2036: '用户不属于此用户池',
  2037: '旧邮箱不匹配',
  2038: '旧手机号不匹配',
  2200: '该邮箱已被绑定',
  2201: '请输入原始密码',
  2203: '原始密码错误',
  2206: '登录信息已过期, 需重新登录',
  2207: '登录信息有误, 需重新登录',
  2217: '只有一种登录方式，不能解绑',
  2218: '此用户没有绑定手机号',
  2219: '此用户没有绑定邮箱',
  2224: '用户池不存在',
  2225: '不能直接修改邮箱，请使用 updateEmail',
  2226: '不能直接修改手机号，请使用 updatePhone',
  2229: '新旧邮箱一样',
  2230: '新旧手机号一样',
  2231: '请求参数不全',
  2300: '验证码已过期',
  2333: '用户名或密码错误',
  2400: '自定义字段不存在',
  2401: '自定义字段类型不匹配',
  2500: '微信登录失败',
  2501: '微信数据解密失败',
  2502: '未配置微信小程序连接',
  2510: '请求参数格式不正确',
  2511: '请求体过大',
  2512: '请求体格式不正确',
} as const satisfies Record<number, string>;

/** A code of {@link MESSAGES}. */
export type GenauthCode = keyof typeof MESSAGES;

/** Thrown by GenAuth models and rendered by the REST and GraphQL layers. */
export class GenauthError extends Error {
  override readonly name = 'GenauthError';
  readonly code: number;
  readonly data: unknown;

  constructor(code: GenauthCode, message?: string, data: unknown = null) {
    const text = message ?? MESSAGES[code];
    super(text);
    this.code = code;
    this.data = data;
  }

  /** The `{code, message, data}` wire object. */
  toJSON(): { code: number; message: string; data: unknown } {
    return { code: this.code, message: this.message, data: this.data };
  }
}

/** A GenAuth error with the standard message of `code`. */
export const fail = (code: GenauthCode, data: unknown = null, message?: string): GenauthError =>
  new GenauthError(code, message, data);
