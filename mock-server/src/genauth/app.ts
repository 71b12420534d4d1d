import { Router } from 'express';

import type { Context } from '../context';

/** GenAuth: `/api/v2`, `/graphql/v2`, `/connections`, `/oidc`. */
export function genauthApp(_ctx: Context): Router {
  return Router();
}
