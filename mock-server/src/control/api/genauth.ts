import type { Context } from '../../context';
import type { ControlApi } from '../types';
import type * as Bulk from './genauth-bulk';
import type * as Pages from './pages';

let bulk: typeof Bulk | undefined;
let pages: typeof Pages | undefined;
/** The bulk loader and the listing load on first use, keeping them off the cold-start path. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadBulk = (): typeof Bulk => (bulk ??= require('./genauth-bulk') as typeof Bulk);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPages = (): typeof Pages => (pages ??= require('./pages') as typeof Pages);

/** GenAuth users over `ctx`: bulk creation and a paginated listing. */
export function genauthApi(ctx: Context): ControlApi['genauth'] {
  return {
    bulkCreateUsers: (input) => loadBulk().bulkCreateGenauth(ctx, input),
    listUsers: (query) => loadPages().genauthUserPage(ctx, query),
  };
}
