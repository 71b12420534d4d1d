/**
 * The repository's SDK (its Node entry, from source), loaded by path: the mock-server package
 * does not depend on it, so only the slice these tests use is typed here.
 */
import { join } from 'node:path';

/** What `loginByCode` resolves to: the GenAuth account and its token. */
export interface SdkUser {
  id: string;
  token: string;
  openid?: string;
}

interface SdkNode {
  AuthenticationClient: new (options: {
    appId: string;
    userPoolId: string;
    host: string;
    runtime: unknown;
  }) => { loginByCode(): Promise<SdkUser> };
  createNodeRuntime(options: { login: () => Promise<string> }): unknown;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sdk = require(join(__dirname, '../../../sdk/src/node')) as SdkNode;

/** Logs in through the SDK's Node runtime, its `wx.login` codes minted by `mint`. */
export function sdkLogin(
  options: { appId: string; userPoolId: string; host: string },
  mint: () => Promise<string>,
): Promise<SdkUser> {
  const client = new sdk.AuthenticationClient({
    ...options,
    runtime: sdk.createNodeRuntime({ login: mint }),
  });
  return client.loginByCode();
}
