import type {
  ButtonDetail,
  PhoneOutcome,
  Platform,
  RealtimePhoneOutcome,
  WxBridge,
} from '../bridge';
import type { SimNode, SimRoot } from './simulate';

/** The detail of `bindagreeprivacyauthorization`. */
const AGREED = { errMsg: 'agreePrivacyAuthorization:ok' };

/** How a test tells the kit to wait until the page is idle again. */
export type Settle = () => Promise<void>;

/**
 * A rendered page: read its data and text, fire the events a user causes (taps, the phone and
 * avatar buttons, typing), drive its lifecycle. Every action resolves once the page is idle (no
 * `wx` call in flight).
 */
export class PageHandle {
  constructor(
    readonly route: string,
    readonly root: SimRoot,
    private readonly bridge: () => WxBridge,
    readonly settle: Settle,
  ) {}

  /** The page's data (`this.data`). */
  get data(): Record<string, unknown> {
    return this.root.data;
  }

  /** The page instance (`this`). */
  get instance(): Record<string, unknown> {
    return this.root.instance;
  }

  /** The node matching `selector`; throws naming the selector when there is none. */
  $(selector: string): SimNode {
    const node = this.root.querySelector(selector);
    if (!node) throw new Error(`${this.route}: no element matches "${selector}"`);
    return node;
  }

  exists(selector: string): boolean {
    return this.root.querySelector(selector) !== undefined;
  }

  /** The rendered text of `selector`. */
  text(selector: string): string {
    return this.$(selector).dom.textContent ?? '';
  }

  /** Fires `name` on `selector` with `detail`, then waits until the page is idle. */
  async trigger(selector: string, name: string, detail: unknown = {}): Promise<void> {
    this.$(selector).dispatchEvent(name, { detail });
    await this.settle();
  }

  /** A tap on `selector`. */
  tap(selector: string): Promise<void> {
    return this.trigger(selector, 'tap');
  }

  /**
   * The user answers a `<button open-type="getPhoneNumber">`: `code` (current base library, the
   * detail carries a phone code), `legacy` (only `iv` + `encryptedData`), `deny` or `no-quota`
   * (errno 1400001). Success details are minted by the mock for the current WeChat user. The tap
   * passes WeChat's privacy gate first (see {@link agreePrivacy}); with `agreePrivacy` the button
   * is the coupled `open-type="getPhoneNumber|agreePrivacyAuthorization"`, whose tap also agrees.
   * Resolves, once the page is idle, to the detail sent, or to `{}` while the app's privacy
   * prompt waits for the user (the detail follows their answer).
   */
  async phoneButton(
    selector: string,
    outcome: PhoneOutcome = 'code',
    platform: Platform = 'ios',
    options: { agreePrivacy?: boolean } = {},
  ): Promise<ButtonDetail> {
    if (options.agreePrivacy) {
      this.#agree(selector);
      this.$(selector).dispatchEvent('agreeprivacyauthorization', { detail: AGREED });
    }
    return this.press(selector, 'getPhoneNumber', 'getphonenumber', () =>
      this.bridge().phoneNumberDetail(outcome, platform),
    );
  }

  /**
   * The user answers `<button open-type="getRealtimePhoneNumber" bindgetrealtimephonenumber>`
   * (real-time verification by SMS): `code` (`{errMsg: 'getRealtimePhoneNumber:ok', code}`
   * minted by the mock, or errno 1400001 once the app's real-time quota is used up), `deny`, or a
   * forced `no-quota`. Passes the privacy gate first, like {@link phoneButton}.
   */
  async realtimePhoneButton(
    selector: string,
    outcome: RealtimePhoneOutcome = 'code',
    platform: Platform = 'ios',
  ): Promise<ButtonDetail> {
    return this.press(selector, 'getRealtimePhoneNumber', 'getrealtimephonenumber', () =>
      this.bridge().realtimePhoneNumberDetail(outcome, platform),
    );
  }

  /**
   * The user taps `<button open-type="chooseAvatar">` and picks the fixture image (a temporary
   * file), after WeChat's privacy gate (category `UserInfo`). Resolves to the detail sent
   * (`{avatarUrl}`, or the privacy failure `{errMsg, errno}`), or `{}` while a prompt waits.
   */
  async chooseAvatar(selector: string): Promise<ButtonDetail & { avatarUrl?: string }> {
    return this.press(selector, 'chooseAvatar', 'chooseavatar', () =>
      this.bridge().chooseAvatarDetail(),
    );
  }

  /**
   * The user taps `<button open-type="agreePrivacyAuthorization">` (its `id` is the `buttonId`
   * the page passes to the `resolve` of `wx.onNeedPrivacyAuthorization`): WeChat records the
   * consent, then the page gets `bindagreeprivacyauthorization`. A privacy call waiting on the
   * prompt continues once the page resolves it.
   */
  async agreePrivacy(selector: string): Promise<void> {
    this.#agree(selector);
    await this.trigger(selector, 'agreeprivacyauthorization', AGREED);
  }

  #agree(selector: string): void {
    const id = this.$(selector).dom.id || selector.replace(/^#/, '');
    this.bridge().privacy.agreeButton(id);
  }

  /**
   * Taps open-type button `selector`: the bridge's privacy gate for `api`, then `produce`, then
   * `event` on the button; resolves once the page is idle to the detail sent (`{}` if none yet).
   */
  private async press(
    selector: string,
    api: string,
    event: string,
    produce: () => Promise<ButtonDetail> | ButtonDetail,
  ): Promise<ButtonDetail> {
    const node = this.$(selector);
    let sent: ButtonDetail = {};
    let failure: { error: unknown } | undefined;
    this.bridge()
      .pressButton(api, produce, (detail) => {
        sent = detail;
        node.dispatchEvent(event, { detail });
      })
      .catch((error: unknown) => {
        failure = { error };
      });
    await this.settle();
    if (failure) throw failure.error;
    return sent;
  }

  /** The user types `value` into `selector` and leaves the field (`input`, then `blur`). */
  async type(selector: string, value: string): Promise<void> {
    this.$(selector).dispatchEvent('input', { detail: { value, cursor: value.length } });
    this.$(selector).dispatchEvent('blur', { detail: { value } });
    await this.settle();
  }

  /** Calls a page method (e.g. `onLoad`) and waits for it and for the page to be idle. */
  async call(method: string, ...args: unknown[]): Promise<unknown> {
    const fn = this.instance[method];
    if (typeof fn !== 'function') throw new Error(`${this.route}: no method "${method}"`);
    const result: unknown = await (fn as (...a: unknown[]) => unknown).apply(this.instance, args);
    await this.settle();
    return result;
  }

  /** The page comes to the foreground again (`onShow`). */
  show(): Promise<unknown> {
    return this.callIfDefined('onShow');
  }

  /** The page goes to the background (`onHide`). */
  hide(): Promise<unknown> {
    return this.callIfDefined('onHide');
  }

  private async callIfDefined(method: string): Promise<unknown> {
    if (typeof this.instance[method] !== 'function') return undefined;
    return this.call(method);
  }

  /** Detaches the page (`detached`). */
  unload(): void {
    this.root.detach();
  }
}
