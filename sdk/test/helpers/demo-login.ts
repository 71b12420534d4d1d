/** The SDK as the README's "Node and scripts" section sets it up against a mock it reaches over HTTP. */
import type { ControlClient } from '@genauth-wxapp/mock-server/client';

import { AuthenticationClient, createNodeRuntime } from '../../src/node';

/**
 * A client of the mock's demo app with a WeChat connection, whose `wx.login` codes come from
 * `control` (a new WeChat user at each login).
 */
export async function demoCodeClient(
  control: ControlClient,
  url: string,
): Promise<AuthenticationClient> {
  const demo = await control.demo();
  const app = demo.apps.find((a) => a.wechatAppid !== null)!;
  const appid = app.wechatAppid!;
  return new AuthenticationClient({
    appId: app.appId,
    userPoolId: demo.userPoolId,
    host: url,
    runtime: createNodeRuntime({ login: async () => (await control.wechat.login({ appid })).code }),
  });
}
