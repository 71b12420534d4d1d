import * as profile from '../../model/profile';
import { requireCaller, assertSelf, type Caller } from '../../model/session';
import { removeUdv, setUdvs } from '../../model/udv';
import { udvList, userView } from '../../model/users';
import { fail } from '../../errors';
import type { GraphqlContext, Resolver } from '../context';

type Op = (g: GraphqlContext, caller: Caller, args: Record<string, unknown>) => unknown;

/** Wraps an operation that needs a signed-in caller (2020 / 2206 / 2207 otherwise). */
const authed =
  (op: Op): Resolver =>
  async (args, g) =>
    op(g, await requireCaller(g.ctx, g.tenant()), args);

/** UDV operations act on the caller only (`targetType` USER, `targetId` = caller). */
const udvTarget = (caller: Caller, args: Record<string, unknown>) => {
  if (args['targetType'] !== 'USER') throw fail(1001, { targetType: args['targetType'] });
  assertSelf(caller, args['targetId']);
};

/** The current user, profile updates, bindings and user-defined values. */
export const profileResolvers: Record<string, Resolver> = {
  user: authed((g, caller, { id }) => {
    assertSelf(caller, id);
    return userView(g.tenant().pool, caller.user, caller.token);
  }),
  updateUser: authed((g, caller, { id, input }) =>
    profile.updateUser(g.ctx, g.tenant().pool, caller, id, input as Record<string, unknown>),
  ),
  updatePassword: authed((g, caller, a) =>
    profile.updatePassword(
      g.ctx,
      g.tenant().pool,
      caller,
      a['newPassword'] as string,
      a['oldPassword'] as string | null,
    ),
  ),
  updatePhone: authed((g, caller, a) =>
    profile.updatePhone(
      g.ctx,
      g.tenant().pool,
      caller,
      a as Parameters<typeof profile.updatePhone>[3],
    ),
  ),
  updateEmail: authed((g, caller, a) =>
    profile.updateEmail(
      g.ctx,
      g.tenant().pool,
      caller,
      a as Parameters<typeof profile.updateEmail>[3],
    ),
  ),
  bindPhone: authed((g, caller, a) =>
    profile.bindPhone(
      g.ctx,
      g.tenant().pool,
      caller,
      a['phone'] as string,
      a['phoneCode'] as string,
    ),
  ),
  bindEmail: authed((g, caller, a) =>
    profile.bindEmail(
      g.ctx,
      g.tenant().pool,
      caller,
      a['email'] as string,
      a['emailCode'] as string,
    ),
  ),
  unbindPhone: authed((g, caller) => profile.unbindPhone(g.ctx, g.tenant().pool, caller)),
  unbindEmail: authed((g, caller) => profile.unbindEmail(g.ctx, g.tenant().pool, caller)),

  udv: authed((g, caller, a) => {
    udvTarget(caller, a);
    return udvList(g.tenant().pool, caller.user);
  }),
  setUdv: authed((g, caller, a) => {
    udvTarget(caller, a);
    return setUdvs(g.ctx, g.tenant().pool, caller.user, [{ key: a['key'], value: a['value'] }]);
  }),
  setUdvBatch: authed((g, caller, a) => {
    udvTarget(caller, a);
    const list = (a['udvList'] as { key: string; value: string | null }[] | null) ?? [];
    return setUdvs(g.ctx, g.tenant().pool, caller.user, list);
  }),
  removeUdv: authed((g, caller, a) => {
    udvTarget(caller, a);
    return removeUdv(g.ctx, g.tenant().pool, caller.user, a['key'] as string);
  }),
};
