import request from 'supertest';

import { createMockServer } from '../../src';
import { storeUpload, UPLOAD_STORE_LIMITS } from '../../src/genauth/model/uploads';
import type { UploadRecord } from '../../src/genauth/model/types';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(16, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]);
const JPEG = Buffer.from('ffd8ffe000104a464946', 'hex');

describe('avatar uploads', () => {
  const mock = createMockServer({ uploadLimit: 64 * 1024 });
  const upload = () => request(mock.app).post('/api/v2/upload?folder=avatar');
  afterAll(() => mock.stop());

  it.each([
    ['png', PNG, 'image/png', '.png'],
    ['webp', WEBP, 'image/webp', '.webp'],
    ['jpeg', JPEG, 'image/jpeg', '.jpg'],
  ])(
    'accepts a %s by its magic bytes and serves it with safe headers',
    async (_, bytes, type, ext) => {
      const res = await upload().attach('file', bytes, {
        filename: '<x>.html',
        contentType: 'text/html',
      });
      expect(res.body).toMatchObject({
        code: 200,
        data: { key: expect.stringMatching(new RegExp(`\\${ext}$`)) },
      });
      const served = await request(mock.app).get(new URL(res.body.data.url).pathname);
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe(type);
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      const name = res.body.data.key.split('/')[1];
      expect(served.headers['content-disposition']).toBe(`inline; filename="${name}"`);
      expect(Buffer.from(served.body as Buffer)).toEqual(bytes);
    },
  );

  it('refuses a file that is not an image, whatever its declared type', async () => {
    const res = await upload().attach('file', Buffer.from('<script>alert(1)</script>'), {
      filename: 'a.png',
      contentType: 'image/png',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: 2510,
      message: '文件类型不支持：只接受 png、jpeg、gif、webp 图片',
      data: { field: 'file', accepted: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] },
    });
  });

  it('refuses two files in one request', async () => {
    const res = await upload().attach('file', PNG, 'a.png').attach('file', PNG, 'b.png');
    expect(res.body).toEqual({
      code: 2510,
      message: '一次只能上传一个文件',
      data: { field: 'file', limit: 1 },
    });
  });

  it('answers an oversized upload over a real socket with 2511, without dropping the connection', async () => {
    const url = await mock.start(0);
    const form = new FormData();
    form.append(
      'file',
      new Blob([Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)])], { type: 'image/png' }),
      'a.png',
    );
    const res = await fetch(`${url}/api/v2/upload?folder=avatar`, { method: 'POST', body: form });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ code: 2511, data: { limit: 64 * 1024 } });
  });

  it('keeps the upload store bounded, evicting the oldest first', () => {
    const uploads = new Map<string, UploadRecord>();
    const record = (i: number, size: number): UploadRecord => ({
      key: `avatar/${i}.png`,
      mimetype: 'image/png',
      bytes: Buffer.alloc(size),
      originalName: 'a.png',
    });
    for (let i = 0; i < UPLOAD_STORE_LIMITS.files + 5; i++) storeUpload(uploads, record(i, 1));
    expect(uploads.size).toBe(UPLOAD_STORE_LIMITS.files);
    expect(uploads.has('avatar/4.png')).toBe(false);
    expect(uploads.has('avatar/5.png')).toBe(true);
    storeUpload(uploads, record(-1, UPLOAD_STORE_LIMITS.bytes - 10));
    expect([...uploads.values()].reduce((n, u) => n + u.bytes.length, 0)).toBeLessThanOrEqual(
      UPLOAD_STORE_LIMITS.bytes,
    );
    expect(uploads.has('avatar/-1.png')).toBe(true);
  });
});
