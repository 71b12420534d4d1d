import type { ErrorRequestHandler, Response } from 'express';

import type { Context } from '../context';
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
 * Sends `body` as HTTP 200 JSON, with the headers `res.json` would write (no ETag, none of its
 * content negotiation: WeChat's answers need none, and this is the mock's hottest path).
 */
export function sendWechatJson(res: Response, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(200, [
    'Content-Type',
    'application/json; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(text)),
  ]);
  res.end(text);
}

/** Sends `{errcode, errmsg: "<errmsg>, rid: <rid>"}` with HTTP 200, as WeChat does. */
export function sendWechatError(ctx: Context, res: Response, err: WechatError): void {
  sendWechatJson(res, { errcode: err.errcode, errmsg: `${err.errmsg}, rid: ${rid(ctx)}` });
}

/**
 * The WeChat half's one error renderer: a thrown {@link WechatError} becomes its wire body, and a
 * body the parser refused (too large, undecodable) becomes 47001. Anything else is a bug and goes
 * on to the server's last resort.
 */
export function wechatErrors(ctx: Context): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (err instanceof WechatError) {
      sendWechatError(ctx, res, err);
      return;
    }
    const type = (err as { type?: unknown } | null)?.type;
    if (typeof type === 'string' && (type.startsWith('entity.') || type.startsWith('encoding.'))) {
      sendWechatError(ctx, res, wechatError(47001));
      return;
    }
    next(err);
  };
}
