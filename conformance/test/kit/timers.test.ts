/** @jest-environment @genauth-wxapp/conformance/environment */
import { createTestEnv, ManualTimers, type TestEnv } from '../../src';

jest.setTimeout(20_000);

const timers = new ManualTimers();
let env: TestEnv;

beforeAll(async () => {
  env = await createTestEnv({ timers });
});
afterAll(() => env.stop());

describe('createTestEnv({ timers })', () => {
  test('every bridge the env builds, and the mock it starts, wait on those timers', async () => {
    expect(env.bridge.network.timers).toBe(timers);
    expect(env.mock.context.options.timers).toBe(timers);
    await env.reset();
    expect(env.bridge.network.timers).toBe(timers);
  });

  test('a held WeChat answer arrives when the test advances the timers by its delayMs', async () => {
    await env.injectWechatFault({ route: 'wechat.token', errcode: -1, delayMs: 1000 });
    const wx = env.wx as unknown as { request(options: Record<string, unknown>): unknown };
    const answer = new Promise<Record<string, unknown>>((resolve) =>
      wx.request({
        url: `${env.url}/cgi-bin/token?appid=${env.wechatAppid}`,
        timeout: 5000,
        success: resolve,
        fail: resolve,
      }),
    );
    await timers.whenPending(2); // the request's timeout and the mock's held answer
    expect(timers.advance(999)).toBe(0);
    expect(timers.advance(1)).toBe(1);
    expect(await answer).toMatchObject({ errMsg: 'request:ok', data: { errcode: -1 } });
    expect(timers.pending).toBe(0); // the answer cleared the request's timeout
  });
});
