import type { Context } from '../../context';
import { lazyModule } from '../../lazy-module';
import type { ControlApi } from '../types';
import type * as Bulk from './genauth-bulk';
import type * as Users from './genauth-users';
import type * as Pages from './pages';

/* The bulk loader, the listing and the user edits load on first use, off the cold-start path. */
/* eslint-disable @typescript-eslint/no-require-imports */
const loadBulk = lazyModule(() => require('./genauth-bulk') as typeof Bulk);
const loadPages = lazyModule(() => require('./pages') as typeof Pages);
const loadUsers = lazyModule(() => require('./genauth-users') as typeof Users);
/* eslint-enable @typescript-eslint/no-require-imports */

/** GenAuth users over `ctx`: bulk creation, a paginated search, one user; and the pools. */
export function genauthApi(ctx: Context): ControlApi['genauth'] {
  return {
    bulkCreateUsers: (input) => loadBulk().bulkCreateGenauth(ctx, input),
    listUsers: (query) => loadPages().genauthUserPage(ctx, query),
    pools: () => loadUsers().genauthPools(ctx),
    getUser: (ref) => loadUsers().getGenauthUser(ctx, ref),
    updateUser: (patch) => loadUsers().updateGenauthUser(ctx, patch),
    deleteUser: (ref) => loadUsers().deleteGenauthUser(ctx, ref),
  };
}
