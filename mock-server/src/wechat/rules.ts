/** The timing and quota rules of the WeChat platform the mock applies. */
export const RULES = Object.freeze({
  /** A `wx.login` code and a phone code live 5 minutes. */
  codeTtlMs: 5 * 60_000,
  /** jscode2session calls per user per minute before 45011. */
  loginCallsPerMinute: 100,
  /**
   * How long a session_key stays valid without a new login. WeChat leaves it opaque; the control
   * surface can expire a session at any time.
   */
  sessionTtlMs: 3 * 24 * 3600_000,
  /** Access token lifetime (`expires_in`), seconds. */
  tokenTtlSeconds: 7200,
  /** A replaced token keeps working this long. */
  tokenOverlapMs: 5 * 60_000,
  /** An expired (never replaced) token is kept this long past its expiry, answering 42001. */
  expiredTokenKeptMs: 7 * 24 * 3600_000,
  /** stable_token force refreshes closer than this do not refresh. */
  stableForceGapMs: 30_000,
  /** stable_token force refreshes per day (Beijing time) before 45009. */
  stableForcePerDay: 20,
});

/** Beijing-time day number of `epochMs`, the day WeChat's daily quotas count in. */
export function quotaDay(epochMs: number): number {
  return Math.floor((epochMs + 8 * 3600_000) / 86_400_000);
}
