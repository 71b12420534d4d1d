/**
 * `genauth-mock mcp` as an agent sees it: a real MCP client (the official SDK's `Client` over
 * `StdioClientTransport`) spawns the built CLI, lists the tools and drives the mock with them,
 * both with the mock the subcommand starts in process and with `--url` against a running one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

import { createMockServer, fixedClock } from '../../src';
import { TOOL_NAMES } from '../../src/mcp/tools';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/src/cli.js');

/** A connected client of `genauth-mock mcp <args>`, and what the process wrote on stderr. */
async function connect(args: string[]) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp', ...args],
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const client = new Client({ name: 'mcp-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

type McpClient = Awaited<ReturnType<typeof connect>>['client'];

/** The text of a tool result, and whether it is an error. */
async function callText(client: McpClient, name: string, args: Record<string, unknown> = {}) {
  const result = await client.callTool({ name, arguments: args });
  const content = result.content as { type: string; text: string }[];
  expect(content).toHaveLength(1);
  expect(content[0]!.type).toBe('text');
  return { text: content[0]!.text, isError: result.isError === true };
}

/** The JSON value a tool answered; fails on a tool error. */
async function call<T = Record<string, unknown>>(
  client: McpClient,
  name: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const { text, isError } = await callText(client, name, args);
  if (isError) throw new Error(`${name} failed: ${text}`);
  return JSON.parse(text) as T;
}

beforeAll(() => {
  // `npm test` builds first; a direct Jest run may find dist stale or absent. Type errors are
  // `tsc -b`'s own check to report, so only the emitted CLI matters here.
  try {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', ROOT], {
      stdio: 'ignore',
    });
  } catch {
    // emitted anyway
  }
  expect(existsSync(join(ROOT, 'dist/src/mcp/cli.js'))).toBe(true);
}, 120_000);

describe('genauth-mock mcp (mock in process)', () => {
  let session: Awaited<ReturnType<typeof connect>>;
  let client: McpClient;
  let url: string;

  beforeAll(async () => {
    session = await connect([]);
    client = session.client;
  }, 30_000);
  afterAll(() => client?.close());

  it('lists every control tool, each with a description and an object input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...TOOL_NAMES].sort());
    for (const tool of tools) {
      expect(tool.description?.length).toBeGreaterThan(10);
      expect(tool.inputSchema.type).toBe('object');
    }
    const login = tools.find((t) => t.name === 'wechat_login')!;
    expect(login.inputSchema.required).toEqual(['appid']);
  });

  it('says where the mock is on stderr and in the demo tool', async () => {
    const demo = await call<{
      url: string;
      wechatApps: { appid: string; secret: string }[];
      genauth: { userPoolId: string; accounts: unknown[] };
    }>(client, 'demo');
    url = demo.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(session.stderr()).toContain(`mock listening at ${url}`);
    expect(demo.wechatApps[0]).toEqual(
      expect.objectContaining({ appid: 'wx4f4bc4dec97d474b', secret: expect.any(String) }),
    );
    expect(demo.genauth.accounts.length).toBeGreaterThan(0);
  });

  it('mints a login code that the mock exchanges at /sns/jscode2session', async () => {
    const { wechatApps } = await call<{ wechatApps: { appid: string; secret: string }[] }>(
      client,
      'demo',
    );
    const app = wechatApps[0]!;
    const login = await call<{ code: string; openid: string; codes: string[] }>(
      client,
      'wechat_login',
      { appid: app.appid, openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' },
    );
    expect(login.codes).toEqual([login.code]);
    const query = new URLSearchParams({
      appid: app.appid,
      secret: app.secret,
      js_code: login.code,
      grant_type: 'authorization_code',
    });
    const res = await fetch(`${url}/sns/jscode2session?${query}`);
    expect(await res.json()).toEqual(
      expect.objectContaining({ openid: login.openid, session_key: expect.any(String) }),
    );
    const journal = await call<{ path: string; status: number }[]>(client, 'journal_list', {
      path: '/sns/jscode2session',
      limit: 1,
    });
    expect(journal).toEqual([
      expect.objectContaining({ path: '/sns/jscode2session', status: 200 }),
    ]);
  });

  it('moves the clock', async () => {
    const before = await call<{ now: number }>(client, 'clock_get');
    const after = await call<{ now: number; iso: string }>(client, 'clock_advance', {
      ms: 300_000,
    });
    expect(after.now - before.now).toBeGreaterThanOrEqual(300_000);
    expect(after.now - before.now).toBeLessThan(330_000);
    const set = await call<{ iso: string }>(client, 'clock_set', { now: '2030-01-01T00:00:00Z' });
    // The mock's clock runs on from the time set (the subprocess keeps the system clock under it).
    const sinceSet = Date.parse(set.iso) - Date.parse('2030-01-01T00:00:00Z');
    expect(sinceSet).toBeGreaterThanOrEqual(0);
    expect(sinceSet).toBeLessThan(30_000);
  });

  it('adds, lists and clears a fault', async () => {
    const fault = await call<{ id: number; route: string; errmsg: string }>(client, 'faults_add', {
      route: 'wechat.jscode2session',
      errcode: -1,
      times: 2,
    });
    expect(fault).toEqual(
      expect.objectContaining({ route: 'wechat.jscode2session', errmsg: 'system error' }),
    );
    expect(await call(client, 'faults_list')).toEqual([fault]);
    expect(await call(client, 'faults_clear')).toEqual({ cleared: 1 });
  });

  it('reads the verification code of an SMS the GenAuth side sent', async () => {
    const { genauth } = await call<{ genauth: { userPoolId: string } }>(client, 'demo');
    const phone = '13900001234';
    const res = await fetch(`${url}/api/v2/sms/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-userpool-id': genauth.userPoolId },
      body: JSON.stringify({ phone }),
    });
    expect(await res.json()).toEqual(expect.objectContaining({ code: 200 }));
    const messages = await call<{ channel: string; to: string; code: string }[]>(
      client,
      'genauth_messages',
      { to: phone },
    );
    expect(messages).toEqual([
      expect.objectContaining({ channel: 'sms', to: phone, code: expect.stringMatching(/^\d+$/) }),
    ]);
  });

  it('taps the phone button until the quota set through the tools runs out', async () => {
    const user = { appid: 'wx4f4bc4dec97d474b', openid: 'oGZUI0egBJY1zhBYw2KhdUfwVJJE' };
    const ok = await call<{ errMsg: string; code: string }>(client, 'wechat_phone_number', user);
    expect(ok).toEqual(expect.objectContaining({ errMsg: 'getPhoneNumber:ok' }));
    const quota = await call<{ fastVerify: { remaining: number } }>(client, 'wechat_quota', {
      appid: user.appid,
      fastVerify: { trial: 0, paid: 0 },
    });
    expect(quota.fastVerify.remaining).toBe(0);
    expect(await call(client, 'wechat_phone_number', user)).toEqual({
      errMsg: 'getPhoneNumber:fail no quota',
      errno: 1400001,
    });
    const realtime = await call(client, 'wechat_phone_number', { ...user, realtime: true });
    expect(realtime).toEqual(expect.objectContaining({ errMsg: 'getRealtimePhoneNumber:ok' }));
  });

  it("answers the mock's {error, message} as a tool error", async () => {
    const { text, isError } = await callText(client, 'wechat_login', {
      appid: 'wx0000000000000000',
    });
    expect(isError).toBe(true);
    expect(JSON.parse(text)).toEqual({
      status: 404,
      error: 'unknown_app',
      message: expect.stringContaining('wx0000000000000000'),
    });
  });

  it('rejects bad input by its schema, naming the field', async () => {
    const bad = await callText(client, 'clock_advance', { ms: 'soon' });
    expect(bad.isError).toBe(true);
    expect(bad.text).toMatch(/Input validation error.*clock_advance.*ms/);
    const route = await callText(client, 'faults_add', { route: 'wechat.nope', errcode: -1 });
    expect(route.isError).toBe(true);
    expect(route.text).toContain('route');
  });

  it('resets the state', async () => {
    await call(client, 'faults_add', { route: 'wechat.token', errcode: 45011 });
    expect(await call(client, 'state_reset')).toEqual({ reset: true, seed: 'genauth-wxapp' });
    expect(await call(client, 'faults_list')).toEqual([]);
    expect(await call(client, 'journal_list')).toEqual([]);
  });
});

describe('genauth-mock mcp --url', () => {
  // A fixed clock: set times read back exactly.
  const mock = createMockServer({
    adminToken: 'mcp-test-token',
    clock: fixedClock(1_800_000_000_000),
  });
  let client: McpClient;
  let stderr: () => string;
  let url: string;

  beforeAll(async () => {
    url = await mock.start(0);
    ({ client, stderr } = await connect(['--url', url, '--token', 'mcp-test-token']));
  }, 30_000);
  afterAll(async () => {
    await client?.close();
    await mock.stop();
  });

  it('drives the mock at the URL and starts none', async () => {
    expect(await call(client, 'demo')).toEqual(expect.objectContaining({ url }));
    expect(stderr()).not.toContain('mock listening');
    const login = await call<{ code: string; openid: string }>(client, 'wechat_login', {
      appid: 'wx4f4bc4dec97d474b',
      count: 3,
    });
    expect(
      mock.control.wechat.listUsers({ appid: 'wx4f4bc4dec97d474b', limit: 1000 }).users,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ openid: login.openid })]));
    const { now } = await call<{ now: number }>(client, 'clock_set', { now: 1_900_000_000_000 });
    expect(now).toBe(1_900_000_000_000);
    expect(mock.control.clock.get().now).toBe(1_900_000_000_000);
    await call(client, 'faults_add', { route: 'wechat.token', errcode: 45011 });
    expect(mock.control.faults.list()).toEqual([
      expect.objectContaining({ route: 'wechat.token', errcode: 45011 }),
    ]);
    const user = await call<{ created: boolean; user: { nickName: string } }>(
      client,
      'wechat_create_user',
      { appid: 'wx4f4bc4dec97d474b', nickName: 'Agent' },
    );
    expect(user).toEqual(expect.objectContaining({ created: true }));
    expect(user.user.nickName).toBe('Agent');
  });
});
