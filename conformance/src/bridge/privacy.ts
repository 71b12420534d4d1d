import { WxFail, type BridgeHooks } from './callback';
import { ERRNO } from './errno';
import type { WxStorage } from './storage';

/**
 * The categories of WeChat's privacy guide (《小程序用户隐私保护指引》, its `privacy_key`s) and
 * the APIs and components each one covers. An app may call these only once the guide declares
 * the category (else errno 112) and, from 2023-10-17, only once the user has agreed to the guide
 * (else errno 104). `getUserProfile`/`getUserInfo` are not on the list: they answer anonymous data.
 */
export const PRIVACY_APIS = Object.freeze({
  /** `<button open-type="getPhoneNumber">`, `<button open-type="getRealtimePhoneNumber">`. */
  PhoneNumber: ['getPhoneNumber', 'getRealtimePhoneNumber'],
  /** WeChat nickname and avatar: `<button open-type="chooseAvatar">`, `<input type="nickname">`. */
  UserInfo: ['chooseAvatar', 'nickname'],
  /** Photos or videos the user picks. */
  Album: ['chooseImage', 'chooseMedia', 'chooseVideo'],
  AlbumWriteOnly: ['saveImageToPhotosAlbum', 'saveVideoToPhotosAlbum'],
  Location: [
    'getLocation',
    'getFuzzyLocation',
    'startLocationUpdate',
    'startLocationUpdateBackground',
    'onLocationChange',
  ],
  ChooseLocation: ['chooseLocation', 'choosePoi'],
  Address: ['chooseAddress'],
  Invoice: ['chooseInvoice', 'chooseInvoiceTitle'],
  RunData: ['getWeRunData'],
  Clipboard: ['getClipboardData', 'setClipboardData'],
  MessageFile: ['chooseMessageFile'],
} as const);

/** A category of the privacy guide. */
export type PrivacyKey = keyof typeof PRIVACY_APIS;

/** The privacy category an API or component belongs to; `undefined` when it needs no consent. */
export function privacyKeyOf(api: string): PrivacyKey | undefined {
  for (const [key, apis] of Object.entries(PRIVACY_APIS) as [PrivacyKey, readonly string[]][]) {
    if (apis.includes(api)) return key;
  }
  return undefined;
}

/** The app's privacy guide and the user's consent, as a test sets them. */
export interface PrivacySettings {
  /** Whether the user has agreed to the current guide. @default true */
  agreed: boolean;
  /** The categories the guide declares (`'all'` = every one). @default 'all' */
  declared: 'all' | readonly PrivacyKey[];
  /** `privacyContractName` of `wx.getPrivacySetting`. */
  contractName: string;
  /**
   * What the user answers in WeChat's own privacy popup, shown when a privacy API is called before
   * consent and the app registered no `wx.onNeedPrivacyAuthorization` listener. @default 'disagree'
   */
  popup: 'agree' | 'disagree';
}

/** What the app passes to the `resolve` of its `onNeedPrivacyAuthorization` listener. */
export interface PrivacyResolution {
  event?: 'agree' | 'disagree' | 'exposureAuthorization' | string;
  buttonId?: string;
}

/** The listener of `wx.onNeedPrivacyAuthorization`. */
export type NeedPrivacyListener = (
  resolve: (res: PrivacyResolution) => void,
  eventInfo: { referrer: string },
) => void;

/** One time WeChat asked the user for consent: which API, and who asked. */
export interface PrivacyPrompt {
  api: string;
  by: 'listener' | 'official-popup';
}

const DEFAULTS: PrivacySettings = {
  agreed: true,
  declared: 'all',
  contractName: '《小程序用户隐私保护指引》',
  popup: 'disagree',
};

// The guide and the consent belong to the phone (WeChat keeps them per user and app): they
// survive an app restart, which keeps the storage, and a new phone starts from the defaults.
const consentByDevice = new WeakMap<WxStorage, PrivacySettings>();

function consentOf(device: WxStorage): PrivacySettings {
  let consent = consentByDevice.get(device);
  if (!consent) {
    consent = { ...DEFAULTS };
    consentByDevice.set(device, consent);
  }
  return consent;
}

/**
 * WeChat's privacy enforcement for one running app: the guide and consent (`set`), the listener
 * the app registered, the agree buttons the user tapped, and the gate every privacy API passes.
 */
export class Privacy {
  /** APIs waiting for the user's answer to the app's privacy prompt, oldest first. */
  readonly pending: string[] = [];
  /** Every consent prompt so far. */
  readonly prompts: PrivacyPrompt[] = [];
  /** How many times the app opened the guide (`wx.openPrivacyContract`). */
  contractOpened = 0;
  #listener: NeedPrivacyListener | undefined;
  readonly #tapped = new Set<string>();
  readonly #consent: PrivacySettings;

  constructor(
    device: WxStorage,
    private readonly hooks: BridgeHooks,
  ) {
    this.#consent = consentOf(device);
  }

  /** The current guide and consent (a copy). */
  get settings(): PrivacySettings {
    const { declared } = this.#consent;
    return { ...this.#consent, declared: declared === 'all' ? 'all' : [...declared] };
  }

  /**
   * Changes the guide and the consent, e.g. `set({ agreed: false, declared: ['PhoneNumber'] })`.
   * A `declared` other than `'all'` or a list of {@link PRIVACY_APIS} categories is refused.
   */
  set(settings: Partial<PrivacySettings>): void {
    const declared: unknown = settings.declared;
    if ('declared' in settings && declared !== 'all') {
      const unknown = Array.isArray(declared)
        ? declared.filter((key) => !Object.hasOwn(PRIVACY_APIS, key as string))
        : [declared];
      if (unknown.length > 0) {
        const keys = Object.keys(PRIVACY_APIS).join(', ');
        const got = unknown.map((key) => String(JSON.stringify(key))).join(', ');
        throw new TypeError(`privacy.set: declared must be 'all' or a list of ${keys}; got ${got}`);
      }
    }
    Object.assign(this.#consent, settings);
    if (Array.isArray(declared)) this.#consent.declared = [...(declared as PrivacyKey[])];
  }

  /** Whether the guide declares `key`. */
  declares(key: PrivacyKey): boolean {
    const { declared } = this.#consent;
    return declared === 'all' || declared.includes(key);
  }

  /**
   * `needAuthorization` of `wx.getPrivacySetting`: the guide declares something and the user has
   * not agreed to it.
   */
  get needAuthorization(): boolean {
    const { declared, agreed } = this.#consent;
    return !agreed && (declared === 'all' || declared.length > 0);
  }

  /** `wx.onNeedPrivacyAuthorization`: the app will show its own prompt (the latest listener wins). */
  listen(listener: NeedPrivacyListener): void {
    this.#listener = listener;
  }

  /**
   * The user taps `<button open-type="agreePrivacyAuthorization" id="buttonId">`: the agreement
   * reaches WeChat at once, and `buttonId` becomes valid for `resolve({event: 'agree', buttonId})`.
   */
  agreeButton(buttonId: string): void {
    this.#tapped.add(buttonId);
    this.#consent.agreed = true;
  }

  /**
   * The gate of privacy API `api`: resolves when it may run; otherwise throws the `WxFail` it
   * fails with: errno 112 when the guide does not declare its category, errno 104 when the user
   * does not agree. Before consent it asks the app's listener (or WeChat's own popup). While the
   * prompt waits for the user the call does not count as in flight.
   */
  async authorize(api: string): Promise<void> {
    const key = privacyKeyOf(api);
    if (key === undefined) return;
    if (!this.declares(key)) {
      throw new WxFail(
        api,
        'api scope is not declared in the privacy agreement',
        ERRNO.privacyNotDeclared,
      );
    }
    await this.consent(api);
  }

  /** Asks for consent if the user has not given it (`wx.requirePrivacyAuthorize` and the gate). */
  async consent(api: string): Promise<void> {
    if (!this.needAuthorization) return;
    const answer = await this.#ask(api);
    if (answer === 'agree') return;
    const reason =
      answer === 'wrong-button'
        ? 'privacy permission is not authorized or buttonId is wrong'
        : 'privacy permission is not authorized';
    throw new WxFail(api, reason, ERRNO.privacyNotAuthorized);
  }

  async #ask(api: string): Promise<'agree' | 'disagree' | 'wrong-button'> {
    const listener = this.#listener;
    if (!listener) {
      this.prompts.push({ api, by: 'official-popup' });
      if (this.#consent.popup === 'agree') this.#consent.agreed = true;
      return this.#consent.popup;
    }
    this.prompts.push({ api, by: 'listener' });
    this.pending.push(api);
    this.hooks.end();
    try {
      return await new Promise((done) => {
        const resolve = (res: PrivacyResolution): void => {
          const event = res?.event;
          if (event === 'disagree') done('disagree');
          if (event !== 'agree') return;
          const id = res.buttonId;
          done(id !== undefined && this.#tapped.has(id) ? 'agree' : 'wrong-button');
        };
        try {
          listener(resolve, { referrer: api });
        } catch (error) {
          this.hooks.error(error);
        }
      });
    } finally {
      this.pending.splice(this.pending.indexOf(api), 1);
      this.hooks.begin();
    }
  }
}
