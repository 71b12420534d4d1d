import { Router, type RequestHandler } from 'express';

import type { Context } from '../context';
import { faultsControl } from './faults';
import { genauthControl } from './genauth';
import { genauthUsersControl } from './genauth-users';
import { journalControl } from './journal';
import { journalEventsControl } from './journal-events';
import { listingsControl } from './listings';
import type { ControlApi } from './types';
import { wechatControl } from './wechat';

/**
 * The controls past the core ones (`control/core.ts`): WeChat faults, the console's listings,
 * the simulated WeChat client, the GenAuth users and outbox, and the request journal (listed,
 * or followed as server-sent events). `json` reads the JSON bodies of the control surface.
 */
export function featureControls(ctx: Context, api: ControlApi, json: RequestHandler): Router {
  const router = Router();
  router.use(faultsControl(api, json));
  router.use(listingsControl(api));
  router.use('/wechat', wechatControl(api, json));
  router.use(genauthControl(api));
  router.use(genauthUsersControl(api, json));
  router.use(journalControl(api));
  router.use(journalEventsControl(ctx, api));
  return router;
}
