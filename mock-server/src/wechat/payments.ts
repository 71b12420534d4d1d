import type { Context } from '../context';
import { ExpiringMap } from '../expiring';
import { wechatError } from './errcodes';
import { RULES } from './rules';
import type { WechatState } from './state';
import { faultThenToken, stringParam } from './token-fault';
import { registerSide } from '../state-io/side';
import type { Payment } from './payment-record';

export type { Payment } from './payment-record';

interface Payments {
  byTransaction: ExpiringMap<string, Payment>;
  byOrder: ExpiringMap<string, Payment>;
}

const tables = new WeakMap<WechatState, Payments>();

registerSide('payments', {
  export: (owner) => {
    const t = tables.get(owner as WechatState);
    return { byTransaction: [...(t?.byTransaction ?? [])], byOrder: [...(t?.byOrder ?? [])] };
  },
  import: (owner, data, now) => {
    const d = data as Record<keyof Payments, [string, Payment][]>;
    const deadline = (p: Payment) => p.paidAt + RULES.codeTtlMs;
    tables.set(owner as WechatState, {
      byTransaction: new ExpiringMap<string, Payment>(deadline, now).load(d.byTransaction),
      byOrder: new ExpiringMap<string, Payment>(deadline, now).load(d.byOrder),
    });
  },
});

function paymentsOf(ctx: Context): Payments {
  const state = ctx.store.wechat;
  let table = tables.get(state);
  if (!table) {
    const deadline = (p: Payment) => p.paidAt + RULES.codeTtlMs;
    const now = () => ctx.clock.now();
    table = {
      byTransaction: new ExpiringMap(deadline, now),
      byOrder: new ExpiringMap(deadline, now),
    };
    tables.set(state, table);
  }
  return table;
}

const orderKey = (mchId: string, outTradeNo: string) => `${mchId}\n${outTradeNo}`;

/** Records a payment now; absent ids come from the seeded stream. */
export function recordPayment(
  ctx: Context,
  input: {
    appid: string;
    openid: string;
    transactionId?: string;
    mchId?: string;
    outTradeNo?: string;
  },
): Payment {
  const payment: Payment = {
    appid: input.appid,
    openid: input.openid,
    transactionId: input.transactionId ?? `4200${ctx.random.int(10 ** 9)}`.padEnd(28, '0'),
    mchId: input.mchId ?? '1230000109',
    outTradeNo: input.outTradeNo ?? ctx.random.alnum(24),
    paidAt: ctx.clock.now(),
  };
  const table = paymentsOf(ctx);
  table.byTransaction.set(payment.transactionId, payment);
  table.byOrder.set(orderKey(payment.mchId, payment.outTradeNo), payment);
  return { ...payment };
}

/** The query of getpaidunionid. */
export interface PaidUnionidQuery {
  access_token?: unknown;
  openid?: unknown;
  transaction_id?: unknown;
  mch_id?: unknown;
  out_trade_no?: unknown;
}

/**
 * `GET /wxa/getpaidunionid?access_token&openid&(transaction_id | mch_id&out_trade_no)`: the
 * unionid of a user who paid in the last 5 minutes. A pending `wechat.getpaidunionid` fault
 * first, then the access token; 40003 for an openid that is not a user of the token's app, 40097
 * without `transaction_id` nor both `mch_id` and `out_trade_no`, 89300 for a trade that is not
 * this user's payment of the last 5 minutes, 89002 when the app is bound to no open platform.
 * @throws {WechatError}
 */
export function getPaidUnionid(ctx: Context, query: PaidUnionidQuery): string {
  const token = faultThenToken(ctx, 'wechat.getpaidunionid', query.access_token);
  const openid = stringParam(query.openid);
  const user = openid === undefined ? undefined : ctx.store.wechat.users.find(token.appid, openid);
  if (!user) throw wechatError(40003);
  const transactionId = stringParam(query.transaction_id);
  const mchId = stringParam(query.mch_id);
  const outTradeNo = stringParam(query.out_trade_no);
  const table = paymentsOf(ctx);
  let payment: Payment | undefined;
  if (transactionId !== undefined) payment = table.byTransaction.get(transactionId);
  else if (mchId !== undefined && outTradeNo !== undefined) {
    payment = table.byOrder.get(orderKey(mchId, outTradeNo));
  } else throw wechatError(40097);
  if (!payment || payment.appid !== user.appid || payment.openid !== user.openid) {
    throw wechatError(89300);
  }
  const app = ctx.store.wechat.apps.get(token.appid);
  if (!app || app.openPlatformId === null || user.unionid === null) throw wechatError(89002);
  return user.unionid;
}
