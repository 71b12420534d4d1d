import { GenAuthError } from '../errors';
import type { HttpResponse, KeyValueStorage, Runtime } from '../runtime';

/** The slice of the WHATWG fetch API this adapter uses (declared here: `src` has no DOM/Node types). */
interface FetchResponse {
  status: number;
  text(): Promise<string>;
}
type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: unknown; signal: unknown },
) => Promise<FetchResponse>;
interface NodeGlobals {
  fetch?: Fetch;
  AbortController: new () => { signal: unknown; abort(): void };
  FormData: new () => { append(name: string, value: unknown, fileName?: string): void };
  Blob: new (parts: unknown[]) => unknown;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  crypto?: { getRandomValues(bytes: Uint8Array): Uint8Array };
}

/** Options of {@link createNodeRuntime}. */
export interface NodeRuntimeOptions {
  /** Login-state storage. @default a fresh in-memory map */
  storage?: KeyValueStorage;
  /** The fetch implementation. @default globalThis.fetch */
  fetch?: Fetch;
  /** Where `login()` gets a WeChat code from (e.g. a mock's simulated client). */
  login?: () => Promise<string>;
  /** Where `chooseImage()` gets a file path from (e.g. a test fixture). */
  chooseImage?: () => Promise<string>;
  /** How `uploadFile()` reads the file (e.g. `fs.promises.readFile`). */
  readFile?: (path: string) => Promise<Uint8Array>;
}

/** An in-memory {@link KeyValueStorage} (missing keys read as `''`, like `wx.getStorageSync`). */
export function createMemoryStorage(): KeyValueStorage & { readonly map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: (key) => (map.has(key) ? map.get(key) : ''),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  };
}

const unavailable = (what: string) => () =>
  Promise.reject(
    new GenAuthError({
      kind: 'wechat',
      code: -1,
      message: `${what} is not available in this runtime; pass it to createNodeRuntime()`,
    }),
  );

async function exchange(
  g: NodeGlobals,
  fetch: Fetch,
  method: string,
  url: string,
  headers: Record<string, string>,
  body: unknown,
  timeout: number,
): Promise<HttpResponse> {
  const controller = new g.AbortController();
  let timedOut = false;
  const timer = g.setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const target = `${method} ${url}`;
  try {
    const res = await fetch(url, { method, headers, body, signal: controller.signal });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) };
    } catch {
      return { status: res.status, body: text };
    }
  } catch (cause) {
    throw new GenAuthError(
      timedOut
        ? { kind: 'timeout', code: 504, message: `Timed out after ${timeout} ms: ${target}`, cause }
        : { kind: 'network', code: 500, message: `Network request failed: ${target}`, cause },
    );
  } finally {
    g.clearTimeout(timer);
  }
}

/**
 * A runtime for Node (≥ 18) and scripts: global `fetch` with an `AbortController` timeout,
 * in-memory storage unless one is given, and caller-supplied `login` / `chooseImage` /
 * `readFile` for the WeChat-only services.
 */
export function createNodeRuntime(options: NodeRuntimeOptions = {}): Runtime {
  const g = globalThis as unknown as NodeGlobals;
  const fetch = options.fetch ?? g.fetch;
  if (!fetch) throw new TypeError('"fetch" option is required: this platform has no global fetch');
  const readFile = options.readFile;
  const crypto = g.crypto;
  return {
    request: (req) => exchange(g, fetch, req.method, req.url, req.headers, req.body, req.timeout),
    uploadFile: async (req) => {
      if (!readFile) return unavailable('readFile')();
      const form = new g.FormData();
      const name = req.filePath.split(/[\\/]/).pop() ?? 'file';
      form.append(req.name, new g.Blob([await readFile(req.filePath)]), name);
      return exchange(g, fetch, 'POST', req.url, req.headers, form, req.timeout);
    },
    login: options.login ?? unavailable('wx.login'),
    chooseImage: options.chooseImage ?? unavailable('chooseImage'),
    storage: options.storage ?? createMemoryStorage(),
    randomBytes: crypto
      ? (length) => Promise.resolve(crypto.getRandomValues(new Uint8Array(length)))
      : undefined,
  };
}
