import { WxFail } from './callback';
import { ERRNO } from './errno';
import type { NetworkConditions } from './network';

/** The abort state of one `wx.request` or `wx.uploadFile` task, as its fault gate sees it. */
export interface AbortState {
  aborted: boolean;
  /** Set while a stalled call waits: `abort()` calls it to end the wait at once. */
  abortStalled?: (() => void) | undefined;
}

/**
 * Applies the network fault matching `url` to a call of `api` about to leave: an aborted task
 * fails with `abort`, no network with `net::ERR_INTERNET_DISCONNECTED`, and a stalled network
 * waits out `timeout` (or an `abort()`) and fails with `timeout` (or `abort`). Resolves when the
 * call may go out.
 */
export async function passNetworkFault(
  network: NetworkConditions,
  api: 'request' | 'uploadFile',
  url: string,
  timeout: number,
  task: AbortState,
): Promise<void> {
  if (task.aborted) throw new WxFail(api, 'abort', ERRNO.interrupted);
  const fault = network.take(url);
  if (fault === 'offline') throw new WxFail(api, 'net::ERR_INTERNET_DISCONNECTED', ERRNO.network);
  if (fault !== 'stall') return;
  const stalled = network.stall(timeout);
  task.abortStalled = stalled.cancel;
  await stalled.done;
  throw task.aborted
    ? new WxFail(api, 'abort', ERRNO.interrupted)
    : new WxFail(api, 'timeout', ERRNO.timeout);
}
