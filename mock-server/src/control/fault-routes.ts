/**
 * Every route a fault can target, WeChat's and GenAuth's, with the wire format its errcode
 * belongs to: where the two models' fault routes meet for the control surface.
 */
import type { GenauthCode } from '../genauth/errors';
import { GENAUTH_FAULT_ROUTES, type DELAY_ONLY } from '../genauth/model/fault-routes';
import type { Errcode } from '../wechat/errcodes';
import { WECHAT_FAULT_ROUTES } from '../wechat/faults';

/** Route name → the family of its errcodes (`wechat`: `ERRCODES`; `genauth`: GenAuth codes). */
export const FAULT_ROUTES: Readonly<Record<FaultRoute, 'wechat' | 'genauth'>> = Object.freeze(
  Object.fromEntries([
    ...WECHAT_FAULT_ROUTES.map((r) => [r, 'wechat'] as const),
    ...GENAUTH_FAULT_ROUTES.map((r) => [r, 'genauth'] as const),
  ]) as Record<FaultRoute, 'wechat' | 'genauth'>,
);

/** A route a fault can target: `wechat.<endpoint>` or `genauth.<operation>`. */
export type FaultRoute =
  (typeof WECHAT_FAULT_ROUTES)[number] | (typeof GENAUTH_FAULT_ROUTES)[number];

/**
 * What a fault answers: a WeChat errcode (`wechat.*` routes) or a GenAuth code (`genauth.*`
 * routes; `200` only delays the operation).
 */
export type FaultErrcode = Errcode | GenauthCode | typeof DELAY_ONLY;
