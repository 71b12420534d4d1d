/**
 * The control API over HTTP: `createControlClient(url)` gives a {@link ControlClient}, the same
 * methods as `mock.control` returning Promises, for a mock in another process (a CLI, a bench,
 * a device). Loads no server code: only types and `fetch`.
 * Published as `@genauth-wxapp/mock-server/client`.
 */
import { ControlError } from './control/error';
import { streamEvents } from './control/event-stream';
import type {
  ControlClient,
  FaultView,
  GenauthPoolSummary,
  JournalEntry,
  LoginResult,
  MessageView,
  PendingCodeView,
  SessionView,
  WechatAppView,
  WechatUserRef,
} from './control/types';

export { ControlError } from './control/error';
export type * from './control/types';

/** Options of {@link createControlClient}. */
export interface ControlClientOptions {
  /** The `fetch` to use. @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * The mock's admin token (`--admin-token`), sent as `Authorization: Bearer <token>`: needed when
   * this client reaches the mock from a non-loopback address.
   */
  token?: string;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `?a=1&b=2` of the defined fields of `query` ('' when none). */
function search(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** `text` parsed, or undefined when it is empty or not JSON. */
function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** `/genauth/users/<id>`, the id escaped. */
const userPath = (id: string): string => `/genauth/users/${encodeURIComponent(id)}`;

/**
 * A client for the control surface of the mock at `url` (its base URL, e.g.
 * `http://127.0.0.1:3000`). Every method calls `${url}/__mock/v1/…` and resolves to what the
 * same method of `mock.control` returns; a non-2xx answer rejects with a {@link ControlError}
 * carrying its status and `{error, message}`.
 *
 * @example
 * const control = createControlClient('http://127.0.0.1:3000');
 * const { code } = await control.wechat.login({ appid: 'wx4f4bc4dec97d474b' });
 */
export function createControlClient(
  url: string,
  options: ControlClientOptions = {},
): ControlClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = `${url.replace(/\/+$/, '')}/__mock/v1`;
  const auth: Record<string, string> =
    options.token === undefined ? {} : { authorization: `Bearer ${options.token}` };

  /** The answer of `method path`, or the ControlError of a non-2xx one. */
  async function send(
    method: Method,
    path: string,
    body?: unknown,
    extra: { accept?: string; signal?: AbortSignal } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...auth };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (extra.accept !== undefined) headers['accept'] = extra.accept;
    const res = await doFetch(`${base}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(extra.signal === undefined ? {} : { signal: extra.signal }),
    });
    if (res.ok) return res;
    const err = (parseJson(await res.text()) ?? {}) as { error?: unknown; message?: unknown };
    throw new ControlError(
      res.status,
      typeof err.error === 'string' ? err.error : 'http_error',
      typeof err.message === 'string' ? err.message : `${method} ${path} answered ${res.status}`,
    );
  }

  async function call<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const res = await send(method, path, body);
    return parseJson(await res.text()) as T;
  }

  return {
    wechat: {
      async login(input) {
        const res = await call<Omit<LoginResult, 'codes'> & { codes?: string[] }>(
          'POST',
          '/wechat/login',
          input,
        );
        return { code: res.code, openid: res.openid, codes: res.codes ?? [res.code] };
      },
      userInfo: (user) => call('POST', '/wechat/user-info', user),
      phoneNumber: ((input: WechatUserRef) =>
        call('POST', '/wechat/phone-number', input)) as ControlClient['wechat']['phoneNumber'],
      setQuota: (input) => call('POST', '/wechat/quota', input),
      quota: ({ appid }) => call('GET', `/wechat/quota${search({ appid })}`),
      pluginLogin: (input) => call('POST', '/wechat/plugin-login', input),
      pay: (input) => call('POST', '/wechat/payments', input),
      latestUserKey: (user) => call('POST', '/wechat/user-key', user),
      upsertUser: (input) => call('POST', '/wechat/users', input),
      async session(user) {
        return (
          await call<{ session: SessionView | null }>(
            'GET',
            `/wechat/sessions${search({ ...user })}`,
          )
        ).session;
      },
      async expireSession(user) {
        return (await call<{ expired: boolean }>('POST', '/wechat/sessions/expire', user)).expired;
      },
      bulkCreateUsers: (input) => call('POST', '/wechat/users/bulk', input),
      listUsers: ({ appid, cursor, limit }) =>
        call('GET', `/wechat/users${search({ appid, cursor, limit })}`),
      async apps() {
        return (await call<{ apps: WechatAppView[] }>('GET', '/wechat/apps')).apps;
      },
      async codes({ appid, limit }) {
        const q = search({ appid, limit });
        return (await call<{ codes: PendingCodeView[] }>('GET', `/wechat/codes${q}`)).codes;
      },
      async sessions({ appid, limit }) {
        const q = search({ appid, limit });
        return (await call<{ sessions: SessionView[] }>('GET', `/wechat/sessions/live${q}`))
          .sessions;
      },
    },
    genauth: {
      bulkCreateUsers: (input) => call('POST', '/genauth/users/bulk', input),
      listUsers: ({ poolId, q, cursor, limit }) =>
        call('GET', `/genauth/users${search({ poolId, q, cursor, limit })}`),
      async pools() {
        return (await call<{ pools: GenauthPoolSummary[] }>('GET', '/genauth/pools')).pools;
      },
      getUser: ({ id }) => call('GET', userPath(id)),
      updateUser: ({ id, ...changes }) => call('PATCH', userPath(id), changes),
      deleteUser: ({ id }) => call('DELETE', userPath(id)),
    },
    faults: {
      async add(fault) {
        return (await call<{ fault: FaultView }>('POST', '/faults', fault)).fault;
      },
      async list() {
        return (await call<{ faults: FaultView[] }>('GET', '/faults')).faults;
      },
      async clear() {
        return (await call<{ cleared: number }>('DELETE', '/faults')).cleared;
      },
    },
    clock: {
      get: () => call('GET', '/clock'),
      advance: (ms) => call('POST', '/clock', { advanceMs: ms }),
      set: (now) => call('POST', '/clock', { now }),
    },
    journal: {
      async list(filter = {}) {
        const query = search({
          path: filter.path,
          method: filter.method,
          after: filter.after,
        });
        return (await call<{ requests: JournalEntry[] }>('GET', `/requests${query}`)).requests;
      },
      async clear() {
        await call('DELETE', '/requests');
      },
      async *follow(options = {}) {
        const stop = new AbortController();
        const abort = () => stop.abort();
        options.signal?.addEventListener('abort', abort);
        try {
          if (options.signal?.aborted) return;
          const q = search({ after: options.after });
          const res = await send('GET', `/requests/events${q}`, undefined, {
            accept: 'text/event-stream',
            signal: stop.signal,
          });
          if (!res.body) return;
          const decoder = new TextDecoder();
          async function* text(body: AsyncIterable<Uint8Array>) {
            for await (const bytes of body) yield decoder.decode(bytes, { stream: true });
          }
          for await (const event of streamEvents(text(res.body))) {
            if (event.event === 'request') yield JSON.parse(event.data) as JournalEntry;
          }
        } catch (err) {
          // An abort (the caller's signal, or the end of the loop) ends the iteration quietly.
          if (!stop.signal.aborted) throw err;
        } finally {
          options.signal?.removeEventListener('abort', abort);
          stop.abort();
        }
      },
    },
    messages: {
      async list(query) {
        const q = search({ to: query.to, pool: query.pool });
        return (await call<{ messages: MessageView[] }>('GET', `/messages${q}`)).messages;
      },
      async recent(query = {}) {
        const q = search({ pool: query.pool, limit: query.limit });
        return (await call<{ messages: MessageView[] }>('GET', `/messages/recent${q}`)).messages;
      },
    },
    state: () => call('GET', '/state'),
    async *stateChunks() {
      const res = await send('GET', '/state');
      if (!res.body) return;
      const decoder = new TextDecoder();
      for await (const bytes of res.body) {
        const text = decoder.decode(bytes, { stream: true });
        if (text) yield text;
      }
      const tail = decoder.decode();
      if (tail) yield tail;
    },
    exportState: () => call('GET', '/state'),
    importState: (doc) => call('PUT', '/state', doc),
    reset: (seed) => call('POST', '/reset', seed === undefined ? {} : { seed }),
    demo: () => call('GET', '/demo'),
  };
}
