import { MESSAGES, type GenauthCode } from '../errors';

/**
 * The GenAuth operations a fault can target, `genauth.<operation>`: every GraphQL root field by
 * its name, and the REST operations of the WeChat mini-program connection by the SDK method that
 * calls them (`loginByCode` = `…/auth`, `loginByPhone` = `…/auth-by-phone`, `getPhone` =
 * `…/getphone`).
 */
export const GENAUTH_FAULT_ROUTES = Object.freeze([
  'genauth.loginByCode',
  'genauth.loginByPhone',
  'genauth.getPhone',
  'genauth.registerByEmail',
  'genauth.registerByUsername',
  'genauth.registerByPhoneCode',
  'genauth.loginByEmail',
  'genauth.loginByUsername',
  'genauth.loginByPhoneCode',
  'genauth.loginByPhonePassword',
  'genauth.loginBySubAccount',
  'genauth.sendEmail',
  'genauth.resetPassword',
  'genauth.checkPasswordStrength',
  'genauth.isUserExists',
  'genauth.checkLoginStatus',
  'genauth.refreshToken',
  'genauth.user',
  'genauth.updateUser',
  'genauth.updatePassword',
  'genauth.updatePhone',
  'genauth.updateEmail',
  'genauth.bindPhone',
  'genauth.bindEmail',
  'genauth.unbindPhone',
  'genauth.unbindEmail',
  'genauth.udv',
  'genauth.setUdv',
  'genauth.setUdvBatch',
  'genauth.removeUdv',
] as const);

/** A route name of {@link GENAUTH_FAULT_ROUTES}. */
export type GenauthFaultRoute = (typeof GENAUTH_FAULT_ROUTES)[number];

/** `errcode` of a GenAuth fault that only delays the operation, which then runs as usual. */
export const DELAY_ONLY = 200;

/** A code a GenAuth fault may answer: one of `MESSAGES`, or {@link DELAY_ONLY}. */
export function isGenauthFaultCode(value: unknown): value is GenauthCode | typeof DELAY_ONLY {
  return typeof value === 'number' && (value === DELAY_ONLY || Object.hasOwn(MESSAGES, value));
}

/** The message a GenAuth fault answers with. */
export function genauthFaultMessage(code: number): string {
  return code === DELAY_ONLY ? '成功' : (MESSAGES[code as GenauthCode] ?? MESSAGES[1000]);
}
