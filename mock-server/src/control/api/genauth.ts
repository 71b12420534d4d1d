import type { Context } from '../../context';
import type { ControlApi } from '../types';
import { bulkCreateGenauth } from './genauth-bulk';
import { genauthUserPage } from './pages';

/** GenAuth users over `ctx`: bulk creation and a paginated listing. */
export function genauthApi(ctx: Context): ControlApi['genauth'] {
  return {
    bulkCreateUsers: (input) => bulkCreateGenauth(ctx, input),
    listUsers: (query) => genauthUserPage(ctx, query),
  };
}
