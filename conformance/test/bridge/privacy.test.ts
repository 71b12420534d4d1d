import {
  createWxBridge,
  privacyKeyOf,
  type NeedPrivacyListener,
  type PrivacyKey,
  type PrivacyResolution,
  type WxBridge,
} from '../../src/bridge';

type Api = Record<string, (...args: unknown[]) => unknown>;
let bridge: WxBridge;
let api: Api;

beforeEach(() => {
  bridge = createWxBridge({ baseUrl: 'http://127.0.0.1:9', appid: 'wx0' });
  api = bridge.api as Api;
});

/** Registers a listener that keeps each `resolve` it gets, with the referrer. */
function captureListener(): {
  calls: { referrer: string; resolve: (r: PrivacyResolution) => void }[];
} {
  const calls: { referrer: string; resolve: (r: PrivacyResolution) => void }[] = [];
  const listener: NeedPrivacyListener = (resolve, info) =>
    calls.push({ referrer: info.referrer, resolve });
  api.onNeedPrivacyAuthorization!(listener);
  return { calls };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('wx privacy', () => {
  test('by default the user has agreed to a guide that declares everything', async () => {
    expect(bridge.privacy.settings).toMatchObject({ agreed: true, declared: 'all' });
    await expect(api.getPrivacySetting!({})).resolves.toEqual({
      errMsg: 'getPrivacySetting:ok',
      needAuthorization: false,
      privacyContractName: '《小程序用户隐私保护指引》',
    });
    await expect(api.chooseMedia!({})).resolves.toMatchObject({ errMsg: 'chooseMedia:ok' });
    await expect(api.requirePrivacyAuthorize!({})).resolves.toEqual({
      errMsg: 'requirePrivacyAuthorize:ok',
    });
  });

  test('the categories: phone buttons, avatar, album; profile APIs need no consent', () => {
    expect(privacyKeyOf('getPhoneNumber')).toBe('PhoneNumber');
    expect(privacyKeyOf('getRealtimePhoneNumber')).toBe('PhoneNumber');
    expect(privacyKeyOf('chooseAvatar')).toBe('UserInfo');
    expect(privacyKeyOf('chooseMedia')).toBe('Album');
    expect(privacyKeyOf('getLocation')).toBe('Location');
    expect(privacyKeyOf('getUserProfile')).toBeUndefined();
    expect(privacyKeyOf('login')).toBeUndefined();
  });

  test('an API whose category the guide does not declare fails with errno 112, agreed or not', async () => {
    bridge.privacy.set({ declared: ['PhoneNumber', 'UserInfo'] });
    await expect(api.chooseMedia!({})).rejects.toEqual({
      errMsg: 'chooseMedia:fail api scope is not declared in the privacy agreement',
      errno: 112,
    });
    bridge.privacy.set({ agreed: false });
    const failed = await new Promise((resolve) => api.chooseImage!({ fail: resolve }));
    expect(failed).toMatchObject({ errno: 112 });
    expect(bridge.privacy.prompts).toEqual([]);
  });

  test('without a listener WeChat shows its own popup: disagree is errno 104, agree goes on', async () => {
    bridge.privacy.set({ agreed: false });
    await expect(api.getPrivacySetting!({})).resolves.toMatchObject({ needAuthorization: true });
    await expect(api.chooseMedia!({})).rejects.toEqual({
      errMsg: 'chooseMedia:fail privacy permission is not authorized',
      errno: 104,
    });
    bridge.privacy.set({ popup: 'agree' });
    await expect(api.chooseMedia!({})).resolves.toMatchObject({ errMsg: 'chooseMedia:ok' });
    expect(bridge.privacy.prompts).toEqual([
      { api: 'chooseMedia', by: 'official-popup' },
      { api: 'chooseMedia', by: 'official-popup' },
    ]);
    await expect(api.getPrivacySetting!({})).resolves.toMatchObject({ needAuthorization: false });
  });

  test('set refuses a declared that is neither all nor a list of categories, changing nothing', () => {
    const bad = [undefined, 'PhoneNumber', ['PhoneNumber', 'Phone']] as unknown as PrivacyKey[][];
    for (const declared of bad) {
      expect(() => bridge.privacy.set({ agreed: false, declared })).toThrow(
        /^privacy\.set: declared must be 'all' or a list of PhoneNumber, UserInfo, Album/,
      );
    }
    expect(() => bridge.privacy.set({ declared: undefined })).toThrow(/; got undefined$/);
    expect(() => bridge.privacy.set({ declared: ['Phone'] as unknown as PrivacyKey[] })).toThrow(
      /; got "Phone"$/,
    );
    expect(bridge.privacy.settings).toMatchObject({ agreed: true, declared: 'all' });
  });

  test('a guide that declares nothing needs no authorization', async () => {
    bridge.privacy.set({ agreed: false, declared: [] });
    await expect(api.getPrivacySetting!({})).resolves.toMatchObject({ needAuthorization: false });
    await expect(api.requirePrivacyAuthorize!({})).resolves.toMatchObject({
      errMsg: 'requirePrivacyAuthorize:ok',
    });
  });

  test('the listener holds the call, not in flight, until resolve: disagree fails with 104', async () => {
    bridge.privacy.set({ agreed: false });
    const { calls } = captureListener();
    const result = api.chooseMedia!({}) as Promise<unknown>;
    await flush();
    expect(calls.map((c) => c.referrer)).toEqual(['chooseMedia']);
    expect(bridge.privacy.pending).toEqual(['chooseMedia']);
    expect(bridge.inFlight).toBe(0);
    calls[0]!.resolve({ event: 'exposureAuthorization' });
    await flush();
    expect(bridge.privacy.pending).toEqual(['chooseMedia']);
    calls[0]!.resolve({ event: 'disagree' });
    await expect(result).rejects.toEqual({
      errMsg: 'chooseMedia:fail privacy permission is not authorized',
      errno: 104,
    });
    expect(bridge.privacy.pending).toEqual([]);
    expect(bridge.inFlight).toBe(0);
  });

  test('agree needs the id of an agree button the user tapped; then the call goes on', async () => {
    bridge.privacy.set({ agreed: false });
    const { calls } = captureListener();
    const first = api.requirePrivacyAuthorize!({}) as Promise<unknown>;
    await flush();
    calls[0]!.resolve({ event: 'agree', buttonId: 'agree-btn' });
    await expect(first).rejects.toEqual({
      errMsg:
        'requirePrivacyAuthorize:fail privacy permission is not authorized or buttonId is wrong',
      errno: 104,
    });
    const second = api.chooseImage!({}) as Promise<unknown>;
    await flush();
    bridge.privacy.agreeButton('agree-btn');
    expect(bridge.privacy.settings.agreed).toBe(true);
    calls[1]!.resolve({ event: 'agree', buttonId: 'agree-btn' });
    await expect(second).resolves.toMatchObject({ errMsg: 'chooseImage:ok' });
    await expect(api.chooseImage!({})).resolves.toMatchObject({ errMsg: 'chooseImage:ok' });
    expect(calls).toHaveLength(2);
  });

  test('a button press delivers the privacy failure as its detail', async () => {
    bridge.privacy.set({ agreed: false, declared: ['UserInfo'] });
    const delivered: unknown[] = [];
    const phone = await bridge.pressButton(
      'getPhoneNumber',
      () => ({ errMsg: 'getPhoneNumber:ok' }),
      (d) => delivered.push(d),
    );
    expect(phone).toEqual({
      errMsg: 'getPhoneNumber:fail api scope is not declared in the privacy agreement',
      errno: 112,
    });
    const pick = jest.fn(() => bridge.chooseAvatarDetail());
    const avatar = await bridge.pressButton('chooseAvatar', pick, (d) => delivered.push(d));
    expect(avatar).toEqual({
      errMsg: 'chooseAvatar:fail privacy permission is not authorized',
      errno: 104,
    });
    expect(delivered).toEqual([phone, avatar]);
    expect(pick).not.toHaveBeenCalled();
  });

  test('openPrivacyContract is recorded; consent stays with the phone across a restart', async () => {
    await expect(api.openPrivacyContract!({})).resolves.toEqual({
      errMsg: 'openPrivacyContract:ok',
    });
    expect(bridge.privacy.contractOpened).toBe(1);
    expect(bridge.ui.of('openPrivacyContract')).toEqual([{}]);
    bridge.privacy.set({ agreed: false, declared: ['PhoneNumber'] });
    const restarted = createWxBridge({
      baseUrl: 'http://127.0.0.1:9',
      appid: 'wx0',
      storage: bridge.storage,
    });
    expect(restarted.privacy.settings).toMatchObject({ agreed: false, declared: ['PhoneNumber'] });
    const newPhone = createWxBridge({ baseUrl: 'http://127.0.0.1:9', appid: 'wx0' });
    expect(newPhone.privacy.settings).toMatchObject({ agreed: true, declared: 'all' });
  });

  test('getLocation and getFuzzyLocation report the phone position, behind the Location gate', async () => {
    bridge.location.set({ latitude: 31.230416, longitude: 121.473701 });
    await expect(api.getLocation!({ type: 'gcj02' })).resolves.toEqual({
      errMsg: 'getLocation:ok',
      latitude: 31.230416,
      longitude: 121.473701,
      speed: -1,
      accuracy: 65,
      altitude: 0,
      verticalAccuracy: 0,
      horizontalAccuracy: 65,
    });
    await expect(api.getFuzzyLocation!({})).resolves.toEqual({
      errMsg: 'getFuzzyLocation:ok',
      latitude: 31.23,
      longitude: 121.47,
    });
    bridge.privacy.set({ declared: ['PhoneNumber', 'Album'] });
    await expect(api.getLocation!({})).rejects.toEqual({
      errMsg: 'getLocation:fail api scope is not declared in the privacy agreement',
      errno: 112,
    });
    bridge.privacy.set({ declared: 'all', agreed: false });
    await expect(api.getFuzzyLocation!({})).rejects.toMatchObject({ errno: 104 });
  });
});
