import type { Context } from '../../context';
import type { ControlApi } from '../types';
import type * as Bulk from './genauth-bulk';
import type * as Users from './genauth-users';
import type * as Pages from './pages';

let bulk: typeof Bulk | undefined;
let pages: typeof Pages | undefined;
let users: typeof Users | undefined;
/** The bulk loader and the listing load on first use, keeping them off the cold-start path. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadBulk = (): typeof Bulk => (bulk ??= require('./genauth-bulk') as typeof Bulk);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPages = (): typeof Pages => (pages ??= require('./pages') as typeof Pages);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadUsers = (): typeof Users => (users ??= require('./genauth-users') as typeof Users);

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
