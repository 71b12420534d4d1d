import { WxFail, type BridgeHooks } from './callback';
import type { Privacy } from './privacy';

/** A button detail as the page's handler receives it in `e.detail`. */
export type ButtonDetail = Record<string, unknown>;

/**
 * A tap on an open-type button (`getPhoneNumber`, `getRealtimePhoneNumber`, `chooseAvatar`):
 * the privacy gate of `api` first (a refused or undeclared call delivers its `{errMsg, errno}`
 * as the detail), then `produce` mints the detail, then `deliver` hands it to the page. Counts
 * as in flight except while a privacy prompt waits for the user. Resolves to the detail
 * delivered; rejects (delivering nothing) when `produce` fails otherwise than with a `WxFail`.
 */
export async function pressButton(
  privacy: Privacy,
  hooks: BridgeHooks,
  api: string,
  produce: () => Promise<ButtonDetail> | ButtonDetail,
  deliver: (detail: ButtonDetail) => void,
): Promise<ButtonDetail> {
  hooks.begin();
  try {
    let detail: ButtonDetail;
    try {
      await privacy.authorize(api);
      detail = await produce();
    } catch (error) {
      if (!(error instanceof WxFail)) throw error;
      detail = error.result;
    }
    try {
      deliver(detail);
    } catch (error) {
      hooks.error(error);
    }
    return detail;
  } finally {
    hooks.end();
  }
}
