import { createWxBridge, FIXTURE_PNG, type WxBridge } from '../../src/bridge';
import { startEchoServer, type Echo } from '../support/echo-server';

let echo: Awaited<ReturnType<typeof startEchoServer>>;
let bridge: WxBridge;

beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.stop());
beforeEach(() => {
  bridge = createWxBridge({ baseUrl: echo.url, appid: 'wx0' });
});

function upload(options: Record<string, unknown>) {
  return new Promise<{ ok: boolean; res: Record<string, unknown> }>((resolve) => {
    bridge.api.uploadFile!({
      ...options,
      success: (res: Record<string, unknown>) => resolve({ ok: true, res }),
      fail: (res: Record<string, unknown>) => resolve({ ok: false, res }),
    } as never);
  });
}

describe('wx.uploadFile', () => {
  test('sends the temporary file as multipart/form-data with formData fields; data is a string', async () => {
    const { avatarUrl } = bridge.chooseAvatarDetail();
    const progress: number[] = [];
    const { ok, res } = await new Promise<{ ok: boolean; res: Record<string, unknown> }>(
      (resolve) => {
        const task = bridge.api.uploadFile!({
          url: `${echo.url}/api/v2/upload?folder=avatar`,
          filePath: avatarUrl,
          name: 'file',
          formData: { purpose: 'avatar' },
          header: { 'x-skip': undefined },
          success: (r: Record<string, unknown>) => resolve({ ok: true, res: r }),
        } as never) as { onProgressUpdate(l: (p: { progress: number }) => void): void };
        task.onProgressUpdate((p) => progress.push(p.progress));
      },
    );
    expect(ok).toBe(true);
    expect(res['errMsg']).toBe('uploadFile:ok');
    expect(res['statusCode']).toBe(200);
    expect(typeof res['data']).toBe('string');
    const seen = JSON.parse(res['data'] as string) as Echo;
    expect(seen.query).toEqual({ folder: 'avatar' });
    expect(seen.body).toEqual({ purpose: 'avatar' });
    expect(seen.files).toEqual([
      {
        fieldname: 'file',
        originalname: avatarUrl.replace('wxfile://', ''),
        mimetype: 'image/png',
        size: FIXTURE_PNG.length,
        base64: FIXTURE_PNG.toString('base64'),
      },
    ]);
    expect(progress).toEqual([100]);
  });

  test('an unknown temporary path, a missing name and a stalled server fail with uploadFile:fail', async () => {
    expect(
      (await upload({ url: `${echo.url}/u`, filePath: 'wxfile://nope.png', name: 'file' })).res[
        'errMsg'
      ],
    ).toMatch(/^uploadFile:fail file not found/);
    const { avatarUrl } = bridge.chooseAvatarDetail();
    expect((await upload({ url: `${echo.url}/u`, filePath: avatarUrl })).res['errMsg']).toMatch(
      /^uploadFile:fail parameter error/,
    );
    bridge.network.inject({ kind: 'stall', match: '/u' });
    const stalled = await upload({
      url: `${echo.url}/u`,
      filePath: avatarUrl,
      name: 'file',
      timeout: 30,
    });
    expect(stalled).toEqual({ ok: false, res: { errMsg: 'uploadFile:fail timeout', errno: 5 } });
  });
});
