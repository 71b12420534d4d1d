import { settle, ok, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';

/** One recorded UI call (`showModal`, `showToast`, …) with its options minus the callbacks. */
export interface UiCall {
  api: string;
  options: Record<string, unknown>;
}

/**
 * What the page showed and where it navigated: modals, toasts, loading indicators, navigation
 * calls, in order. Modals are answered
 * with the queued button (confirm by default).
 */
export class UiRecorder {
  readonly calls: UiCall[] = [];
  readonly #answers: ('confirm' | 'cancel')[] = [];

  /** Queues the button the user taps in the next modals. */
  answerModal(...answers: ('confirm' | 'cancel')[]): void {
    this.#answers.push(...answers);
  }

  takeAnswer(): 'confirm' | 'cancel' {
    return this.#answers.shift() ?? 'confirm';
  }

  /** Calls of one API (e.g. every `showModal`). */
  of(api: string): Record<string, unknown>[] {
    return this.calls.filter((c) => c.api === api).map((c) => c.options);
  }

  clear(): void {
    this.calls.length = 0;
    this.#answers.length = 0;
  }
}

type Opts = WxCallbacks<WxResult> & Record<string, unknown>;

function record(ui: UiRecorder, api: string, options: Opts | undefined): void {
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options ?? {})) if (typeof v !== 'function') o[k] = v;
  ui.calls.push({ api, options: o });
}

/** `showModal`, toasts, loading and navigation (`navigateTo`, `reLaunch`, …), all recorded. */
export function createUiApi(ui: UiRecorder, hooks: BridgeHooks) {
  const simple = (api: string) => (options?: Opts) => {
    record(ui, api, options);
    return settle(api, options, async () => ok(api, {}), hooks);
  };
  return {
    showModal(options?: Opts) {
      record(ui, 'showModal', options);
      return settle(
        'showModal',
        options,
        async () => {
          const answer = ui.takeAnswer();
          return ok('showModal', { confirm: answer === 'confirm', cancel: answer === 'cancel' });
        },
        hooks,
      );
    },
    showToast: simple('showToast'),
    navigateTo: simple('navigateTo'),
    redirectTo: simple('redirectTo'),
    reLaunch: simple('reLaunch'),
    navigateBack: simple('navigateBack'),
    switchTab: simple('switchTab'),
    setNavigationBarTitle: simple('setNavigationBarTitle'),
    hideToast: simple('hideToast'),
    showLoading: simple('showLoading'),
    hideLoading: simple('hideLoading'),
  };
}
