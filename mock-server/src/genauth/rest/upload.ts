import { extname } from 'node:path';

import type { Request, Response, Router } from 'express';

import type Multer from 'multer';

import type { Context } from '../../context';
import { fail } from '../errors';
import { ok, rest } from './envelope';

const FOLDER = /^[A-Za-z0-9_-]{1,64}$/;

/** Runs multer's single-file parser (loaded on the first upload) and turns its failures into GenAuth errors. */
function parseUpload(ctx: Context, req: Request, res: Response): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const multer = require('multer') as typeof Multer;
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ctx.options.uploadLimit, files: 1, fields: 20 },
  }).single('file');
  return new Promise((resolve, reject) => {
    upload(req, res, (err: unknown) => {
      if (!err) resolve();
      else if (err instanceof multer.MulterError && err.code === 'LIMIT_FILE_SIZE')
        reject(fail(2511, { limit: ctx.options.uploadLimit }));
      else reject(fail(2512, { reason: err instanceof Error ? err.message : String(err) }));
    });
  });
}

/**
 * `POST /api/v2/upload?folder=avatar`: anonymous multipart upload of field `file` (as
 * `wx.uploadFile` sends it), kept in memory and served back at the returned URL.
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
      const ext = extname(file.originalname)
        .replace(/[^.A-Za-z0-9]/g, '')
        .slice(0, 10);
      const key = `${folder}/${ctx.random.hex(24)}${ext}`;
      ctx.store.genauth.uploads.set(key, {
        key,
        mimetype: file.mimetype,
        bytes: file.buffer,
        originalName: file.originalname,
      });
      const base = ctx.baseUrl() || `${req.protocol}://${req.get('host') ?? 'localhost'}`;
      ok(res, { url: `${base}/api/v2/upload/files/${key}`, key }, '上传成功');
    }),
  );
  router.get('/api/v2/upload/files/:folder/:name', (req, res) => {
    const upload = ctx.store.genauth.uploads.get(`${req.params.folder}/${req.params.name}`);
    if (!upload) {
      res.status(404).json({ code: 404, message: '文件不存在', data: null });
      return;
    }
    res.type(upload.mimetype || 'application/octet-stream').send(upload.bytes);
  });
}
