import type { Request, RequestHandler, Response } from 'express';

import type { Context } from '../context';
import { adminGuard } from '../control/guard';
import { consoleDir, readBundle, type ConsoleBundle, type ConsoleFile } from './bundle';
import { consoleHeaders } from './headers';

/** Where the page is served (`/__mock/ui` is its other address); assets live under this. */
const UI = '/__mock/ui';
const ASSETS = `${UI}/assets/`;

/** What a console path names: the page, an asset, or nothing of the console (undefined). */
function targetOf(path: string): { page: true } | { asset: string } | undefined {
  if (path === '/' || path === UI || path === `${UI}/`) return { page: true };
  if (path.startsWith(ASSETS)) return { asset: path.slice(ASSETS.length) };
  if (path.startsWith(`${UI}/`)) return { asset: '' };
  return undefined;
}

function sendFile(res: Response, file: ConsoleFile, hashed: boolean): void {
  consoleHeaders(res, hashed);
  res.status(200).type(file.type).send(file.body);
}

/**
 * The web console: its page at `GET /` (and `/__mock/ui`), its hashed assets at
 * `/__mock/ui/assets/…`, behind the control surface's admin guard. It serves the bundle the
 * build wrote to `dist/console` (503 `console_not_built` before a build), read once. Other
 * methods and paths pass on.
 */
export function consoleApp(ctx: Context, dir: string = consoleDir()): RequestHandler {
  const guard = adminGuard(ctx);
  let bundle: ConsoleBundle | undefined;
  const serve = (req: Request, res: Response, target: { page: true } | { asset: string }) => {
    bundle ??= readBundle(dir);
    if (!bundle) {
      consoleHeaders(res, false);
      res.status(503).json({
        error: 'console_not_built',
        message: 'the console bundle is missing: run `npm run build` in the mock-server package',
      });
      return;
    }
    if ('page' in target) return sendFile(res, bundle.index, false);
    const file = bundle.assets.get(target.asset);
    if (file) return sendFile(res, file, true);
    consoleHeaders(res, false);
    res.status(404).json({ error: 'not_found', message: `No console asset ${req.path}` });
  };
  return (req, res, next) => {
    const target = targetOf(req.path);
    if (target === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
      next();
      return;
    }
    guard(req, res, () => serve(req, res, target));
  };
}
