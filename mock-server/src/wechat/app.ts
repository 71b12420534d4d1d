import { Router } from 'express';

import type { Context } from '../context';

/** api.weixin.qq.com: `/sns`, `/cgi-bin`, `/wxa`. */
export function wechatApp(_ctx: Context): Router {
  return Router();
}
