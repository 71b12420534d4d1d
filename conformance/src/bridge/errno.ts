/**
 * `errno` values the bridge reports (base library ≥ 2.24.0). The first two digits are the
 * category: 06 network, 14 open APIs. Values marked unverified follow the published table but
 * have not been observed on a device.
 */
export const ERRNO = Object.freeze({
  /** Generic failure. */
  unknown: 1,
  /** The call did not finish in time (general table: "api timeout"; unverified for request). */
  timeout: 5,
  /** Bad parameter (general table). */
  invalidParameter: 1001,
  /** Unknown network error. */
  network: 600000,
  /** The domain is not in the app's allow list. */
  domainNotAllowed: 600002,
  /** The network was interrupted (also used for `abort`; unverified). */
  interrupted: 600003,
  /** Invalid URL. */
  invalidUrl: 600009,
  /** Storage quota exceeded (unverified). */
  storageFull: 1300202,
  /** The user denied an authorization dialog. */
  authDeny: 103,
  /** A privacy API called before the user agreed to the privacy guide (or after a disagree). */
  privacyNotAuthorized: 104,
  /** A privacy API whose category the app's privacy guide does not declare (errMsg unverified). */
  privacyNotDeclared: 112,
  /** Phone-number quota exhausted (paid since 2023-08). */
  phoneQuota: 1400001,
});
