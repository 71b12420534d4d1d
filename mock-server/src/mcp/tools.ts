/**
 * The control API as MCP tools: one tool per control, each with a zod input schema, answering
 * the control's result as JSON text. A {@link ControlError} becomes a tool error (`isError`)
 * whose text is the mock's `{error, message}`. Loaded only by `genauth-mock mcp`.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

import { ControlError } from '../control/error';
import { FAULT_ROUTES, type FaultRoute } from '../control/fault-routes';
import type { ControlClient, FaultErrcode, MockDemo } from '../control/types';

/** What the tools act on: a control client and the base URL of the mock it talks to. */
export interface ToolTarget {
  control: ControlClient;
  /** The mock's base URL, e.g. `http://127.0.0.1:3000`. */
  url: string;
}

/** A successful result: `value` as pretty JSON text. */
function json(value: unknown): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value ?? null, null, 2) }] };
}

/** Runs `fn`; its value as JSON, or a {@link ControlError} as a tool error with `{error, message}`. */
async function run(fn: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return json(await fn());
  } catch (err) {
    if (!(err instanceof ControlError)) throw err;
    const body = { status: err.status, error: err.error, message: err.message };
    return { isError: true, content: [{ type: 'text', text: JSON.stringify(body) }] };
  }
}

const appid = z.string().min(1).describe('A WeChat appid of the mock (see the `demo` tool).');
const openid = z.string().min(1).describe('A WeChat user (openid) of that app.');
const userRef = { appid, openid };
const gender = z.union([z.literal(0), z.literal(1), z.literal(2)]);
const language = z.enum(['zh_CN', 'en', 'zh_TW']);
const phone = z
  .union([
    z.string(),
    z.object({ countryCode: z.string(), purePhoneNumber: z.string() }).strict(),
    z.null(),
  ])
  .describe('A mainland number string, {countryCode, purePhoneNumber}, or null (no phone).');

const calls = z.number().int().min(0).max(1e9);
const quota = z
  .object({
    trial: calls.optional().describe('Calls of the trial package.'),
    paid: calls.optional().describe('Calls of the paid packages.'),
    used: calls.optional().describe('Successful calls so far (the trial used first).'),
  })
  .strict();

const faultRoutes = Object.keys(FAULT_ROUTES) as [FaultRoute, ...FaultRoute[]];

const genauthUser = z
  .object({
    email: z.string().optional(),
    username: z.string().optional(),
    phone: z.string().optional().describe('Digits with an optional +.'),
    nickname: z.string().optional(),
    password: z.string().optional().describe('Plaintext; stored hashed.'),
    passwordHash: z.string().optional(),
    passwordLevel: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
    subAccount: z.string().optional(),
    externalId: z.string().optional(),
    unionid: z.string().optional(),
    openid: z.string().optional(),
  })
  .strict();

/** The names of every tool {@link registerControlTools} registers, in order. */
export const TOOL_NAMES = [
  'wechat_login',
  'wechat_phone_number',
  'wechat_quota',
  'wechat_user_info',
  'wechat_create_user',
  'genauth_create_users',
  'genauth_messages',
  'clock_get',
  'clock_advance',
  'clock_set',
  'faults_add',
  'faults_list',
  'faults_clear',
  'journal_list',
  'journal_clear',
  'demo',
  'state_reset',
] as const;

/** Registers every control tool on `server`, acting on `target`. */
export function registerControlTools(server: McpServer, target: ToolTarget): void {
  const { control } = target;

  server.registerTool(
    'wechat_login',
    {
      description:
        'Play wx.login in a mini-program: mint single-use js_code(s) (valid 5 minutes on the mock clock) for a user of a WeChat app, which a backend exchanges at GET /sns/jscode2session. Without openid a new user is created. Answers {code, openid, codes}.',
      inputSchema: {
        appid,
        openid: openid.optional().describe('The user logging in; absent = a new user.'),
        count: z.number().int().min(1).max(1000).optional().describe('Codes to mint (default 1).'),
        sessionKey: z
          .string()
          .optional()
          .describe('Pin the session_key (base64 of 16 bytes) instead of the session-key policy.'),
      },
    },
    (input) => run(() => control.wechat.login(input)),
  );

  server.registerTool(
    'wechat_phone_number',
    {
      description:
        'Tap a phone-number button as the user: the e.detail its handler receives. realtime=false (default) is open-type="getPhoneNumber" ({errMsg, code, encryptedData, iv}); realtime=true is getRealtimePhoneNumber ({errMsg, code}). The code is exchanged at POST /wxa/business/getuserphonenumber. With the quota used up the detail is {errMsg, errno: 1400001}.',
      inputSchema: {
        ...userRef,
        realtime: z.boolean().optional().describe('The real-time button (default false).'),
      },
    },
    ({ realtime, ...user }) =>
      run(() => control.wechat.phoneNumber({ ...user, realtime: realtime ?? false })),
  );

  server.registerTool(
    'wechat_quota',
    {
      description:
        "Read an app's phone-number quota per button (fastVerify = getPhoneNumber, realtime = getRealtimePhoneNumber), or change it with fastVerify / realtime {trial?, paid?, used?}; e.g. {used: <trial + paid>} makes the next tap answer errno 1400001. Answers {appid, fastVerify, realtime}, each {spuId, trial, paid, used, remaining, unitPriceFen}.",
      inputSchema: {
        appid,
        fastVerify: quota.optional().describe('Change the getPhoneNumber quota.'),
        realtime: quota.optional().describe('Change the getRealtimePhoneNumber quota.'),
      },
    },
    ({ appid, fastVerify, realtime }) =>
      run(() =>
        fastVerify === undefined && realtime === undefined
          ? control.wechat.quota({ appid })
          : control.wechat.setQuota({
              appid,
              ...(fastVerify !== undefined && { fastVerify }),
              ...(realtime !== undefined && { realtime }),
            }),
      ),
  );

  server.registerTool(
    'wechat_user_info',
    {
      description:
        "getUserInfo with credentials: {userInfo, rawData, signature, encryptedData, iv}, signed and encrypted under the user's current session_key (log in first).",
      inputSchema: userRef,
    },
    (user) => run(() => control.wechat.userInfo(user)),
  );

  server.registerTool(
    'wechat_create_user',
    {
      description:
        'Create a WeChat user of an app (a new openid when absent), or update the user with that openid. Answers {user, created}.',
      inputSchema: {
        appid,
        openid: z.string().optional().describe('6 to 64 of [A-Za-z0-9_-]; absent = minted.'),
        nickName: z.string().optional(),
        avatarUrl: z.string().optional(),
        city: z.string().optional(),
        province: z.string().optional(),
        country: z.string().optional(),
        gender: gender.optional().describe('0 unknown, 1 male, 2 female.'),
        language: language.optional(),
        phone: phone.optional(),
        unionid: z
          .string()
          .nullable()
          .optional()
          .describe('Only in apps bound to an open platform; null removes it.'),
        blocked: z.boolean().optional().describe("A blocked user's codes answer 40226."),
      },
    },
    (input) => run(() => control.wechat.upsertUser(input)),
  );

  server.registerTool(
    'genauth_create_users',
    {
      description:
        'Create GenAuth accounts in a user pool at once, all or none (absent fields take the defaults of a registration). Answers {poolId, created, firstId, lastId, ids?}.',
      inputSchema: {
        poolId: z.string().optional().describe('A user pool id; default the demo pool.'),
        users: z.array(genauthUser).min(1).max(100000),
        returnIds: z.boolean().optional().describe('Also answer every new user id.'),
      },
    },
    ({ poolId, users, returnIds }) =>
      run(async () =>
        control.genauth.bulkCreateUsers({
          poolId: poolId ?? (await control.demo()).userPoolId,
          users,
          ...(returnIds !== undefined && { returnIds }),
        }),
      ),
  );

  server.registerTool(
    'genauth_messages',
    {
      description:
        'Read the SMS and e-mail verification codes GenAuth "sent" to a phone number or e-mail address, newest last: [{seq, poolId, channel, to, scene, code, sentAt, expiresAt, used}].',
      inputSchema: {
        to: z.string().min(1).describe('A phone number or e-mail address.'),
        pool: z.string().optional().describe('Only messages of this user pool.'),
      },
    },
    (query) => run(() => control.messages.list(query)),
  );

  server.registerTool(
    'clock_get',
    { description: 'The mock clock: {now (epoch ms), iso}. Every expiry rule reads it.' },
    () => run(() => control.clock.get()),
  );

  server.registerTool(
    'clock_advance',
    {
      description:
        'Move the mock clock by ms (negative moves back), e.g. 300000 to expire every open code. Answers {now, iso}.',
      inputSchema: { ms: z.number().int().describe('Milliseconds to move the clock by.') },
    },
    ({ ms }) => run(() => control.clock.advance(ms)),
  );

  server.registerTool(
    'clock_set',
    {
      description: 'Jump the mock clock to an instant. Answers {now, iso}.',
      inputSchema: {
        now: z
          .union([z.number().int(), z.string().min(1)])
          .describe('Epoch milliseconds or an ISO date string.'),
      },
    },
    ({ now }) => run(() => control.clock.set(now)),
  );

  server.registerTool(
    'faults_add',
    {
      description:
        'Make the next `times` calls of a WeChat or GenAuth route fail with an errcode (wechat.* routes: a WeChat errcode such as -1, 40029, 45011; genauth.* routes: a GenAuth code, 200 = delay only), optionally only for one app and after a delay. Answers the pending fault.',
      inputSchema: {
        route: z.enum(faultRoutes),
        errcode: z.number().int(),
        times: z.number().int().min(1).max(1000).optional().describe('Calls to fault (default 1).'),
        appid: z
          .string()
          .optional()
          .describe('Only calls for this app (WeChat appid or GenAuth app id).'),
        delayMs: z.number().int().min(0).max(60000).optional().describe('Hold the answer (ms).'),
      },
    },
    ({ errcode, ...fault }) =>
      run(() => control.faults.add({ ...fault, errcode: errcode as FaultErrcode })),
  );

  server.registerTool('faults_list', { description: 'The pending faults, oldest first.' }, () =>
    run(() => control.faults.list()),
  );

  server.registerTool(
    'faults_clear',
    { description: 'Drop every pending fault. Answers {cleared: <how many>}.' },
    () => run(async () => ({ cleared: await control.faults.clear() })),
  );

  server.registerTool(
    'journal_list',
    {
      description:
        'The requests the mock answered (control calls excluded), newest last: the last `limit` of {seq, at, method, path, query, headers, body, status}.',
      inputSchema: {
        path: z.string().optional().describe('Exact path, e.g. /sns/jscode2session.'),
        method: z.string().optional().describe('HTTP method, any case.'),
        limit: z.number().int().min(1).max(1000).default(20).describe('At most this many (20).'),
      },
    },
    ({ path, method, limit }) =>
      run(async () => {
        const entries = await control.journal.list({
          ...(path !== undefined && { path }),
          ...(method !== undefined && { method }),
        });
        return entries.slice(-limit);
      }),
  );

  server.registerTool('journal_clear', { description: 'Empty the request journal.' }, () =>
    run(async () => {
      await control.journal.clear();
      return { cleared: true };
    }),
  );

  server.registerTool(
    'demo',
    {
      description:
        'Where the mock is and what it holds: {url, wechatApps (appid, secret, name), genauth (the demo user pool, its apps and accounts with their demo passwords, fixed codes; null without a pool)}.',
    },
    () =>
      run(async () => {
        let genauth: MockDemo | null;
        try {
          genauth = await control.demo();
        } catch (err) {
          if (!(err instanceof ControlError) || err.error !== 'no_demo') throw err;
          genauth = null;
        }
        return { url: target.url, wechatApps: await control.wechat.apps(), genauth };
      }),
  );

  server.registerTool(
    'state_reset',
    {
      description:
        'Back to the seeded state (of `seed` when given): no faults, an empty journal; the clock stays. Answers {reset, seed}.',
      inputSchema: { seed: z.string().min(1).optional() },
    },
    ({ seed }) => run(() => control.reset(seed)),
  );
}
