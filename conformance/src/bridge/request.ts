import { Buffer } from 'node:buffer';

import { settle, ok, WxFail, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import { ERRNO } from './errno';
import { NetworkError, send, type HttpAnswer, type HttpHandle } from './http';
import type { NetworkConditions } from './network';
import { passNetworkFault, type AbortState } from './network-fault';

const METHODS = new Set(['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT']);

/** `wx.request` options (the fields the bridge honours). */
export interface RequestOptions extends WxCallbacks<RequestSuccess> {
  url: string;
  data?: unknown;
  header?: Record<string, unknown>;
  method?: string;
  timeout?: number;
  dataType?: string;
  responseType?: 'text' | 'arraybuffer';
}

/** `wx.request` success result. */
export interface RequestSuccess extends WxResult {
  data: unknown;
  statusCode: number;
  header: Record<string, string>;
  cookies: string[];
  profile: Record<string, unknown>;
}

/** What `wx.request` returns (never a Promise). */
export interface RequestTask {
  abort(): void;
  onHeadersReceived(
    listener: (res: { header: Record<string, string>; statusCode: number }) => void,
  ): void;
  offHeadersReceived(): void;
  onChunkReceived(listener: (res: { data: ArrayBuffer }) => void): void;
  offChunkReceived(): void;
}

/** WeChat drops header values that are `undefined`/`null` and stringifies the rest. */
export function cleanHeaders(header: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(header ?? {})) {
    if (v === undefined || v === null) continue;
    out[k.toLowerCase()] = String(v);
  }
  return out;
}

function formEncode(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) =>
        `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' ? JSON.stringify(v) : String(v))}`,
    )
    .join('&');
}

function toBytes(data: unknown): Buffer | undefined {
  if (data === undefined || data === null) return undefined;
  if (typeof data === 'string') return Buffer.from(data);
  if (data instanceof ArrayBuffer) return Buffer.from(new Uint8Array(data));
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

/** Serialises `data` as WeChat does: GET data goes in the query, objects become JSON or a form. */
function encode(
  options: RequestOptions,
  method: string,
  headers: Record<string, string>,
): { url: string; body?: Buffer } {
  const { data } = options;
  if (
    method === 'GET' &&
    data !== null &&
    typeof data === 'object' &&
    !ArrayBuffer.isView(data) &&
    !(data instanceof ArrayBuffer)
  ) {
    const query = formEncode(data as Record<string, unknown>);
    if (!query) return { url: options.url };
    return { url: `${options.url}${options.url.includes('?') ? '&' : '?'}${query}` };
  }
  const raw = toBytes(data);
  if (raw) return { url: options.url, body: raw };
  if (data === undefined || data === null) return { url: options.url };
  const form = (headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
  const body = form ? formEncode(data as Record<string, unknown>) : JSON.stringify(data);
  return { url: options.url, body: Buffer.from(body) };
}

function decode(answer: HttpAnswer, options: RequestOptions): unknown {
  if (options.responseType === 'arraybuffer') {
    const b = answer.body;
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }
  const text = answer.body.toString('utf8');
  if ((options.dataType ?? 'json') !== 'json') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Builds `wx.request` over real HTTP, honouring `timeout`, `networkTimeout` and injected faults. */
export function createRequest(network: NetworkConditions, hooks: BridgeHooks) {
  return function request(options: RequestOptions): RequestTask {
    const headerListeners: ((res: {
      header: Record<string, string>;
      statusCode: number;
    }) => void)[] = [];
    let handle: HttpHandle | undefined;
    const task: AbortState = { aborted: false };

    const work = async (): Promise<RequestSuccess> => {
      if (!options || typeof options.url !== 'string' || !/^https?:\/\//.test(options.url)) {
        throw new WxFail('request', 'invalid url', ERRNO.invalidUrl);
      }
      const method = (options.method ?? 'GET').toUpperCase();
      if (!METHODS.has(method))
        throw new WxFail('request', `invalid method "${options.method}"`, ERRNO.invalidParameter);
      const headers = { 'content-type': 'application/json', ...cleanHeaders(options.header) };
      const { url, body } = encode(options, method, headers);
      const timeout = options.timeout ?? network.timeouts.request;
      await passNetworkFault(network, 'request', url, timeout, task);
      handle = send({ url, method, headers, ...(body ? { body } : {}), timeout }, network.timers);
      handle.onHeaders((header, statusCode) => {
        for (const l of headerListeners) l({ header, statusCode });
      });
      try {
        const answer = await handle.done;
        return ok('request', {
          data: decode(answer, options),
          statusCode: answer.statusCode,
          header: answer.headers,
          cookies: answer.cookies,
          profile: {},
        });
      } catch (error) {
        if (error instanceof NetworkError) throw new WxFail('request', error.reason, error.errno);
        throw error;
      }
    };

    const tracked = network.track(
      'request',
      String(options?.method ?? 'GET').toUpperCase(),
      String(options?.url),
      work,
    );
    settle('request', options ?? {}, tracked, hooks, false);
    return {
      abort() {
        task.aborted = true;
        handle?.abort();
        task.abortStalled?.();
      },
      onHeadersReceived: (listener) => void headerListeners.push(listener),
      offHeadersReceived: () => void (headerListeners.length = 0),
      onChunkReceived: () => undefined,
      offChunkReceived: () => undefined,
    };
  };
}
