import type { Request, Response, Router } from 'express';

import type Multer from 'multer';

import type { Context } from '../../context';
import { fail } from '../errors';
import { sniffImage, storeUpload } from '../model/uploads';
import { publicBase } from '../request';
import { ok, rest } from './envelope';

const FOLDER = /^[A-Za-z0-9_-]{1,64}$/;
const NAME = /^[0-9a-f]{1,64}\.(png|jpg|gif|webp)$/;

/** Runs multer's single-file parser (loaded on the first upload) and turns its failures into GenAuth errors. */
function parseUpload(ctx: Context, req: Request, res: Response): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const multer = require('multer') as typeof Multer;
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: {
      fileSize: ctx.options.uploadLimit,
      files: 1,
      fields: 20,
      parts: 25,
      fieldSize: 64 * 1024,
    },
  }).single('file');
  return new Promise((resolve, reject) => {
    upload(req, res, (err: unknown) => {
      if (!err) resolve();
      else if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE')
        reject(
          fail(
            2511,
            { limit: ctx.options.uploadLimit },
            `文件过大：最大 ${ctx.options.uploadLimit} 字节`,
          ),
        );
      else if (
        err instanceof multer.MulterError &&
        (err.code === 'LIMIT_FILE_COUNT' ||
          (err.code === 'LIMIT_UNEXPECTED_FILE' && err.field === 'file'))
      )
        reject(fail(2510, { field: 'file', limit: 1 }, '一次只能上传一个文件'));
      else reject(fail(2512, { reason: err instanceof Error ? err.message : String(err) }));
    });
  });
}

/**
 * `POST /api/v2/upload?folder=avatar`: anonymous multipart upload of field `file` (as
 * `wx.uploadFile` sends it): one png, jpeg, gif or webp image (by its magic bytes) of at most
 * `uploadLimit` bytes, kept in a bounded in-memory store and served back at the returned URL
 * with its sniffed type, `nosniff` and an inline disposition.
 */
export function uploadRoutes(router: Router, ctx: Context): void {
  router.post(
    '/api/v2/upload',
    rest(ctx, async (req, res) => {
      const folder = (req.query as Record<string, unknown>)['folder'] ?? 'avatar';
      if (typeof folder !== 'string' || !FOLDER.test(folder)) throw fail(2510, { field: 'folder' });
      if (!req.is('multipart/form-data'))
        throw fail(2512, { reason: 'expected multipart/form-data' });
      await parseUpload(ctx, req, res);
      const file = (req as Request & { file?: Express.Multer.File }).file;
      if (!file) throw fail(2231, { field: 'file' });
      const image = sniffImage(file.buffer);
      if (!image)
        throw fail(
          2510,
          { field: 'file', accepted: ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] },
          '文件类型不支持：只接受 png、jpeg、gif、webp 图片',
        );
      const key = `${folder}/${ctx.random.hex(24)}${image.ext}`;
      storeUpload(ctx.store.genauth.uploads, {
        key,
        mimetype: image.type,
        bytes: file.buffer,
        originalName: file.originalname.slice(0, 255),
      });
      ok(res, { url: `${publicBase(ctx, req)}/api/v2/upload/files/${key}`, key }, '上传成功');
    }),
  );
  router.get('/api/v2/upload/files/:folder/:name', (req, res) => {
    const { folder, name } = req.params;
    const upload =
      FOLDER.test(folder) && NAME.test(name)
        ? ctx.store.genauth.uploads.get(`${folder}/${name}`)
        : undefined;
    if (!upload) {
      res.status(404).json({ code: 404, message: '文件不存在', data: null });
      return;
    }
    res.setHeader('Content-Type', upload.mimetype);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `inline; filename="${name}"`);
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Content-Length', upload.bytes.length);
    res.end(upload.bytes);
  });
}
