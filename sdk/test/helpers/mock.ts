import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  createMockServer,
  type JournalEntry,
  type MockDemo,
  type MockDemoAccount,
  type MockServer,
  type MockServerOptions,
  type PhoneNumberResult,
  type UserInfoResult,
} from '@genauth-wxapp/mock-server';
import {
  AuthenticationClient,
  createMemoryStorage,
  createNodeRuntime,
  type AuthenticationClientOptions,
  type KeyValueStorage,
} from '../../src/node';

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
    readonly demo: MockDemo,
    /** The user-defined fields of the demo pool. */
    readonly udfs: { key: string; dataType: string }[],
  ) {}

  static async start(options: MockServerOptions = {}): Promise<MockHarness> {
    const mock = createMockServer(options);
    await mock.start(0);
    const demo = mock.control.demo();
    const pool = mock.control.state().genauth.pools.find((p) => p.id === demo.userPoolId);
    return new MockHarness(mock, mock.url, demo, pool?.udfs ?? []);
  }

  get app(): MockDemo['apps'][number] {
    return this.demo.apps[0]!;
  }

  get wechatAppid(): string {
    return this.app.wechatAppid!;
  }

  /** The first demo account with a password that `where` accepts. */
  account(where: (a: MockDemoAccount) => unknown): MockDemoAccount & { password: string } {
    const found = this.demo.accounts.find((a) => a.password !== null && where(a));
    if (!found) throw new Error('no such demo account');
    return found as MockDemoAccount & { password: string };
  }

  /** Back to the seeded state, with an empty request journal. */
  reset(): void {
    this.mock.reset();
  }

  stop(): Promise<void> {
    return this.mock.stop();
  }

  /** `wx.login` on the simulated WeChat client: a fresh code (for `openid` when given). */
  async wxLogin(openid?: string): Promise<{ code: string; openid: string }> {
    return this.mock.control.wechat.login({
      appid: this.wechatAppid,
      ...(openid ? { openid } : {}),
    });
  }

  /** `wx.getUserInfo` for a user: encrypted with that user's current session key. */
  async userInfo(openid: string): Promise<UserInfoResult> {
    return this.mock.control.wechat.userInfo({ appid: this.wechatAppid, openid });
  }

  /** The phone-number button for a user: `{code, encryptedData, iv}`. */
  async phoneNumber(openid: string): Promise<PhoneNumberResult> {
    return this.mock.control.wechat.phoneNumber({ appid: this.wechatAppid, openid });
  }

  /** SMS / e-mail codes the mock "sent" to `to` (newest last). */
  async lastCode(to: string): Promise<string> {
    const last = this.mock.control.messages.list({ to }).at(-1);
    if (!last) throw new Error(`no code sent to ${to}`);
    return last.code;
  }

  /** The requests the mock received on `path` (oldest first). */
  async requests(path: string): Promise<JournalEntry[]> {
    return this.mock.control.journal.list({ path });
  }

  /** The last request on `path`. */
  async last(path: string): Promise<JournalEntry> {
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
 * `assign` receives the started harness; `options` go to `createMockServer`.
 */
export function useMockHarness(
  assign: (harness: MockHarness) => void,
  options: MockServerOptions = {},
): void {
  let harness: MockHarness | undefined;
  beforeAll(async () => {
    harness = await MockHarness.start(options);
    assign(harness);
  });
  afterAll(() => harness?.stop());
  beforeEach(() => harness?.reset());
}
