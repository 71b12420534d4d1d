/** How GenAuth v3 reports the mock's errors: a `statusCode` class and an `apiCode`. */
import type { GenauthError } from '../errors';
import { MESSAGES } from '../errors';

/** The v3 `statusCode` of each GenAuth code the models raise (everything else: 400). */
const STATUS: Partial<Record<number, number>> = {
  404: 404,
  1000: 500,
  2004: 404,
  2005: 403,
  2018: 403,
  2019: 403,
  2020: 401,
  2026: 409,
  2034: 409,
  2035: 409,
  2200: 409,
  2206: 401,
  2207: 401,
  2217: 403,
  2224: 404,
  2225: 403,
  2226: 403,
  2333: 403,
  2500: 602,
  2502: 404,
  2511: 413,
};

/** The v3 failure fields of a model error. */
export interface V3Failure {
  statusCode: number;
  message: string;
  apiCode?: number;
  data?: unknown;
}

/** A failure only the v3 wire raises (a throttled send, a bad input shape). */
export class V3Error extends Error {
  override readonly name = 'V3Error';
  constructor(
    readonly statusCode: number,
    message: string,
    readonly apiCode?: number,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/**
 * The v3 fields of a {@link GenauthError}: the statusCode class of its code, the code itself as
 * `apiCode` (an unknown app's 2224 is v3's 2011), WeChat's errcode and errmsg in the message of a
 * failed exchange, and the error's `data` when it has some.
 */
export function v3Failure(err: GenauthError | V3Error): V3Failure {
  if (err instanceof V3Error) {
    return {
      statusCode: err.statusCode,
      message: err.message,
      ...(err.apiCode === undefined ? {} : { apiCode: err.apiCode }),
      ...(err.data === undefined ? {} : { data: err.data }),
    };
  }
  const data = err.data as Record<string, unknown> | null;
  let apiCode: number | undefined = err.code === 404 || err.code === 1000 ? undefined : err.code;
  if (err.code === 2224 && err.message.startsWith('应用')) apiCode = 2011;
  let message = err.message;
  if ((err.code === 2500 || err.code === 2501) && data && 'errcode' in data)
    message = `${MESSAGES[err.code]}: ${String(data['errcode'])} ${String(data['errmsg'])}`;
  return {
    statusCode: STATUS[err.code] ?? 400,
    message,
    ...(apiCode === undefined ? {} : { apiCode }),
    ...(data === null || data === undefined ? {} : { data }),
  };
}
