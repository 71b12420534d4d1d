import { FIXTURE_PNG } from '../../src';
import { PROFILE, signIn, storedLogin, type Scenario } from './harness';

const OFFICIAL_IGNORES_PATH =
  'authing-wxapp-sdk updateAvatar() takes no argument: it ignores the chooseAvatar temp path and opens the album (wx.chooseImage) again';
const OFFICIAL_CHOOSE_IMAGE =
  'authing-wxapp-sdk calls the deprecated wx.chooseImage instead of wx.chooseMedia';

async function photoBytes(url: string): Promise<Buffer> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

/** The profile page: avatar (chooseAvatar button, album, cancel), nickname, logout. */
export const profileScenarios: Scenario[] = [
  {
    id: 'avatar-choose',
    title:
      'updateAvatar with the chooseAvatar button uploads the picked image and saves it as photo',
    differs: { official: OFFICIAL_IGNORES_PATH },
    async run({ env, sdk }) {
      await signIn(env);
      const page = await env.renderPage(PROFILE);
      const before = page.data['photo'];
      await page.chooseAvatar('#choose-avatar');
      expect(page.data['status']).toBe('done');
      expect(page.data['photo']).not.toBe(before);
      expect((await photoBytes(page.data['photo'] as string)).equals(FIXTURE_PNG)).toBe(true);
      const pickers = env.bridge.media.calls.map((c) => c.api);
      expect(pickers).toEqual(sdk === 'official' ? ['chooseImage'] : []);
    },
  },
  {
    id: 'avatar-album',
    title: 'updateAvatar from the album picks with chooseMedia, uploads, saves the photo',
    differs: { official: OFFICIAL_CHOOSE_IMAGE },
    async run({ env, sdk }) {
      await signIn(env);
      const page = await env.renderPage(PROFILE);
      await page.tap('#pick-avatar');
      expect(page.data['status']).toBe('done');
      expect((await photoBytes(page.data['photo'] as string)).equals(FIXTURE_PNG)).toBe(true);
      const call = env.bridge.media.calls[0]!;
      if (sdk === 'official') {
        expect(call).toEqual({ api: 'chooseImage', options: { count: 1 } });
      } else {
        expect(call).toEqual({ api: 'chooseMedia', options: { count: 1, mediaType: ['image'] } });
      }
    },
  },
  {
    id: 'avatar-cancel',
    title: 'cancelling the album leaves the photo alone and uploads nothing',
    async run({ env }) {
      await signIn(env);
      const page = await env.renderPage(PROFILE);
      const photo = page.data['photo'];
      const uploads = (await env.requests('/api/v2/upload')).length;
      env.bridge.media.next('cancel');
      await page.tap('#pick-avatar');
      expect(page.data['status']).toBe('error');
      expect(page.data['errorMessage']).toMatch(/:fail cancel$/);
      expect(page.data['photo']).toBe(photo);
      expect(await env.requests('/api/v2/upload')).toHaveLength(uploads);
      expect(env.bridge.ui.of('showModal')).toHaveLength(0);
    },
  },
  {
    id: 'update-profile',
    title:
      'updateProfile saves the nickname typed into <input type="nickname">; it survives a restart',
    async run({ env }) {
      await signIn(env);
      const page = await env.renderPage(PROFILE);
      await page.type('#nickname-input', '新的昵称');
      await page.tap('#save-nickname');
      expect(page.data).toMatchObject({ status: 'done', nickname: '新的昵称' });
      expect((storedLogin(env).user as { nickname: string }).nickname).toBe('新的昵称');
      await env.restart();
      const reopened = await env.renderPage(PROFILE);
      expect(reopened.data['nickname']).toBe('新的昵称');
    },
  },
  {
    id: 'logout',
    title: 'logout revokes the token server-side, clears storage and relaunches the login page',
    async run({ env }) {
      await signIn(env);
      const token = storedLogin(env).token as string;
      const page = await env.renderPage(PROFILE);
      await page.tap('#logout');
      expect(page.data).toMatchObject({ status: 'signed-out', loggedIn: false });
      expect(storedLogin(env)).toEqual({ token: '', user: '' });
      expect(env.bridge.ui.of('reLaunch')).toEqual([{ url: '/pages/login/index' }]);
      const res = await fetch(`${env.url}/graphql/v2`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-authing-app-id': env.config.appId },
        body: JSON.stringify({
          query:
            'query checkLoginStatus($token: String) { checkLoginStatus(token: $token) { code status } }',
          variables: { token },
        }),
      });
      const body = (await res.json()) as { data: { checkLoginStatus: { status: boolean } } };
      expect(body.data.checkLoginStatus.status).toBe(false);
    },
  },
];
