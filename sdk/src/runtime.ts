/**
 * The runtime port: everything the SDK needs from its host, in the SDK's own terms (plain data
 * and promises). `createWxRuntime()` implements it with `wx.*`, `createNodeRuntime()` with
 * `fetch` and an in-memory map. Implementations reject only with `GenAuthError`.
 */

/** One HTTP exchange to perform. `body` is already serialised JSON. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Milliseconds before the request is abandoned with a `timeout` error. */
  timeout: number;
}

/** The answer: status and body (parsed JSON when it was JSON, otherwise the raw text). */
export interface HttpResponse {
  status: number;
  body: unknown;
}

/** A multipart upload of a local (temporary) file, as `wx.uploadFile` does it. */
export interface UploadRequest {
  url: string;
  filePath: string;
  /** The multipart field name. */
  name: string;
  headers: Record<string, string>;
  timeout: number;
}

/**
 * Synchronous key/value storage, with `wx.setStorageSync` semantics: values may be objects or
 * strings, a missing key reads as `undefined` or `''`.
 */
export interface KeyValueStorage {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  remove(key: string): void;
}

/** The host services the SDK uses. */
export interface Runtime {
  /** Perform an HTTP request; reject with a `network` or `timeout` GenAuthError. */
  request(req: HttpRequest): Promise<HttpResponse>;
  /** Upload a local file (multipart/form-data). */
  uploadFile(req: UploadRequest): Promise<HttpResponse>;
  /** A fresh `wx.login` code. */
  login(): Promise<string>;
  /** Let the user pick one image; resolve its temporary path, reject `cancelled` on dismissal. */
  chooseImage(): Promise<string>;
  /** Where the login state lives. */
  storage: KeyValueStorage;
  /** Cryptographically strong random bytes, if the host has a source (used for RSA padding). */
  randomBytes?(length: number): Promise<Uint8Array>;
}
