import type { Context } from '../../context';
import { requireApp } from '../../wechat/client';
import {
  PHONE_PRICE_FEN,
  PHONE_PRODUCTS,
  PHONE_SPU_IDS,
  phoneQuota,
  remainingCalls,
  setPhoneQuota,
  type PhoneProduct,
  type PhoneQuota,
} from '../../wechat/phone-quota';
import { badField } from '../error';
import type { PhoneQuotaInput, PhoneQuotaView, SetQuotaInput } from '../types';
import { checkInt, checkString } from '../values';

const QUOTA_RANGE = [0, 1e9] as const;
const FIELDS = ['trial', 'paid', 'used'] as const;

/** The phone-number quota of app `appid`, per product. */
export function quotaView(ctx: Context, appid: string): PhoneQuotaView {
  const app = requireApp(ctx, checkString('appid', appid));
  const view = (product: PhoneProduct) => {
    const quota = phoneQuota(ctx.store.wechat, app.appid, product);
    return {
      spuId: PHONE_SPU_IDS[product],
      ...quota,
      remaining: remainingCalls(quota),
      unitPriceFen: PHONE_PRICE_FEN[product],
    };
  };
  return { appid: app.appid, fastVerify: view('fastVerify'), realtime: view('realtime') };
}

/** `input[product]` checked: an object of integers 0–1e9 among trial, paid and used. */
function quotaChange(product: PhoneProduct, value: unknown): Partial<PhoneQuota> | undefined {
  if (value === undefined) return undefined;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badField(product, 'an object of trial, paid and used');
  }
  const fields = value as Record<string, unknown>;
  const unknown = Object.keys(fields).find((k) => !(FIELDS as readonly string[]).includes(k));
  if (unknown !== undefined) throw badField(`${product}.${unknown}`, 'trial, paid or used');
  const change: Partial<PhoneQuota> = {};
  for (const field of FIELDS) {
    if (fields[field] !== undefined) {
      change[field] = checkInt(`${product}.${field}`, fields[field], QUOTA_RANGE);
    }
  }
  return change;
}

/** Changes the quota of `input.appid`, every field checked before anything changes. */
export function setQuota(ctx: Context, input: SetQuotaInput): PhoneQuotaView {
  if (input === null || typeof input !== 'object') throw badField('body', 'a JSON object');
  const appid = requireApp(ctx, checkString('appid', input.appid)).appid;
  const unknown = Object.keys(input).find(
    (k) => k !== 'appid' && !(PHONE_PRODUCTS as readonly string[]).includes(k),
  );
  if (unknown !== undefined) throw badField(unknown, 'appid, fastVerify or realtime');
  const changes = PHONE_PRODUCTS.map(
    (p) => [p, quotaChange(p, input[p] as PhoneQuotaInput)] as const,
  );
  for (const [product, change] of changes) {
    if (change) setPhoneQuota(ctx.store.wechat, appid, product, change);
  }
  return quotaView(ctx, appid);
}
