import type { ErrorRequestHandler, RequestHandler, Response } from 'express';

import type { Context } from '../context';
import { asBodyError } from '../http/body';
import { WechatError } from './contract';
import { wechatError } from './errcodes';

/**
 * A WeChat request id: `<8-hex unix time>-<8 hex>-<8 hex>`, time from the mock clock, the rest
 * from the state's own rid stream (so errors never shift minted codes).
 */
export function rid(ctx: Context): string {
  const time = (ctx.clock.nowSeconds() >>> 0).toString(16).padStart(8, '0');
  const { rids } = ctx.store.wechat;
  return `${time}-${rids.hex(8)}-${rids.hex(8)}`;
}

/**
 * Sends `body` as JSON (HTTP 200 unless `status` says otherwise), with the headers `res.json`
 * would write (no ETag, none of its content negotiation: WeChat's answers need none, and this is
 * the mock's hottest path).
 */
export function sendWechatJson(res: Response, body: object, status = 200): void {
  const text = JSON.stringify(body);
  res.writeHead(status, [
    'Content-Type',
    'application/json; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(text)),
  ]);
  res.end(text);
}

/** Sends `{errcode, errmsg: "<errmsg>, rid: <rid>"}` with HTTP 200, as WeChat does. */
export function sendWechatError(ctx: Context, res: Response, err: WechatError, status = 200): void {
  sendWechatJson(res, { errcode: err.errcode, errmsg: `${err.errmsg}, rid: ${rid(ctx)}` }, status);
}

/**
 * The WeChat API's one error renderer, mounted once at the end of its router (and used by the
 * fault gate): a thrown {@link WechatError} becomes its wire body; a body that could not be read
 * (not JSON, too large also once decompressed, a corrupt or unknown `Content-Encoding`, truncated)
 * becomes 47001 `data format error`, the errcode WeChat gives a body it cannot parse (-1 `system
 * error` would tell the caller to retry a request that can never succeed); anything else is a bug,
 * logged and answered -1 `system error`, as WeChat answers its own failures. All HTTP 200.
 */
export function wechatErrors(ctx: Context): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof WechatError) {
      sendWechatError(ctx, res, err);
      return;
    }
    if (asBodyError(err)) {
      sendWechatError(ctx, res, wechatError(47001));
      return;
    }
    ctx.options.log(
      `[wechat] ${req.method} ${req.path} failed: ${String((err as Error)?.stack ?? err)}`,
    );
    sendWechatError(ctx, res, wechatError(-1));
  };
}

/**
 * Paths under `/sns`, `/cgi-bin` and `/wxa` that the mock does not serve: HTTP 404 with 40066
 * `invalid url`, the errmsg naming the method and path.
 */
export function wechatNotFound(ctx: Context): RequestHandler {
  return (req, res) => {
    const { errcode, errmsg } = wechatError(40066);
    const err = new WechatError(errcode, `${errmsg}: no api ${req.method} ${req.path}`);
    sendWechatError(ctx, res, err, 404);
  };
}
