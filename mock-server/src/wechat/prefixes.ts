/** The path prefixes of api.weixin.qq.com the WeChat router owns. */
export const WECHAT_PREFIXES = ['/sns', '/cgi-bin', '/wxa'] as const;

/**
 * Whether `path` is under one of {@link WECHAT_PREFIXES}, in any case (Express routes paths
 * case-insensitively): the only paths a WeChat route or its 404 answers.
 */
export function isWechatPath(path: string): boolean {
  const p = path.toLowerCase();
  return WECHAT_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));
}
