import { GenAuthError } from './errors';
import type { ResolvedOptions } from './options';
import type { HttpResponse, Runtime } from './runtime';
import type { Session } from './session';
import { VERSION } from './version';

/** `x-authing-request-from`: the value GenAuth knows for mini-program clients. */
export const REQUEST_FROM = 'wxapp';
/** `x-authing-sdk-version`: names this SDK and its version. */
export const SDK_VERSION_HEADER = `genauth-wxapp:${VERSION}`;

/** Turns answers into data or one {@link GenAuthError}; the single place `onError` is called. */
export class Transport {
  constructor(
    private readonly options: ResolvedOptions,
    private readonly runtime: Runtime,
    private readonly session: Session,
  ) {}

  /** The GenAuth headers plus the bearer token, if one is stored. */
  headers(): Record<string, string> {
    const headers = this.appHeaders();
    const token = this.session.getToken();
    if (token) headers['Authorization'] = `Bearer ${token}`;
    return headers;
  }

  /** The GenAuth headers without any token (what the OIDC / CAS requests carry). */
  appHeaders(): Record<string, string> {
    const headers: Record<string, string> = {
      'x-authing-app-id': this.options.appId,
      'x-authing-request-from': REQUEST_FROM,
      'x-authing-sdk-version': SDK_VERSION_HEADER,
    };
    if (this.options.userPoolId) headers['x-authing-userpool-id'] = this.options.userPoolId;
    return headers;
  }

  /**
   * A request to an OIDC / OAuth / CAS endpoint (no envelope, no stored token): resolves the
   * 2xx body, or rejects an `oauth` error with the status and the `{error, error_description}`.
   */
  async raw(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<unknown> {
    const res = await this.runtime.request({
      method,
      url,
      headers: { ...this.appHeaders(), ...headers },
      body,
      timeout: this.options.timeout,
    });
    if (res.status >= 200 && res.status < 300) return res.body;
    const answer = res.body as { error?: unknown; error_description?: unknown } | null;
    const reason = answer?.error_description ?? answer?.error;
    throw new GenAuthError({
      kind: 'oauth',
      code: res.status,
      message: typeof reason === 'string' ? reason : `HTTP ${res.status} from ${method} ${url}`,
      data: res.body ?? null,
    });
  }

  /** A REST call: resolves the envelope's `data` when `code === 200`. */
  rest<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    return this.restAt(method, this.options.host + path, body);
  }

  /** A REST call to an absolute URL. */
  async restAt<T>(method: 'GET' | 'POST', url: string, body?: object): Promise<T> {
    const envelope = envelopeOf(await this.send(method, url, body), method, url);
    if (envelope.code === 200) return envelope.data as T;
    throw this.serverError(envelope.code, envelope.message, envelope.data);
  }

  /** A GraphQL call to `/graphql/v2`: resolves `data`, or throws the (last) error in `errors[]`. */
  async graphql<T>(query: string, variables: object = {}): Promise<T> {
    const url = `${this.options.host}/graphql/v2`;
    const res = await this.send('POST', url, { query, variables });
    const body = res.body as { data?: unknown; errors?: unknown } | null;
    if (typeof body !== 'object' || body === null) throw unexpected(res, 'POST', url);
    if (Array.isArray(body.errors) && body.errors.length > 0) {
      let last: GenAuthError | undefined;
      for (const entry of body.errors as { message?: unknown }[]) {
        const m = entry?.message;
        last =
          typeof m === 'object' && m !== null
            ? this.serverError(
                (m as { code?: unknown }).code,
                (m as { message?: unknown }).message,
                (m as { data?: unknown }).data,
              )
            : this.serverError(500, m, null);
      }
      throw last;
    }
    if (typeof body.data !== 'object' || body.data === null) throw unexpected(res, 'POST', url);
    return body.data as T;
  }

  /** A GraphQL call that resolves the answer's root field (the first field of `query`). */
  async graphqlRoot<T>(query: string, variables: object): Promise<T> {
    const data = await this.graphql<Record<string, unknown>>(query, variables);
    return data[(/\{(\w+)/.exec(query) as RegExpExecArray)[1] as string] as T;
  }

  /** Builds a `server` error and reports it to `onError` (exactly once). */
  serverError(code: unknown, message: unknown, data: unknown): GenAuthError {
    const error = new GenAuthError({
      kind: 'server',
      code: typeof code === 'number' ? code : 500,
      message: typeof message === 'string' ? message : String(message),
      data: data ?? null,
    });
    this.options.onError?.(error.code, error.message, error.data);
    return error;
  }

  private send(method: 'GET' | 'POST', url: string, body?: object): Promise<HttpResponse> {
    const headers = this.headers();
    if (body !== undefined) headers['content-type'] = 'application/json';
    return this.runtime.request({
      method,
      url,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      timeout: this.options.timeout,
    });
  }
}

/** The `{code, message, data}` envelope of an answer; anything else is {@link unexpected}. */
export function envelopeOf(
  res: HttpResponse,
  method: string,
  url: string,
): { code: number; message?: unknown; data?: unknown } {
  const envelope = res.body as { code?: unknown; message?: unknown; data?: unknown } | null;
  if (typeof envelope !== 'object' || envelope === null || typeof envelope.code !== 'number') {
    throw unexpected(res, method, url);
  }
  return envelope as { code: number; message?: unknown; data?: unknown };
}

/** An answer that is not GenAuth's: non-JSON, or an HTTP error without an envelope. */
export function unexpected(res: HttpResponse, method: string, url: string): GenAuthError {
  const ok = res.status >= 200 && res.status < 300;
  const snippet = typeof res.body === 'string' ? `: ${res.body.slice(0, 80)}` : '';
  return new GenAuthError({
    kind: 'http',
    code: ok ? 500 : res.status,
    message: `Unexpected answer (HTTP ${res.status}) from ${method} ${url}${snippet}`,
    data: res.body ?? null,
  });
}
