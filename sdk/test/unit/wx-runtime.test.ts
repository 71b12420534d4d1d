import { createWxRuntime } from '../../src/node';

import { createWxStandIn } from '../helpers/wx-stand-in';
import { failure } from '../helpers/failure';

describe('createWxRuntime', () => {
  const request = {
    method: 'POST' as const,
    url: 'https://h/graphql/v2',
    headers: { 'x-authing-app-id': 'a' },
    body: '{"query":"q"}',
    timeout: 1234,
  };

  it('forwards url, method, header, data and timeout to wx.request and maps the answer', async () => {
    const s = createWxStandIn();
    s.answer('request', {
      ok: { statusCode: 200, data: { data: { ok: 1 } }, errMsg: 'request:ok' },
    });
    await expect(createWxRuntime(s.wx).request(request)).resolves.toEqual({
      status: 200,
      body: { data: { ok: 1 } },
    });
    expect(s.calls[0]!.options).toMatchObject({
      url: request.url,
      method: 'POST',
      header: request.headers,
      data: request.body,
      timeout: 1234,
    });
  });

  it('parses JSON text bodies and keeps other text', async () => {
    const s = createWxStandIn();
    s.answer('request', { ok: { statusCode: 200, data: '{"code":200}' } });
    s.answer('request', { ok: { statusCode: 502, data: '<html>bad gateway</html>' } });
    const runtime = createWxRuntime(s.wx);
    await expect(runtime.request(request)).resolves.toEqual({ status: 200, body: { code: 200 } });
    await expect(runtime.request(request)).resolves.toEqual({
      status: 502,
      body: '<html>bad gateway</html>',
    });
  });

  it('maps request failures: timeout (also localised) and network', async () => {
    const s = createWxStandIn();
    s.answer('request', { fail: { errMsg: 'request:fail timeout' } });
    s.answer('request', { fail: { errMsg: 'request:fail 请求超时' } });
    s.answer('request', { fail: { errMsg: 'request:fail url not in domain list', errno: 600002 } });
    const runtime = createWxRuntime(s.wx);
    const timeout = await failure(runtime.request(request));
    expect(timeout).toMatchObject({ kind: 'timeout', code: 504 });
    expect(timeout.message).toContain('POST https://h/graphql/v2');
    expect(timeout.cause).toEqual({ errMsg: 'request:fail timeout' });
    expect(await failure(runtime.request(request))).toMatchObject({ kind: 'timeout' });
    expect(await failure(runtime.request(request))).toMatchObject({
      kind: 'network',
      code: 500,
      message: 'request:fail url not in domain list (POST https://h/graphql/v2)',
    });
  });

  it('uploads with wx.uploadFile and parses its string body', async () => {
    const s = createWxStandIn();
    s.answer('uploadFile', { ok: { statusCode: 200, data: '{"code":200,"data":{"url":"u"}}' } });
    const res = await createWxRuntime(s.wx).uploadFile({
      url: 'https://h/api/v2/upload?folder=avatar',
      filePath: 'wxfile://tmp/a.png',
      name: 'file',
      headers: { h: '1' },
      timeout: 99,
    });
    expect(res).toEqual({ status: 200, body: { code: 200, data: { url: 'u' } } });
    expect(s.calls[0]!.options).toMatchObject({
      filePath: 'wxfile://tmp/a.png',
      name: 'file',
      timeout: 99,
    });
  });

  it('gets a login code; a failing wx.login becomes a wechat error with errno', async () => {
    const s = createWxStandIn();
    s.answer('login', { ok: { code: 'C1', errMsg: 'login:ok' } });
    s.answer('login', { fail: { errMsg: 'login:fail system error', errno: 1400002 } });
    const runtime = createWxRuntime(s.wx);
    await expect(runtime.login()).resolves.toBe('C1');
    expect(await failure(runtime.login())).toMatchObject({
      kind: 'wechat',
      code: 1400002,
      message: 'login:fail system error',
    });
  });

  it('chooses an image with chooseMedia; cancelling is a cancelled error', async () => {
    const s = createWxStandIn();
    s.answer('chooseMedia', {
      ok: { tempFiles: [{ tempFilePath: 'wxfile://a.jpg' }], type: 'image' },
    });
    s.answer('chooseMedia', { fail: { errMsg: 'chooseMedia:fail cancel' } });
    const runtime = createWxRuntime(s.wx);
    await expect(runtime.chooseImage()).resolves.toBe('wxfile://a.jpg');
    expect(s.calls[0]!.options).toMatchObject({ count: 1, mediaType: ['image'] });
    expect(await failure(runtime.chooseImage())).toMatchObject({ kind: 'cancelled', code: -1 });
  });

  it('maps the privacy errnos 104 and 112 of the picker to privacy errors', async () => {
    const s = createWxStandIn();
    s.answer('chooseMedia', {
      fail: { errMsg: 'chooseMedia:fail privacy permission is not authorized', errno: 104 },
    });
    s.answer('chooseMedia', {
      fail: { errMsg: 'chooseMedia:fail api scope is not declared', errno: 112 },
    });
    const runtime = createWxRuntime(s.wx);
    expect(await failure(runtime.chooseImage())).toMatchObject({ kind: 'privacy', code: 104 });
    expect(await failure(runtime.chooseImage())).toMatchObject({ kind: 'privacy', code: 112 });
  });

  it('falls back to chooseImage on clients without chooseMedia', async () => {
    const s = createWxStandIn();
    const legacy = { ...s.wx };
    delete legacy.chooseMedia;
    s.answer('chooseImage', { ok: { tempFilePaths: ['wxfile://b.jpg'] } });
    s.answer('chooseImage', { fail: { errMsg: 'chooseImage:fail cancel' } });
    const runtime = createWxRuntime(legacy);
    await expect(runtime.chooseImage()).resolves.toBe('wxfile://b.jpg');
    expect(await failure(runtime.chooseImage())).toMatchObject({ kind: 'cancelled' });
    expect(s.calls.map((c) => c.api)).toEqual(['chooseImage', 'chooseImage']);
  });

  it('uses the storage sync trio and wx.getRandomValues', async () => {
    const s = createWxStandIn();
    const runtime = createWxRuntime(s.wx);
    runtime.storage.set('_authing_user', { id: 'u1' });
    expect(s.store['_authing_user']).toEqual({ id: 'u1' });
    expect(runtime.storage.get('missing')).toBe('');
    runtime.storage.remove('_authing_user');
    expect(s.store).toEqual({});
    s.answer('getRandomValues', { ok: { randomValues: new Uint8Array([1, 2, 3]).buffer } });
    await expect(runtime.randomBytes!(3)).resolves.toEqual(new Uint8Array([1, 2, 3]));
    expect(s.calls[0]!.options).toMatchObject({ length: 3 });
  });

  it('turns a wx API that throws synchronously into a GenAuthError', async () => {
    const s = createWxStandIn();
    const runtime = createWxRuntime({
      ...s.wx,
      request: () => {
        throw new Error('invalid url');
      },
    });
    expect(await failure(runtime.request(request))).toMatchObject({
      kind: 'network',
      message: 'request:fail invalid url (POST https://h/graphql/v2)',
    });
  });

  it('uses the global wx by default', () => {
    const s = createWxStandIn();
    (globalThis as { wx?: unknown }).wx = s.wx;
    try {
      createWxRuntime().storage.set('k', 'v');
      expect(s.store['k']).toBe('v');
    } finally {
      delete (globalThis as { wx?: unknown }).wx;
    }
  });
});
