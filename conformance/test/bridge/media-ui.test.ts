import { createWxBridge, FIXTURE_PNG, type WxBridge } from '../../src/bridge';

type Api = Record<string, (...args: unknown[]) => unknown>;
let bridge: WxBridge;
let api: Api;

beforeEach(() => {
  bridge = createWxBridge({ baseUrl: 'http://127.0.0.1:9', appid: 'wx0' });
  api = bridge.api as Api;
});

describe('wx media', () => {
  test('chooseMedia gives the fixture image as a temporary file the bridge can read back', async () => {
    const res = (await api.chooseMedia!({ count: 1, mediaType: ['image'] })) as {
      errMsg: string;
      type: string;
      tempFiles: { tempFilePath: string; size: number; fileType: string; width: number }[];
    };
    expect(res.errMsg).toBe('chooseMedia:ok');
    expect(res.type).toBe('image');
    const file = res.tempFiles[0]!;
    expect(file.tempFilePath).toMatch(/^wxfile:\/\/tmp_\d+\.png$/);
    expect(file).toMatchObject({ size: FIXTURE_PNG.length, fileType: 'image', width: 8 });
    expect(bridge.files.get(file.tempFilePath)?.bytes.equals(FIXTURE_PNG)).toBe(true);
    expect(bridge.media.calls[0]).toEqual({
      api: 'chooseMedia',
      options: { count: 1, mediaType: ['image'] },
    });
  });

  test('chooseImage answers tempFilePaths; a queued cancel fails with <api>:fail cancel', async () => {
    const res = (await api.chooseImage!({ count: 2 })) as {
      tempFilePaths: string[];
      tempFiles: { path: string }[];
    };
    expect(res.tempFilePaths).toHaveLength(2);
    expect(res.tempFiles[1]!.path).toBe(res.tempFilePaths[1]);
    bridge.media.next('cancel', 'cancel');
    await expect(api.chooseImage!({})).rejects.toEqual({ errMsg: 'chooseImage:fail cancel' });
    const failed = await new Promise((resolve) => api.chooseMedia!({ fail: resolve }));
    expect(failed).toEqual({ errMsg: 'chooseMedia:fail cancel' });
    await expect(api.chooseMedia!({})).resolves.toMatchObject({ errMsg: 'chooseMedia:ok' });
  });
});

describe('wx UI', () => {
  test('showModal and showToast are recorded; modals answer the queued button', async () => {
    await api.showToast!({ title: 'hi', icon: 'none' });
    await expect(api.showModal!({ title: 'Error', content: 'x' })).resolves.toEqual({
      errMsg: 'showModal:ok',
      confirm: true,
      cancel: false,
    });
    bridge.ui.answerModal('cancel');
    const res = await new Promise((resolve) => api.showModal!({ content: 'y', success: resolve }));
    expect(res).toMatchObject({ confirm: false, cancel: true });
    expect(bridge.ui.of('showModal')).toEqual([{ title: 'Error', content: 'x' }, { content: 'y' }]);
    expect(bridge.ui.of('showToast')).toEqual([{ title: 'hi', icon: 'none' }]);
  });

  test('button details: both deny spellings and the chooseAvatar temporary path', async () => {
    expect(await bridge.phoneNumberDetail('deny', 'ios')).toEqual({
      errMsg: 'getPhoneNumber:fail user deny',
    });
    expect(await bridge.phoneNumberDetail('deny', 'android')).toEqual({
      errMsg: 'getPhoneNumber:fail:user deny',
    });
    const { avatarUrl } = bridge.chooseAvatarDetail();
    expect(bridge.files.get(avatarUrl)?.mimeType).toBe('image/png');
  });
});

describe('wx account and randomness', () => {
  test('getAccountInfoSync names the running app; getRandomValues gives the bytes asked for', async () => {
    expect(api.getAccountInfoSync!()).toMatchObject({
      miniProgram: { appId: 'wx0', envVersion: 'develop' },
    });
    const a = (await api.getRandomValues!({ length: 16 })) as {
      errMsg: string;
      randomValues: ArrayBuffer;
    };
    const b = (await api.getRandomValues!({ length: 16 })) as { randomValues: ArrayBuffer };
    expect(a.errMsg).toBe('getRandomValues:ok');
    expect(a.randomValues.byteLength).toBe(16);
    expect(Buffer.from(a.randomValues).equals(Buffer.from(b.randomValues))).toBe(false);
    await expect(api.getRandomValues!({ length: 0 })).rejects.toMatchObject({
      errMsg: expect.stringMatching(/^getRandomValues:fail parameter error/),
    });
  });
});
