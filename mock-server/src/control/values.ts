/**
 * Value checks shared by the control API and its HTTP routes, so both reject a bad value with the
 * same `invalid_field` error. Pure: no state, no Express.
 */
import { ERRCODES, type Errcode } from '../wechat/errcodes';
import { FAULT_ROUTES, type FaultRoute } from './fault-routes';
import { badField } from './error';

/** Inclusive ranges of the numeric control fields. */
export const LIMITS = Object.freeze({
  loginCount: [1, 1000],
  faultTimes: [1, 1000],
  faultDelayMs: [0, 60_000],
  bulkUsers: [1, 100_000],
  pageLimit: [1, 1000],
} as const);

/** An integer within `[min, max]`. */
export function checkInt(field: string, value: unknown, [min, max]: readonly [number, number]) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badField(field, `an integer from ${min} to ${max}`);
  }
  return value;
}

/** The `limit` of a listing when none is given. */
export const DEFAULT_LIMIT = 100;

/** A listing's `limit`: within `LIMITS.pageLimit`, {@link DEFAULT_LIMIT} when absent. */
export function checkLimit(value: unknown): number {
  return value === undefined ? DEFAULT_LIMIT : checkInt('limit', value, LIMITS.pageLimit);
}

/** A non-empty string. */
export function checkString(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw badField(field, 'a non-empty string');
  return value;
}

/** Canonical base64 of 16 bytes: what a WeChat session_key is. */
const SESSION_KEY = /^[A-Za-z0-9+/]{21}[AQgw]==$/;

/** A session_key to pin. */
export function checkSessionKey(value: unknown): string {
  if (typeof value !== 'string' || !SESSION_KEY.test(value)) {
    throw badField('sessionKey', 'base64 of 16 bytes (24 characters)');
  }
  return value;
}

/** A route name of `FAULT_ROUTES`. */
export function checkFaultRoute(value: unknown): FaultRoute {
  if (typeof value !== 'string' || !Object.hasOwn(FAULT_ROUTES, value)) {
    throw badField('route', `one of ${Object.keys(FAULT_ROUTES).join(', ')}`);
  }
  return value as FaultRoute;
}

/** An errcode the mock knows. */
export function checkErrcode(value: unknown): Errcode {
  if (typeof value !== 'number' || !Object.hasOwn(ERRCODES, value)) {
    throw badField(
      'errcode',
      `a WeChat errcode the mock knows (${Object.keys(ERRCODES).join(', ')})`,
    );
  }
  return value as Errcode;
}

/** The farthest instant from the epoch a Date holds (±100,000,000 days), in milliseconds. */
const MAX_INSTANT = 8.64e15;

/** A clock step from `now`: a finite number of milliseconds that keeps the clock a valid date. */
export function checkAdvance(value: unknown, now: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(now + value) > MAX_INSTANT) {
    throw badField(
      'advanceMs',
      'a finite number of milliseconds that keeps the clock a valid date',
    );
  }
  return value;
}

/** `now` as epoch milliseconds or an ISO date string, in epoch milliseconds. */
export function checkInstant(value: unknown): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_INSTANT) {
    throw badField('now', 'epoch milliseconds or an ISO date string');
  }
  return ms;
}

/** The `to` of a message query, trimmed. */
export function checkRecipient(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw badField('to', 'a phone number or e-mail');
  }
  return value.trim();
}
