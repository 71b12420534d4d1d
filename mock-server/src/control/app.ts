import { Router } from 'express';

import type { Context } from '../context';
import { coreControl } from './core';
import { faultsControl } from './faults';
import { genauthControl } from './genauth';
import { journalControl } from './journal';
import { wechatControl } from './wechat';

/**
 * The `/__mock/v1` control surface (JSON, usable with curl): the simulated WeChat client, the
 * clock, state and reset, WeChat faults, the request journal, and the GenAuth message outbox.
 */
export function controlApp(ctx: Context): Router {
  const router = Router();
  router.use(coreControl(ctx));
  router.use(faultsControl(ctx));
  router.use('/wechat', wechatControl(ctx));
  router.use(genauthControl(ctx));
  router.use(journalControl(ctx));
  return router;
}
