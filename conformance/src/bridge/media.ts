import { settle, ok, WxFail, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import { FIXTURE_PNG_SIZE, type TempFiles } from './files';
import type { Privacy } from './privacy';

/** What the simulated user does when the album opens: pick the fixture image, or cancel. */
export type MediaChoice = 'pick' | 'cancel';

/** The user's upcoming choices; when the queue is empty the user picks. */
export class MediaPicker {
  readonly #queue: MediaChoice[] = [];
  /** Every `chooseMedia`/`chooseImage` call, in order. */
  readonly calls: { api: string; options: Record<string, unknown> }[] = [];

  /** Queues what the user does at the next dialogs. */
  next(...choices: MediaChoice[]): void {
    this.#queue.push(...choices);
  }

  take(): MediaChoice {
    return this.#queue.shift() ?? 'pick';
  }

  clear(): void {
    this.#queue.length = 0;
    this.calls.length = 0;
  }
}

type Opts = WxCallbacks<WxResult> & Record<string, unknown>;

function countOf(options: Opts | undefined): number {
  const c = options?.['count'];
  return typeof c === 'number' && c >= 1 ? Math.min(Math.floor(c), 9) : 1;
}

function strip(options: Opts | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options ?? {})) if (typeof v !== 'function') out[k] = v;
  return out;
}

/**
 * `wx.chooseMedia` and the deprecated `wx.chooseImage`, backed by the fixture image; both are
 * privacy APIs (category `Album`).
 */
export function createMediaApi(
  files: TempFiles,
  picker: MediaPicker,
  privacy: Privacy,
  hooks: BridgeHooks,
) {
  /** Records the call, then settles it with `reply(picked images)` or `<api>:fail cancel`. */
  const choose = (
    api: string,
    options: Opts | undefined,
    reply: (picked: ReturnType<TempFiles['addFixtureImage']>[]) => Record<string, unknown>,
  ) => {
    picker.calls.push({ api, options: strip(options) });
    return settle(
      api,
      options,
      async () => {
        await privacy.authorize(api);
        if (picker.take() === 'cancel') throw new WxFail(api, 'cancel');
        const picked = Array.from({ length: countOf(options) }, () => files.addFixtureImage());
        return ok(api, reply(picked));
      },
      hooks,
    );
  };
  return {
    chooseMedia(options?: Opts) {
      return choose('chooseMedia', options, (picked) => ({
        tempFiles: picked.map((f) => ({
          tempFilePath: f.path,
          size: f.bytes.length,
          duration: 0,
          height: FIXTURE_PNG_SIZE,
          width: FIXTURE_PNG_SIZE,
          thumbTempFilePath: '',
          fileType: 'image',
        })),
        type: 'image',
      }));
    },
    chooseImage(options?: Opts) {
      return choose('chooseImage', options, (picked) => ({
        tempFilePaths: picked.map((f) => f.path),
        tempFiles: picked.map((f) => ({ path: f.path, size: f.bytes.length })),
      }));
    },
  };
}
