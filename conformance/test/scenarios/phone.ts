import {
  LOGIN,
  WECHAT_AUTH_BY_PHONE,
  WECHAT_GETPHONE,
  freshPhone,
  lastBody,
  type Scenario,
} from './harness';
import type { TestEnv } from '../../src';

/** Gives the current WeChat user `phone` and opens the login page. */
async function loginPageWithPhone(env: TestEnv, phone: string) {
  await env.bridge.client.upsertUser({ phone });
  return env.renderPage(LOGIN);
}

const OFFICIAL_NO_PHONE_CODE =
  'authing-wxapp-sdk only knows the legacy iv + encryptedData contract: loginByPhone(code, {phoneCode}) sends the object as `iv`, so GenAuth rejects it';

/** Uses up the app's quota of both phone products for `run`, then restores it. */
async function withQuotaUsedUp(env: TestEnv, run: () => Promise<void>): Promise<void> {
  const start = await env.bridge.client.quota();
  const usedUp = (q: { trial: number; paid: number; used: number }) => ({
    trial: q.trial,
    paid: q.paid,
    used: q.trial + q.paid,
  });
  const restore = (q: { trial: number; paid: number; used: number }) => ({
    trial: q.trial,
    paid: q.paid,
    used: q.used,
  });
  await env.bridge.client.setQuota({
    fastVerify: usedUp(start.fastVerify),
    realtime: usedUp(start.realtime),
  });
  try {
    await run();
  } finally {
    await env.bridge.client.setQuota({
      fastVerify: restore(start.fastVerify),
      realtime: restore(start.realtime),
    });
  }
}

/**
 * The phone-number buttons: fast verification (current code flow, legacy encrypted flow,
 * getPhone, deny, quota), and real-time verification.
 */
export const phoneScenarios: Scenario[] = [
  {
    id: 'phone-new-code',
    title: 'phone login (current flow, button code) with a new phone creates an account with it',
    differs: { official: OFFICIAL_NO_PHONE_CODE },
    async run({ env, sdk }) {
      const phone = freshPhone();
      const page = await loginPageWithPhone(env, phone);
      const detail = await page.phoneButton('#phone-login', 'code');
      const body = await lastBody(env, WECHAT_AUTH_BY_PHONE);
      if (sdk === 'official') {
        expect(body['phoneCode']).toBeUndefined();
        expect(body['iv']).toEqual({ phoneCode: detail['code'] });
        expect(page.data).toMatchObject({ status: 'error', errorCode: '2510', loggedIn: false });
        return;
      }
      expect(body).toMatchObject({ phoneCode: detail['code'], code: expect.any(String) });
      expect(page.data).toMatchObject({ status: 'done', loggedIn: true, userPhone: phone });
    },
  },
  {
    id: 'phone-realtime',
    title:
      'real-time phone login (getRealtimePhoneNumber button code) with a new phone creates an account with it',
    differs: {
      official: `${OFFICIAL_NO_PHONE_CODE}; the real-time button has only the code, so this SDK has no way to use it`,
    },
    async run({ env, sdk }) {
      const phone = freshPhone();
      const page = await loginPageWithPhone(env, phone);
      const detail = await page.realtimePhoneButton('#phone-login-realtime', 'code');
      expect(Object.keys(detail).sort()).toEqual(['code', 'errMsg']);
      expect(detail['errMsg']).toBe('getRealtimePhoneNumber:ok');
      const body = await lastBody(env, WECHAT_AUTH_BY_PHONE);
      if (sdk === 'official') {
        expect(body['iv']).toEqual({ phoneCode: detail['code'] });
        expect(page.data).toMatchObject({ status: 'error', errorCode: '2510', loggedIn: false });
        return;
      }
      expect(body).toMatchObject({ phoneCode: detail['code'], code: expect.any(String) });
      expect(page.data).toMatchObject({ status: 'done', loggedIn: true, userPhone: phone });
    },
  },
  {
    id: 'phone-new-legacy',
    title: 'phone login (legacy iv + encryptedData) with a new phone creates an account with it',
    async run({ env }) {
      const phone = freshPhone();
      const page = await loginPageWithPhone(env, phone);
      await page.phoneButton('#phone-login-legacy', 'legacy');
      expect(page.data).toMatchObject({ status: 'done', loggedIn: true, userPhone: phone });
      const body = await lastBody(env, WECHAT_AUTH_BY_PHONE);
      expect(Object.keys(body).sort()).toEqual(['code', 'encryptedData', 'iv']);
    },
  },
  {
    id: 'phone-existing',
    title: 'phone login with a phone that already has an account signs into that account',
    async run({ env }) {
      const account = env.demo.accounts!.find((a) => a.phone !== null)!;
      const page = await loginPageWithPhone(env, account.phone!);
      await page.phoneButton('#phone-login-legacy', 'legacy');
      expect(page.data).toMatchObject({
        status: 'done',
        loggedIn: true,
        userId: account.id,
        userPhone: account.phone,
      });
    },
  },
  {
    id: 'get-phone',
    title: 'getPhone returns the decrypted phone number and stores nothing',
    async run({ env }) {
      const phone = freshPhone();
      const page = await loginPageWithPhone(env, phone);
      await page.phoneButton('#get-phone', 'legacy');
      expect(page.data).toMatchObject({ status: 'done', phone, loggedIn: false });
      expect(await lastBody(env, WECHAT_GETPHONE)).toHaveProperty('encryptedData');
      const api = env.wx as unknown as { getStorageSync(k: string): unknown };
      expect(api.getStorageSync('_authing_token')).toBe('');
    },
  },
  {
    id: 'phone-deny',
    title: 'the user denies the phone (iOS and Android spellings): nothing is sent',
    async run({ env }) {
      const page = await loginPageWithPhone(env, freshPhone());
      const before = (await env.requests(WECHAT_AUTH_BY_PHONE)).length;
      await page.phoneButton('#phone-login', 'deny', 'ios');
      expect(page.data['status']).toBe('denied');
      await page.phoneButton('#phone-login-legacy', 'deny', 'android');
      expect(page.data['status']).toBe('denied');
      expect(await env.requests(WECHAT_AUTH_BY_PHONE)).toHaveLength(before);
      expect(page.data['loggedIn']).toBe(false);
    },
  },
  {
    id: 'phone-no-quota',
    title: 'the phone-number quota is exhausted (errno 1400001): an error, nothing sent',
    async run({ env }) {
      const page = await env.renderPage(LOGIN);
      await page.phoneButton('#phone-login', 'no-quota');
      expect(page.data).toMatchObject({
        status: 'error',
        errorCode: 'wx',
        errorMessage: 'getPhoneNumber:fail no quota',
      });
      expect(env.bridge.network.log.filter((r) => r.url.includes('auth-by-phone'))).toEqual([]);
    },
  },
  {
    id: 'phone-quota-used-up',
    title:
      "the app's phone quota is used up in the mock: both buttons answer errno 1400001, no code is minted, nothing sent",
    async run({ env }) {
      const page = await loginPageWithPhone(env, freshPhone());
      const codes = env.mock.store.wechat.phoneCodes.size;
      await withQuotaUsedUp(env, async () => {
        expect(await page.phoneButton('#phone-login', 'code')).toEqual({
          errMsg: 'getPhoneNumber:fail no quota',
          errno: 1400001,
        });
        expect(page.data).toMatchObject({
          status: 'error',
          errorMessage: 'getPhoneNumber:fail no quota',
          wechatErrcode: '1400001',
          loggedIn: false,
        });
        await page.realtimePhoneButton('#phone-login-realtime', 'code');
        expect(page.data).toMatchObject({
          status: 'error',
          errorMessage: 'getRealtimePhoneNumber:fail no quota',
          wechatErrcode: '1400001',
        });
      });
      expect(env.mock.store.wechat.phoneCodes.size).toBe(codes);
      expect(env.bridge.network.log.filter((r) => r.url.includes('auth-by-phone'))).toEqual([]);
    },
  },
];
