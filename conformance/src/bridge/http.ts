import { Buffer } from 'node:buffer';
import * as http from 'node:http';
import * as https from 'node:https';

import type { Timers } from '@genauth-wxapp/mock-server';

import { ERRNO } from './errno';

/** One outgoing HTTP exchange, already serialised. */
export interface HttpCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** Milliseconds until the call fails with `timeout`. */
  timeout: number;
}

/** What came back. Any status counts as an answer (WeChat does not fail on 4xx/5xx). */
export interface HttpAnswer {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/** Why a call failed, in WeChat's words: the `fail` reason and its errno. */
export class NetworkError extends Error {
  constructor(
    readonly reason: string,
    readonly errno: number,
  ) {
    super(reason);
    this.name = 'NetworkError';
  }
}

/** A running call that can be aborted. */
export interface HttpHandle {
  done: Promise<HttpAnswer>;
  abort(): void;
  /** Called once with the response headers. */
  onHeaders(listener: (headers: Record<string, string>, statusCode: number) => void): void;
}

function flattenHeaders(raw: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.join(', ');
  }
  return out;
}

/**
 * Sends `call` over node:http(s). jsdom has no `fetch`, and the bridge must see real sockets so
 * refusals and aborts are real; the timeout runs on `timers`.
 */
export function send(call: HttpCall, timers: Timers): HttpHandle {
  const url = new URL(call.url);
  const lib = url.protocol === 'https:' ? https : http;
  const headerListeners: ((h: Record<string, string>, s: number) => void)[] = [];
  let finished = false;
  let req: http.ClientRequest | undefined;
  let rejectDone: (e: NetworkError) => void = () => undefined;

  const done = new Promise<HttpAnswer>((resolve, reject) => {
    rejectDone = (e) => {
      if (finished) return;
      finished = true;
      timers.clearTimeout(timer);
      req?.destroy();
      reject(e);
    };
    const timer = timers.setTimeout(
      () => rejectDone(new NetworkError('timeout', ERRNO.timeout)),
      call.timeout,
    );
    const headers: Record<string, string> = { ...call.headers };
    if (call.body) headers['content-length'] = String(call.body.length);
    req = lib.request(url, { method: call.method, headers }, (res) => {
      const h = flattenHeaders(res.headers);
      for (const l of headerListeners) l(h, res.statusCode ?? 0);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', () => rejectDone(new NetworkError('network interrupted', ERRNO.interrupted)));
      res.on('end', () => {
        if (finished) return;
        finished = true;
        timers.clearTimeout(timer);
        const setCookie = res.headers['set-cookie'];
        resolve({
          statusCode: res.statusCode ?? 0,
          headers: h,
          cookies: Array.isArray(setCookie) ? setCookie : [],
          body: Buffer.concat(chunks),
        });
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      const reason =
        err.code === 'ECONNREFUSED'
          ? 'net::ERR_CONNECTION_REFUSED'
          : err.code === 'ENOTFOUND'
            ? 'net::ERR_NAME_NOT_RESOLVED'
            : `net::ERR_FAILED ${err.code ?? err.message}`;
      rejectDone(new NetworkError(reason, ERRNO.network));
    });
    req.end(call.body);
  });
  return {
    done,
    abort: () => rejectDone(new NetworkError('abort', ERRNO.interrupted)),
    onHeaders: (listener) => void headerListeners.push(listener),
  };
}
