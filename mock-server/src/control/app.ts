import { Router } from 'express';

import type { Context } from '../context';

/** The `/__mock/v1` control surface: the simulated WeChat client, clock and state. */
export function controlApp(_ctx: Context): Router {
  return Router();
}
