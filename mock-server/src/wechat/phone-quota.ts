import { mapSideTable } from './side-table';
import type { WechatState } from './state';

/**
 * The paid phone-number buttons' quota, per app and per product: a trial package (1000 calls,
 * shared by the release, trial and develop versions), then paid packages. The quota is checked
 * when the user taps and one call is used when the button succeeds; with none left the button
 * fails with errno 1400001 and no code is minted.
 */

/** The two paid phone-number products, priced apart. */
export type PhoneProduct = 'fastVerify' | 'realtime';

/** Both products, fast verification first. */
export const PHONE_PRODUCTS: readonly PhoneProduct[] = Object.freeze(['fastVerify', 'realtime']);

/** Calls of the trial package each app starts with, per product. */
export const PHONE_TRIAL_CALLS = 1000;

/** Price of one successful call, in fen (0.03 and 0.04 CNY). */
export const PHONE_PRICE_FEN: Readonly<Record<PhoneProduct, number>> = Object.freeze({
  fastVerify: 3,
  realtime: 4,
});

/**
 * The `spuId` of each product on `/wxa/charge/usage/get`. WeChat's own ids are not documented
 * in our sources: these are the mock's.
 */
export const PHONE_SPU_IDS: Readonly<Record<PhoneProduct, string>> = Object.freeze({
  fastVerify: '90000001',
  realtime: '90000002',
});

/** One product's packages and use. */
export interface PhoneQuota {
  /** Calls of the trial package. */
  trial: number;
  /** Calls of the paid packages. */
  paid: number;
  /** Successful calls so far (the trial is used first). */
  used: number;
}

type AppQuotas = Record<PhoneProduct, PhoneQuota>;

const quotasOf = mapSideTable<AppQuotas>('phoneQuota');

/** The quotas of `appid`, created with the trial package on first use. */
function appQuotas(state: WechatState, appid: string): AppQuotas {
  const quotas = quotasOf(state);
  let app = quotas.get(appid);
  if (!app) {
    app = {
      fastVerify: { trial: PHONE_TRIAL_CALLS, paid: 0, used: 0 },
      realtime: { trial: PHONE_TRIAL_CALLS, paid: 0, used: 0 },
    };
    quotas.set(appid, app);
  }
  return app;
}

/** Calls left: trial plus paid, minus those used (never below 0). */
export function remainingCalls(quota: PhoneQuota): number {
  return Math.max(0, quota.trial + quota.paid - quota.used);
}

/** A copy of the quota of one product of `appid`. */
export function phoneQuota(state: WechatState, appid: string, product: PhoneProduct): PhoneQuota {
  return { ...appQuotas(state, appid)[product] };
}

/** Replaces any of `trial`, `paid` and `used` of one product of `appid`. */
export function setPhoneQuota(
  state: WechatState,
  appid: string,
  product: PhoneProduct,
  change: Partial<PhoneQuota>,
): void {
  const quota = appQuotas(state, appid)[product];
  if (change.trial !== undefined) quota.trial = change.trial;
  if (change.paid !== undefined) quota.paid = change.paid;
  if (change.used !== undefined) quota.used = change.used;
}

/** Uses one call of the product when one is left; false (nothing used) otherwise. */
export function takePhoneCall(state: WechatState, appid: string, product: PhoneProduct): boolean {
  const quota = appQuotas(state, appid)[product];
  if (remainingCalls(quota) === 0) return false;
  quota.used += 1;
  return true;
}
