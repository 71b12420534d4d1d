/**
 * Network conditions the bridge applies before a request leaves: the `app.json`
 * `networkTimeout` defaults, the timers its timeouts run on, and injected faults (a stalled
 * network or no network at all) for the requests that match.
 */

import { realTimers, type Timers } from '@genauth-wxapp/mock-server';

/** `app.json` → `networkTimeout` (milliseconds). */
export interface NetworkTimeouts {
  request: number;
  uploadFile: number;
}

/** What happens to a matching request: it never gets an answer, or it cannot leave the device. */
export type FaultKind = 'stall' | 'offline';

/** One injected fault. `times` limits how many requests it hits (default: all). */
export interface NetworkFault {
  kind: FaultKind;
  /** Matches the request URL: a substring, a RegExp or a predicate. */
  match: string | RegExp | ((url: string) => boolean);
  times?: number;
}

/** WeChat's effective default and ceiling for `networkTimeout`. */
export const DEFAULT_TIMEOUTS: NetworkTimeouts = Object.freeze({
  request: 60_000,
  uploadFile: 60_000,
});

function matches(match: NetworkFault['match'], url: string): boolean {
  if (typeof match === 'string') return url.includes(match);
  if (match instanceof RegExp) return match.test(url);
  return match(url);
}

/** One request the page made through `wx.request` or `wx.uploadFile`. */
export interface SentRequest {
  api: 'request' | 'uploadFile';
  method: string;
  url: string;
  /** `ok`, or the fail errMsg. */
  outcome: string;
}

/** The bridge's network state (shared by request and uploadFile). */
export class NetworkConditions {
  timeouts: NetworkTimeouts;
  /**
   * What `request` and `uploadFile` timeouts wait on, read when a call starts: set a
   * `ManualTimers` and `advance()` it to time calls out without waiting. @default the global timers
   */
  timers: Timers;
  /** Every request made through the bridge, in order, with how it ended. */
  readonly log: SentRequest[] = [];
  readonly #faults: NetworkFault[] = [];

  constructor(timeouts: Partial<NetworkTimeouts> = {}, timers: Timers = realTimers) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
    this.timers = timers;
  }

  /** Waits `ms` on {@link timers} (a stalled network); `cancel()` ends the wait at once. */
  stall(ms: number): { done: Promise<void>; cancel(): void } {
    const timers = this.timers;
    let cancel: () => void = () => undefined;
    const done = new Promise<void>((resolve) => {
      const handle = timers.setTimeout(resolve, ms);
      cancel = () => {
        timers.clearTimeout(handle);
        resolve();
      };
    });
    return { done, cancel };
  }

  /** Adds a fault; returns a function that removes it. */
  inject(fault: NetworkFault): () => void {
    const entry = { ...fault };
    this.#faults.push(entry);
    return () => this.#remove(entry);
  }

  /**
   * Records a request in {@link log} and returns `work` wrapped so the entry gets its outcome
   * (`ok`, or the fail errMsg).
   */
  track<T>(
    api: SentRequest['api'],
    method: string,
    url: string,
    work: () => Promise<T>,
  ): () => Promise<T> {
    const entry: SentRequest = { api, method, url, outcome: 'pending' };
    this.log.push(entry);
    return () =>
      work().then(
        (res) => {
          entry.outcome = 'ok';
          return res;
        },
        (error: unknown) => {
          entry.outcome =
            (error as { result?: { errMsg?: string } })?.result?.errMsg ?? String(error);
          throw error;
        },
      );
  }

  /** Removes every fault. */
  clear(): void {
    this.#faults.length = 0;
  }

  /** The fault that applies to `url`, consuming one of its `times`. */
  take(url: string): FaultKind | undefined {
    const fault = this.#faults.find((f) => matches(f.match, url));
    if (!fault) return undefined;
    if (fault.times !== undefined && --fault.times <= 0) this.#remove(fault);
    return fault.kind;
  }

  #remove(fault: NetworkFault): void {
    const i = this.#faults.indexOf(fault);
    if (i >= 0) this.#faults.splice(i, 1);
  }
}
