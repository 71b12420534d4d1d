/** The key of a user (and of their session) inside an app. */
export function userKey(appid: string, openid: string): string {
  return `${appid}:${openid}`;
}
