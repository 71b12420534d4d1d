import { Buffer } from 'node:buffer';

import { settle, ok, WxFail, type BridgeHooks, type WxCallbacks, type WxResult } from './callback';
import { ERRNO } from './errno';
import type { TempFiles } from './files';
import { NetworkError, send, type HttpHandle } from './http';
import type { NetworkConditions } from './network';
import { passNetworkFault, type AbortState } from './network-fault';
import { cleanHeaders } from './request';

/** `wx.uploadFile` options. */
export interface UploadOptions extends WxCallbacks<UploadSuccess> {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, unknown>;
  formData?: Record<string, unknown>;
  timeout?: number;
}

/** `wx.uploadFile` success: `data` is the body as a **string**, never parsed. */
export interface UploadSuccess extends WxResult {
  data: string;
  statusCode: number;
}

/** What `wx.uploadFile` returns. */
export interface UploadTask {
  abort(): void;
  onProgressUpdate(
    listener: (p: {
      progress: number;
      totalBytesSent: number;
      totalBytesExpectedToSend: number;
    }) => void,
  ): void;
  offProgressUpdate(): void;
  onHeadersReceived(listener: (res: { header: Record<string, string> }) => void): void;
  offHeadersReceived(): void;
}

function multipart(
  boundary: string,
  fields: Record<string, unknown>,
  name: string,
  fileName: string,
  mimeType: string,
  bytes: Buffer,
): Buffer {
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null) continue;
    const value = typeof v === 'object' ? JSON.stringify(v) : String(v);
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: ${mimeType}\r\n\r\n`,
    ),
  );
  parts.push(bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return Buffer.concat(parts);
}

/** Builds `wx.uploadFile`: a real multipart/form-data POST of a temporary file. */
export function createUploadFile(files: TempFiles, network: NetworkConditions, hooks: BridgeHooks) {
  let uploads = 0;
  return function uploadFile(options: UploadOptions): UploadTask {
    const progress: Parameters<UploadTask['onProgressUpdate']>[0][] = [];
    const headerListeners: ((res: { header: Record<string, string> }) => void)[] = [];
    let handle: HttpHandle | undefined;
    const task: AbortState = { aborted: false };

    const work = async (): Promise<UploadSuccess> => {
      if (!options || typeof options.url !== 'string' || !/^https?:\/\//.test(options.url)) {
        throw new WxFail('uploadFile', 'invalid url', ERRNO.invalidUrl);
      }
      if (typeof options.name !== 'string' || !options.name) {
        throw new WxFail(
          'uploadFile',
          'parameter error: parameter.name should be String',
          ERRNO.invalidParameter,
        );
      }
      const file = files.get(options.filePath);
      if (!file)
        throw new WxFail(
          'uploadFile',
          `file not found: ${String(options.filePath)}`,
          ERRNO.invalidParameter,
        );
      const timeout = options.timeout ?? network.timeouts.uploadFile;
      await passNetworkFault(network, 'uploadFile', options.url, timeout, task);
      const boundary = `----WxUploadBoundary${String(++uploads).padStart(8, '0')}`;
      const fileName = file.path.replace(/^wxfile:\/\//, '');
      const body = multipart(
        boundary,
        options.formData ?? {},
        options.name,
        fileName,
        file.mimeType,
        file.bytes,
      );
      const headers = {
        ...cleanHeaders(options.header),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      };
      handle = send({ url: options.url, method: 'POST', headers, body, timeout }, network.timers);
      handle.onHeaders((header) => {
        for (const l of headerListeners) l({ header });
      });
      try {
        const answer = await handle.done;
        for (const l of progress)
          l({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length });
        return ok('uploadFile', {
          data: answer.body.toString('utf8'),
          statusCode: answer.statusCode,
        });
      } catch (error) {
        if (error instanceof NetworkError)
          throw new WxFail('uploadFile', error.reason, error.errno);
        throw error;
      }
    };

    const tracked = network.track('uploadFile', 'POST', String(options?.url), work);
    settle('uploadFile', options ?? {}, tracked, hooks, false);
    return {
      abort() {
        task.aborted = true;
        handle?.abort();
        task.abortStalled?.();
      },
      onProgressUpdate: (listener) => void progress.push(listener),
      offProgressUpdate: () => void (progress.length = 0),
      onHeadersReceived: (listener) => void headerListeners.push(listener),
      offHeadersReceived: () => void (headerListeners.length = 0),
    };
  };
}
