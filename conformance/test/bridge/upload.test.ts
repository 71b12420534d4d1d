import { createWxBridge, FIXTURE_PNG, ManualTimers, type WxBridge } from '../../src/bridge';
import { startEchoServer, type Echo, type EchoServer } from '../support/echo-server';

let echo: EchoServer;
let bridge: WxBridge;
/** The bridge's timeouts run on these: a test times an upload out by advancing them. */
let timers: ManualTimers;

beforeAll(async () => {
  echo = await startEchoServer();
});
afterAll(() => echo.stop());
beforeEach(() => {
  timers = new ManualTimers();
  bridge = createWxBridge({ baseUrl: echo.url, appid: 'wx0', timers });
});

interface Outcome {
  ok: boolean;
  res: Record<string, unknown>;
}

/** Starts `wx.uploadFile`: its task, and its outcome (whichever callback fired). */
function start(options: Record<string, unknown>): {
  task: { abort(): void };
  done: Promise<Outcome>;
} {
  let task: { abort(): void } | undefined;
  const done = new Promise<Outcome>((resolve) => {
    task = bridge.api.uploadFile!({
      ...options,
      success: (res: Record<string, unknown>) => resolve({ ok: true, res }),
      fail: (res: Record<string, unknown>) => resolve({ ok: false, res }),
    } as never) as never;
  });
  return { task: task!, done };
}

function upload(options: Record<string, unknown>): Promise<Outcome> {
  return start(options).done;
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
    let settled = false;
    const stalled = upload({
      url: `${echo.url}/u`,
      filePath: avatarUrl,
      name: 'file',
      timeout: 30,
    }).finally(() => (settled = true));
    await timers.whenPending();
    expect(timers.advance(29)).toBe(0);
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(timers.advance(1)).toBe(1);
    expect(await stalled).toEqual({
      ok: false,
      res: { errMsg: 'uploadFile:fail timeout', errno: 5 },
    });
  });

  test('a server that never answers times the upload out after networkTimeout.uploadFile', async () => {
    const b = createWxBridge({
      baseUrl: echo.url,
      appid: 'wx0',
      networkTimeout: { uploadFile: 500 },
      timers,
    });
    bridge = b;
    const arrived = echo.nextStall();
    const { done } = start({
      url: `${echo.url}/stall`,
      filePath: b.chooseAvatarDetail().avatarUrl,
      name: 'file',
    });
    await arrived;
    expect(timers.advance(499)).toBe(0);
    expect(timers.advance(1)).toBe(1);
    expect(await done).toEqual({ ok: false, res: { errMsg: 'uploadFile:fail timeout', errno: 5 } });
  });

  test('abort() ends a stalled upload at once with uploadFile:fail abort', async () => {
    const { avatarUrl } = bridge.chooseAvatarDetail();
    bridge.network.inject({ kind: 'stall', match: '/u' });
    const faulted = start({ url: `${echo.url}/u`, filePath: avatarUrl, name: 'file' });
    await timers.whenPending();
    faulted.task.abort();
    expect(await faulted.done).toEqual({
      ok: false,
      res: { errMsg: 'uploadFile:fail abort', errno: 600003 },
    });
    expect(timers.pending).toBe(0);

    const arrived = echo.nextStall();
    const held = start({ url: `${echo.url}/stall`, filePath: avatarUrl, name: 'file' });
    await arrived;
    held.task.abort();
    expect(await held.done).toEqual({
      ok: false,
      res: { errMsg: 'uploadFile:fail abort', errno: 600003 },
    });
    expect(timers.pending).toBe(0);
    expect(bridge.network.log.map((e) => e.outcome)).toEqual([
      'uploadFile:fail abort',
      'uploadFile:fail abort',
    ]);
  });
});
