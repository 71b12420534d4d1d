import { ManualTimers, type PageHandle } from '../../src';
import { LOGIN, WECHAT_AUTH, type Harness, type Scenario } from './harness';

/** Exchanges `code` at the mock's jscode2session, as some other backend would. */
async function exchangeElsewhere({ env }: Harness, code: string): Promise<Record<string, unknown>> {
  const app = env.mock.store.wechat.apps.get(env.wechatAppid)!;
  const query = `appid=${env.wechatAppid}&secret=${app.secret}&js_code=${code}&grant_type=authorization_code`;
  return (await (await fetch(`${env.url}/sns/jscode2session?${query}`)).json()) as Record<
    string,
    unknown
  >;
}

/** The GenAuth error the page shows, and the WeChat errcode it carries. */
function shown(data: Record<string, unknown>) {
  return { status: data['status'], code: data['errorCode'], errcode: data['wechatErrcode'] };
}

/** Taps silent login and expects GenAuth 2500 carrying WeChat `errcode` on the page. */
async function expectSilentLoginFails(page: PageHandle, errcode: string): Promise<void> {
  await page.tap('#silent');
  expect(shown(page.data)).toEqual({ status: 'error', code: '2500', errcode });
}

const OFFICIAL_ERROR_SHAPES =
  'authing-wxapp-sdk throws an Error whose message is the JSON text of {code, message, data} (REST), a plain object (GraphQL) or undefined (network): callers must parse';

const OFFICIAL_TIMEOUT =
  'authing-wxapp-sdk drops its `timeout` option on the wx.request path (only app.json networkTimeout applies) and rejects with `undefined`, skipping onError';

/** The failures that bite in production, each surfacing as a visible, typed error. */
export const failureScenarios: Scenario[] = [
  {
    id: 'code-reused',
    title: 'a login code already exchanged elsewhere fails with 2500 carrying WeChat 40163',
    async run(h) {
      const page = await h.env.renderPage(LOGIN);
      const code = page.instance['code'] as string;
      expect(await exchangeElsewhere(h, code)).toHaveProperty('session_key');
      await page.tap('#profile-raw');
      expect(shown(page.data)).toEqual({ status: 'error', code: '2500', errcode: '40163' });
      expect((await h.env.requests(WECHAT_AUTH)).at(-1)?.body).toMatchObject({ code });
    },
  },
  {
    id: 'error-shape',
    title: 'what the SDK throws for a WeChat failure: one error class with code, message, data',
    differs: { official: OFFICIAL_ERROR_SHAPES },
    async run(h) {
      const page = await h.env.renderPage(LOGIN);
      const code = page.instance['code'] as string;
      await exchangeElsewhere(h, code);
      const auth = h.env.app!.globalData!['auth'] as { loginByCode(c: string): Promise<unknown> };
      const thrown: unknown = await auth.loginByCode(code).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(thrown).toBeInstanceOf(Error);
      const error = thrown as Error & { code?: unknown; data?: { errcode?: number } };
      if (h.sdk === 'official') {
        expect(error.code).toBeUndefined();
        expect(JSON.parse(error.message)).toMatchObject({ code: 2500, data: { errcode: 40163 } });
      } else {
        expect(error.code).toBe(2500);
        expect(error.data?.errcode).toBe(40163);
        expect(error.message).toEqual(expect.any(String));
      }
      await h.env.settle();
    },
  },
  {
    id: 'code-expired',
    title: 'a login code older than 5 minutes fails with 2500 carrying WeChat 40029',
    async run({ env }) {
      const page = await env.renderPage(LOGIN);
      env.advanceClock(5 * 60_000 + 1000);
      await page.tap('#profile-raw');
      expect(shown(page.data)).toEqual({ status: 'error', code: '2500', errcode: '40029' });
    },
  },
  {
    id: 'session-key-rotated',
    title:
      'session_key rotated between the phone button and the login (a new wx.login) → decrypt fails',
    async run({ env }) {
      await env.bridge.client.upsertUser({ phone: '13912345678' });
      const page = await env.renderPage(LOGIN);
      const detail = await env.bridge.phoneNumberDetail('legacy');
      await page.show(); // the app comes back to the foreground and fetches a fresh code
      await page.trigger('#phone-login-legacy', 'getphonenumber', detail);
      expect(shown(page.data)).toMatchObject({ status: 'error', code: '2501' });
      expect(page.data['loggedIn']).toBe(false);
    },
  },
  {
    id: 'network-timeout',
    title: 'a stalled network surfaces as a timeout error after the configured time',
    differs: { official: OFFICIAL_TIMEOUT },
    async run({ env, sdk }) {
      const timers = new ManualTimers();
      env.bridge.network.timers = timers;
      env.config.timeout = 300;
      env.bridge.network.timeouts.request = sdk === 'official' ? 400 : 10_000;
      env.bridge.network.inject({ kind: 'stall', match: WECHAT_AUTH });
      const page = await env.renderPage(LOGIN);
      const tapped = page.tap('#silent');
      await timers.whenPending();
      expect(timers.pending).toBe(1); // the stalled request, timed out by the SDK's timeout
      const limit = sdk === 'official' ? 400 : 300;
      expect(timers.advance(limit - 1)).toBe(0);
      expect(timers.advance(1)).toBe(1);
      await tapped;
      expect(page.data['status']).toBe('error');
      if (sdk === 'official') {
        expect(page.data['errorMessage']).toBe('undefined');
        expect(env.bridge.ui.of('showModal')).toHaveLength(0);
      } else {
        expect(page.data['errorCode']).toBe('504');
        expect(page.data['errorMessage']).toMatch(/timeout/);
      }
      expect(page.data['loggedIn']).toBe(false);
    },
  },
  {
    id: 'wechat-45011',
    title: 'over 100 code exchanges in a minute: WeChat 45011 surfaces as 2500',
    async run(h) {
      const { env } = h;
      const page = await env.renderPage(LOGIN);
      const now = env.mock.clock.now();
      env.advanceClock(60_000 - (now % 60_000) + 1000); // a fresh quota minute, not about to roll over
      const openid = env.bridge.client.openid!;
      const { codes } = env.mock.control.wechat.login({
        appid: env.wechatAppid,
        openid,
        count: 100,
      });
      for (let i = 0; i < codes.length; i += 25) {
        await Promise.all(codes.slice(i, i + 25).map((code) => exchangeElsewhere(h, code)));
      }
      await expectSilentLoginFails(page, '45011');
    },
  },
  {
    id: 'wechat-40226',
    title: 'a high-risk (blocked) WeChat user: WeChat 40226 surfaces as 2500',
    async run({ env }) {
      await env.bridge.client.upsertUser({ blocked: true });
      const page = await env.renderPage(LOGIN);
      await expectSilentLoginFails(page, '40226');
    },
  },
  {
    id: 'wechat--1',
    title:
      'WeChat busy (-1, system error) surfaces as 2500; the code is not used up, a retry logs in',
    async run(h) {
      const { env } = h;
      const page = await env.renderPage(LOGIN);
      await env.injectWechatFault({ route: 'wechat.jscode2session', errcode: -1 });
      await expectSilentLoginFails(page, '-1');
      expect(await env.wechatFaults()).toEqual([]);
      const sent = (await env.requests(WECHAT_AUTH)).at(-1)?.body as { code: string };
      expect(await exchangeElsewhere(h, sent.code)).toHaveProperty('session_key');
      await page.tap('#silent');
      expect(page.data['loggedIn']).toBe(true);
    },
  },
  {
    id: 'onerror-modal',
    title: 'the SDK onError hook runs once per server error: the app shows one modal',
    async run({ env }) {
      await env.bridge.client.upsertUser({ blocked: true });
      const page = await env.renderPage(LOGIN);
      await page.tap('#silent');
      const modals = env.bridge.ui.of('showModal');
      expect(modals).toHaveLength(1);
      expect(modals[0]).toMatchObject({
        title: '请求失败',
        content: expect.stringContaining('2500'),
      });
      expect(page.data['status']).toBe('error');
    },
  },
];
