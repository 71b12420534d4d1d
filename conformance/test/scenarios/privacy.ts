import { LOGIN, PROFILE, WECHAT_AUTH_BY_PHONE, freshPhone, signIn, type Scenario } from './harness';
import type { PageHandle, TestEnv } from '../../src';

const NOT_AUTHORIZED = 'privacy permission is not authorized';
const NOT_DECLARED = 'api scope is not declared in the privacy agreement';

/** The errno the page shows: our SDK's error code or the raw wx failure's errno. */
function shownErrno(page: PageHandle): string[] {
  return [page.data['errorCode'], page.data['wechatErrcode']].map(String);
}

async function uploads(env: TestEnv): Promise<number> {
  return (await env.requests('/api/v2/upload')).length;
}

/** WeChat's privacy guide: consent through the page's prompt (errno 104) and the guide (112). */
export const privacyScenarios: Scenario[] = [
  {
    id: 'privacy-phone',
    title:
      'before consent the phone button waits on the page prompt: disagree is errno 104 and sends nothing, agree logs in',
    async run({ env }) {
      const phone = freshPhone();
      await env.bridge.client.upsertUser({ phone });
      env.bridge.privacy.set({ agreed: false });
      const page = await env.renderPage(LOGIN);
      const sent = (await env.requests(WECHAT_AUTH_BY_PHONE)).length;
      expect(page.data['privacyContractName']).toBe('《小程序用户隐私保护指引》');
      expect(await page.phoneButton('#phone-login-legacy', 'legacy')).toEqual({});
      expect(page.data).toMatchObject({ privacyPrompt: true, privacyReferrer: 'getPhoneNumber' });
      expect(env.bridge.privacy.pending).toEqual(['getPhoneNumber']);
      await page.tap('#privacy-contract');
      expect(env.bridge.privacy.contractOpened).toBe(1);
      await page.tap('#privacy-disagree');
      expect(page.data).toMatchObject({
        privacyPrompt: false,
        status: 'error',
        errorMessage: `getPhoneNumber:fail ${NOT_AUTHORIZED}`,
        wechatErrcode: '104',
        loggedIn: false,
      });
      expect(await env.requests(WECHAT_AUTH_BY_PHONE)).toHaveLength(sent);

      await page.phoneButton('#phone-login-legacy', 'legacy');
      expect(page.data['privacyPrompt']).toBe(true);
      await page.agreePrivacy('#privacy-agree');
      expect(env.bridge.privacy.settings.agreed).toBe(true);
      expect(page.data).toMatchObject({ privacyPrompt: false, status: 'done', userPhone: phone });
      expect(await env.requests(WECHAT_AUTH_BY_PHONE)).toHaveLength(sent + 1);
      expect(env.bridge.privacy.prompts.map((p) => p.by)).toEqual(['listener', 'listener']);
    },
  },
  {
    id: 'privacy-coupled',
    title:
      'the coupled getPhoneNumber|agreePrivacyAuthorization button agrees and logs in with one tap, with no prompt; the consent outlives a restart',
    async run({ env }) {
      const phone = freshPhone();
      await env.bridge.client.upsertUser({ phone });
      env.bridge.privacy.set({ agreed: false });
      const page = await env.renderPage(LOGIN);
      await page.phoneButton('#phone-login-agree', 'legacy', 'ios', { agreePrivacy: true });
      expect(page.data).toMatchObject({ privacyPrompt: false, status: 'done', userPhone: phone });
      expect(env.bridge.privacy.prompts).toEqual([]);
      expect(env.bridge.privacy.settings.agreed).toBe(true);
      // WeChat keeps the consent: after a restart the app needs no authorization.
      await env.restart();
      await env.renderPage(LOGIN);
      const setting = await (
        env.wx as unknown as { getPrivacySetting(o: object): Promise<Record<string, unknown>> }
      ).getPrivacySetting({});
      expect(setting['needAuthorization']).toBe(false);
    },
  },
  {
    id: 'privacy-avatar',
    title:
      'before consent the chooseAvatar button fails with errno 104 and uploads nothing; after agreeing it uploads',
    async run({ env, sdk }) {
      await signIn(env);
      env.bridge.privacy.set({ agreed: false });
      const page = await env.renderPage(PROFILE);
      const photo = page.data['photo'];
      const before = await uploads(env);
      await page.chooseAvatar('#choose-avatar');
      expect(page.data).toMatchObject({ privacyPrompt: true, privacyReferrer: 'chooseAvatar' });
      await page.tap('#privacy-disagree');
      expect(page.data).toMatchObject({
        status: 'error',
        errorMessage: `chooseAvatar:fail ${NOT_AUTHORIZED}`,
        wechatErrcode: '104',
        photo,
      });
      expect(await uploads(env)).toBe(before);
      expect(env.bridge.media.calls).toEqual([]);

      await page.chooseAvatar('#choose-avatar');
      await page.agreePrivacy('#privacy-agree');
      expect(page.data['status']).toBe('done');
      expect(page.data['photo']).not.toBe(photo);
      expect(await uploads(env)).toBe(before + 1);
      // The official SDK ignores the path and opens the album, which now passes the gate too.
      expect(env.bridge.media.calls.map((c) => c.api)).toEqual(
        sdk === 'official' ? ['chooseImage'] : [],
      );
    },
  },
  {
    id: 'privacy-undeclared',
    title:
      'an API whose category the privacy guide leaves out fails with errno 112, consent or not: album and phone',
    async run({ env, sdk }) {
      await signIn(env);
      env.bridge.privacy.set({ declared: ['UserInfo'] });
      const profile = await env.renderPage(PROFILE);
      const before = await uploads(env);
      await profile.tap('#pick-avatar');
      const picker = sdk === 'official' ? 'chooseImage' : 'chooseMedia';
      expect(profile.data).toMatchObject({
        status: 'error',
        errorMessage: `${picker}:fail ${NOT_DECLARED}`,
      });
      expect(shownErrno(profile)).toContain('112');
      expect(await uploads(env)).toBe(before);
      expect(env.bridge.privacy.prompts).toEqual([]);

      const login = await env.renderPage(LOGIN);
      const sent = (await env.requests(WECHAT_AUTH_BY_PHONE)).length;
      const detail = await login.phoneButton('#phone-login', 'code');
      expect(detail).toEqual({ errMsg: `getPhoneNumber:fail ${NOT_DECLARED}`, errno: 112 });
      expect(login.data).toMatchObject({ status: 'error', wechatErrcode: '112' });
      expect(await env.requests(WECHAT_AUTH_BY_PHONE)).toHaveLength(sent);
    },
  },
];
