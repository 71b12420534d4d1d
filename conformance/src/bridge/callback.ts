/**
 * WeChat's async calling convention: `{…params, success?, fail?, complete?}`, an `errMsg` of
 * `"<api>:ok"` or `"<api>:fail <reason>"`, and (base library ≥ 2.10.2) a Promise instead of the
 * callbacks when none of them is given.
 */

/** What every callback receives. */
export interface WxResult {
  errMsg: string;
  /** Set on failures (base library ≥ 2.24.0). */
  errno?: number;
  [key: string]: unknown;
}

/** The callback trio every async API accepts. */
export interface WxCallbacks<R> {
  success?: (res: R) => void;
  fail?: (err: WxResult) => void;
  complete?: (res: R | WxResult) => void;
}

/** A failure on the way to a callback: carries the `errMsg` and `errno` WeChat would deliver. */
export class WxFail extends Error {
  readonly result: WxResult;
  constructor(api: string, reason: string, errno?: number, extra: Record<string, unknown> = {}) {
    const errMsg = `${api}:fail ${reason}`;
    super(errMsg);
    this.name = 'WxFail';
    this.result = { ...extra, errMsg, ...(errno === undefined ? {} : { errno }) };
  }
}

/**
 * What the bridge reports while it works: exceptions thrown by the page's own callbacks (WeChat
 * reports them to `App.onError`), and the start and end of every async call (so a test can wait
 * until the page is idle).
 */
export interface BridgeHooks {
  error(error: unknown): void;
  begin(): void;
  end(): void;
}

/** True when the caller passed any of success / fail / complete. */
export function hasCallbacks(options: unknown): boolean {
  if (options === null || typeof options !== 'object') return false;
  const o = options as Record<string, unknown>;
  return (
    typeof o['success'] === 'function' ||
    typeof o['fail'] === 'function' ||
    typeof o['complete'] === 'function'
  );
}

function toResult(api: string, error: unknown): WxResult {
  if (error instanceof WxFail) return error.result;
  const reason = error instanceof Error ? error.message : String(error);
  return { errMsg: `${api}:fail ${reason}`, errno: 1 };
}

/** Calls the page's callback; an exception in it goes to `sink`, never into our promise chain. */
function safely(hooks: BridgeHooks, fn: (() => void) | undefined): void {
  if (!fn) return;
  try {
    fn();
  } catch (error) {
    hooks.error(error);
  }
}

/**
 * Delivers the outcome of `work` the way WeChat does: through the callbacks when any is given
 * (returning `undefined`), otherwise as a Promise (rejecting with the fail result).
 */
export function settle<R extends WxResult>(
  api: string,
  options: WxCallbacks<R> | undefined,
  work: () => Promise<R>,
  hooks: BridgeHooks,
  promiseStyle = true,
): Promise<R> | undefined {
  hooks.begin();
  const outcome = Promise.resolve().then(work);
  if (promiseStyle && !hasCallbacks(options)) {
    return outcome
      .catch((error: unknown) => Promise.reject(toResult(api, error)))
      .finally(() => hooks.end());
  }
  const o = options ?? {};
  outcome.then(
    (res) => {
      safely(hooks, o.success && (() => o.success?.(res)));
      safely(hooks, o.complete && (() => o.complete?.(res)));
      hooks.end();
    },
    (error: unknown) => {
      const res = toResult(api, error);
      safely(hooks, o.fail && (() => o.fail?.(res)));
      safely(hooks, o.complete && (() => o.complete?.(res)));
      hooks.end();
    },
  );
  return undefined;
}

/** `{errMsg: "<api>:ok", …fields}`. */
export function ok<T extends object>(api: string, fields: T): T & WxResult {
  return { errMsg: `${api}:ok`, ...fields };
}
