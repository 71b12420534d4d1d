import { settle, ok, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import type { NeedPrivacyListener, Privacy } from './privacy';
import type { UiRecorder } from './ui';

type Opts = WxCallbacks<WxResult> & Record<string, unknown>;

/**
 * `getPrivacySetting`, `requirePrivacyAuthorize`, `openPrivacyContract` and
 * `onNeedPrivacyAuthorization` (base library 2.32.3), over the bridge's {@link Privacy}.
 */
export function createPrivacyApi(privacy: Privacy, ui: UiRecorder, hooks: BridgeHooks) {
  return {
    getPrivacySetting(options?: Opts) {
      return settle(
        'getPrivacySetting',
        options,
        async () =>
          ok('getPrivacySetting', {
            needAuthorization: privacy.needAuthorization,
            privacyContractName: privacy.settings.contractName,
          }),
        hooks,
      );
    },
    /** Plays a privacy API call: asks for consent (the listener or the popup) when needed. */
    requirePrivacyAuthorize(options?: Opts) {
      return settle(
        'requirePrivacyAuthorize',
        options,
        async () => {
          await privacy.consent('requirePrivacyAuthorize');
          return ok('requirePrivacyAuthorize', {});
        },
        hooks,
      );
    },
    /** Opens the guide (recorded in `privacy.contractOpened` and `ui.calls`). */
    openPrivacyContract(options?: Opts) {
      privacy.contractOpened += 1;
      ui.calls.push({ api: 'openPrivacyContract', options: {} });
      return settle(
        'openPrivacyContract',
        options,
        async () => ok('openPrivacyContract', {}),
        hooks,
      );
    },
    onNeedPrivacyAuthorization(listener: NeedPrivacyListener) {
      if (typeof listener === 'function') privacy.listen(listener);
    },
  };
}
