import { settle, ok, WxFail, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import { FIXTURE_PNG_SIZE, type TempFiles } from './files';

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

/** `wx.chooseMedia` and the deprecated `wx.chooseImage`, backed by the fixture image. */
export function createMediaApi(files: TempFiles, picker: MediaPicker, hooks: BridgeHooks) {
  return {
    chooseMedia(options?: Opts) {
      picker.calls.push({ api: 'chooseMedia', options: strip(options) });
      return settle(
        'chooseMedia',
        options,
        async () => {
          if (picker.take() === 'cancel') throw new WxFail('chooseMedia', 'cancel');
          const tempFiles = Array.from({ length: countOf(options) }, () => {
            const f = files.addFixtureImage();
            return {
              tempFilePath: f.path,
              size: f.bytes.length,
              duration: 0,
              height: FIXTURE_PNG_SIZE,
              width: FIXTURE_PNG_SIZE,
              thumbTempFilePath: '',
              fileType: 'image',
            };
          });
          return ok('chooseMedia', { tempFiles, type: 'image' });
        },
        hooks,
      );
    },
    chooseImage(options?: Opts) {
      picker.calls.push({ api: 'chooseImage', options: strip(options) });
      return settle(
        'chooseImage',
        options,
        async () => {
          if (picker.take() === 'cancel') throw new WxFail('chooseImage', 'cancel');
          const picked = Array.from({ length: countOf(options) }, () => files.addFixtureImage());
          return ok('chooseImage', {
            tempFilePaths: picked.map((f) => f.path),
            tempFiles: picked.map((f) => ({ path: f.path, size: f.bytes.length })),
          });
        },
        hooks,
      );
    },
  };
}
