import type { Context } from '../context';
import { wechatError } from './errcodes';
import {
  PHONE_PRODUCTS,
  PHONE_SPU_IDS,
  phoneQuota,
  type PhoneProduct,
  type PhoneQuota,
} from './phone-quota';
import { quotaDay } from './rules';
import { faultThenToken } from './token-fault';

/** The parameters of `/wxa/charge/usage/get` (query or body). */
export interface UsageQuery {
  access_token?: unknown;
  spuId?: unknown;
  offset?: unknown;
  limit?: unknown;
}

/** One resource package of a usage answer (64-bit numbers as strings, as WeChat sends them). */
export interface UsagePackage {
  pkgId: string;
  /** 1 active, 2 not yet active, 3 expired. */
  status: 1 | 2 | 3;
  startTime: number;
  endTime: number;
  all: string;
  used: string;
  spuId: string;
  skuId: string;
  /** 1 the trial package, 2 a bought one (the mock's values). */
  source: 1 | 2;
}

/** What `/wxa/charge/usage/get` answers. */
export interface UsageAnswer {
  errcode: 0;
  errmsg: 'ok';
  all: string;
  effectiveUse: string;
  /** Deprecated twin of `all`, still sent. */
  effectiveAll: string;
  total: number;
  detailList: UsagePackage[];
}

/** Most packages a page may ask for. */
const MAX_LIMIT = 20;

/** A non-negative integer, from a number or a decimal string; undefined otherwise. */
function count(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The packages of one product: the trial, then the paid calls as one bought package. */
function packagesOf(product: PhoneProduct, quota: PhoneQuota, since: number): UsagePackage[] {
  const spuId = PHONE_SPU_IDS[product];
  const year = 365 * 86_400;
  const trialUsed = Math.min(quota.used, quota.trial);
  const base = { status: 1 as const, startTime: since, endTime: since + year, spuId };
  const list: UsagePackage[] = [
    {
      pkgId: `ZY${spuId}0001`,
      ...base,
      all: String(quota.trial),
      used: String(trialUsed),
      skuId: `${spuId}1`,
      source: 1,
    },
  ];
  if (quota.paid > 0) {
    list.push({
      pkgId: `ZY${spuId}0002`,
      ...base,
      all: String(quota.paid),
      used: String(Math.min(quota.used - trialUsed, quota.paid)),
      skuId: `${spuId}2`,
      source: 2,
    });
  }
  return list;
}

/**
 * `/wxa/charge/usage/get`: the phone-number packages of the token's app for `spuId` (the mock's
 * {@link PHONE_SPU_IDS}; any other spuId has no packages), `limit` (1–20) of them from `offset`.
 * A pending `wechat.charge_usage_get` fault first, then the access token, then 10120002 for a
 * missing or bad `spuId`, `offset` or `limit`.
 * @throws {WechatError}
 */
export function usageDetail(ctx: Context, query: UsageQuery): UsageAnswer {
  const token = faultThenToken(ctx, 'wechat.charge_usage_get', query.access_token);
  const { spuId } = query;
  const offset = count(query.offset);
  const limit = count(query.limit);
  if (typeof spuId !== 'string' || !/^\d{1,20}$/.test(spuId)) throw wechatError(10120002);
  if (offset === undefined || limit === undefined || limit < 1 || limit > MAX_LIMIT) {
    throw wechatError(10120002);
  }
  const product = PHONE_PRODUCTS.find((p) => PHONE_SPU_IDS[p] === spuId);
  const quota = product ? phoneQuota(ctx.store.wechat, token.appid, product) : undefined;
  // Packages run a year from the start of today, Beijing time (WeChat's own dates are not known).
  const since = (quotaDay(ctx.clock.now()) * 86_400_000 - 8 * 3600_000) / 1000;
  const all = quota ? packagesOf(product as PhoneProduct, quota, since) : [];
  const total = quota ? String(quota.trial + quota.paid) : '0';
  return {
    errcode: 0,
    errmsg: 'ok',
    all: total,
    effectiveUse: quota ? String(Math.min(quota.used, quota.trial + quota.paid)) : '0',
    effectiveAll: total,
    total: all.length,
    detailList: all.slice(offset, offset + limit),
  };
}
