import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';
import {
  AuthenticationClient,
  createMemoryStorage,
  createNodeRuntime,
  type AuthenticationClientOptions,
  type KeyValueStorage,
} from '@genauth-wxapp/sdk';

/** The demo tenancy the mock publishes in `GET /__mock/v1/state` (`demo` section). */
export interface Demo {
  userPoolId: string;
  apps: { appId: string; wechatAppid: string | null; tokenAlgorithm: string }[];
  accounts: {
    id: string;
    email: string | null;
    username: string | null;
    phone: string | null;
    subAccount: string | null;
    password: string;
  }[];
  directory: { kind: 'ldap' | 'ad'; username: string; password: string }[];
  fixedCodes: { to: string; code: string }[];
}

/** One journal entry of the mock. */
export interface Recorded {
  method: string;
  path: string;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
}

async function json<T>(url: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(url, {
    method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
    headers: { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${url} → HTTP ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A temporary PNG file standing in for a wx temp path. */
export function tempImage(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'sdk-avatar-')), 'avatar.png');
  writeFileSync(path, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
  return path;
}

/** The real mock on an ephemeral port, plus the simulated WeChat client and its journal. */
export class MockHarness {
  private constructor(
    readonly mock: MockServer,
    readonly url: string,
    readonly demo: Demo,
    /** The user-defined fields of the demo pool. */
    readonly udfs: { key: string; dataType: string }[],
  ) {}

  static async start(): Promise<MockHarness> {
    const mock = createMockServer();
    await mock.start(0);
    const url = mock.url;
    const state = await json<{
      demo: Demo;
      genauth: { pools: { id: string; udfs: { key: string; dataType: string }[] }[] };
    }>(`${url}/__mock/v1/state`);
    const pool = state.genauth.pools.find((p) => p.id === state.demo.userPoolId);
    return new MockHarness(mock, url, state.demo, pool?.udfs ?? []);
  }

  get app(): Demo['apps'][number] {
    return this.demo.apps[0]!;
  }

  get wechatAppid(): string {
    return this.app.wechatAppid!;
  }

  account(where: (a: Demo['accounts'][number]) => unknown): Demo['accounts'][number] {
    const found = this.demo.accounts.find(where);
    if (!found) throw new Error('no such demo account');
    return found;
  }

  async reset(): Promise<void> {
    this.mock.reset();
    await json(`${this.url}/__mock/v1/requests`, { method: 'DELETE' });
  }

  stop(): Promise<void> {
    return this.mock.stop();
  }

  /** `wx.login` on the simulated WeChat client: a fresh code (for `openid` when given). */
  wxLogin(openid?: string): Promise<{ code: string; openid: string }> {
    return json(`${this.url}/__mock/v1/wechat/login`, {
      body: { appid: this.wechatAppid, ...(openid ? { openid } : {}) },
    });
  }

  /** `wx.getUserInfo` for a user: encrypted with that user's current session key. */
  userInfo(openid: string): Promise<{
    rawData: string;
    encryptedData: string;
    iv: string;
    userInfo: Record<string, unknown>;
  }> {
    return json(`${this.url}/__mock/v1/wechat/user-info`, {
      body: { appid: this.wechatAppid, openid },
    });
  }

  /** The phone-number button for a user: `{code, encryptedData, iv}`. */
  phoneNumber(openid: string): Promise<{ code: string; encryptedData: string; iv: string }> {
    return json(`${this.url}/__mock/v1/wechat/phone-number`, {
      body: { appid: this.wechatAppid, openid },
    });
  }

  /** SMS / e-mail codes the mock "sent" to `to` (newest last). */
  async lastCode(to: string): Promise<string> {
    const { messages } = await json<{ messages: { code: string }[] }>(
      `${this.url}/__mock/v1/messages?to=${encodeURIComponent(to)}`,
    );
    const last = messages[messages.length - 1];
    if (!last) throw new Error(`no code sent to ${to}`);
    return last.code;
  }

  /** The requests the mock received on `path` (oldest first). */
  async requests(path: string): Promise<Recorded[]> {
    const { requests } = await json<{ requests: Recorded[] }>(
      `${this.url}/__mock/v1/requests?path=${encodeURIComponent(path)}`,
    );
    return requests;
  }

  /** The last request on `path`. */
  async last(path: string): Promise<Recorded> {
    const list = await this.requests(path);
    const entry = list[list.length - 1];
    if (!entry) throw new Error(`no request on ${path}`);
    return entry;
  }

  /** A client for the demo app with the Node runtime, its storage exposed. */
  client(
    options: Partial<AuthenticationClientOptions> & { chooseImage?: () => Promise<string> } = {},
  ): { client: AuthenticationClient; storage: KeyValueStorage & { map: Map<string, unknown> } } {
    const storage = createMemoryStorage();
    const { chooseImage, ...rest } = options;
    const runtime = createNodeRuntime({
      storage,
      login: async () => (await this.wxLogin()).code,
      chooseImage,
      readFile: async (path) => new Uint8Array(await readFile(path)),
    });
    const client = new AuthenticationClient({
      appId: this.app.appId,
      userPoolId: this.demo.userPoolId,
      host: this.url,
      runtime,
      ...rest,
    });
    return { client, storage };
  }
}

/**
 * Starts one harness for the test file (stopped after it) and resets the mock before each test;
 * `assign` receives the started harness.
 */
export function useMockHarness(assign: (harness: MockHarness) => void): void {
  let harness: MockHarness | undefined;
  beforeAll(async () => {
    harness = await MockHarness.start();
    assign(harness);
  });
  afterAll(() => harness?.stop());
  beforeEach(() => harness?.reset());
}
