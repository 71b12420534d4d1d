import type * as Sdk from '../../src/index';
import { useMockHarness, type MockHarness } from '../helpers/mock';
import { createWxBridge } from '../helpers/wx-bridge';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildMiniprogram } = require('../../scripts/build.js') as {
  buildMiniprogram(): Promise<{ code: string }>;
};

let h: MockHarness;
useMockHarness((harness) => (h = harness));

/** The shipped `miniprogram_dist/index.js`, evaluated as WeChat loads a module. */
async function loadBundle(): Promise<typeof Sdk> {
  const { code } = await buildMiniprogram();
  const module = { exports: {} as typeof Sdk };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports;
}

describe('the mini-program bundle', () => {
  it('exports the mini-program API only, and logs in through wx against the mock', async () => {
    const sdk = await loadBundle();
    expect(Object.keys(sdk).sort()).toEqual([
      'AuthenticationClient',
      'GenAuthError',
      'VERSION',
      'createWxRuntime',
      'isGenAuthError',
    ]);
    const bridge = createWxBridge({ login: async () => (await h.wxLogin()).code });
    const client = new sdk.AuthenticationClient({
      appId: h.app.appId,
      userPoolId: h.demo.userPoolId,
      host: h.url,
      runtime: sdk.createWxRuntime(bridge.wx),
    });
    const user = await client.loginByCode();
    expect(client.getToken()).toBe(user.token);
    const account = h.account((a) => a.email);
    const byEmail = await client.loginByEmail(account.email!, account.password);
    expect(byEmail.email).toBe(account.email);
    const status = await client.checkLoginStatus();
    expect(status.status).toBe(true);
    const error: unknown = await client
      .loginByEmail(account.email!, 'wrong-password')
      .catch((e: unknown) => e);
    expect(sdk.isGenAuthError(error) && error.kind).toBe('server');
  });
});
