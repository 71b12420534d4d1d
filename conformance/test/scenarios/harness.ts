import type { TestEnv } from '../../src';

/** The SDKs the scenarios run against. */
export type SdkName = 'genauth' | 'official';

/** What a scenario gets: the environment (mock, phone, app) and the SDK under test. */
export interface Harness {
  env: TestEnv;
  sdk: SdkName;
}

/**
 * One user-visible flow, written once over the demo pages. Where the official SDK behaves
 * differently the scenario asserts each SDK's actual behaviour and `differs` explains why (the
 * README table is built from these).
 */
export interface Scenario {
  id: string;
  title: string;
  /** How this SDK's observable behaviour differs from the conformant one. */
  differs?: Partial<Record<SdkName, string>>;
  run(h: Harness): Promise<void>;
}

export const LOGIN = 'pages/login/index';
export const PROFILE = 'pages/profile/index';

/** The WeChat mini-program connection paths of GenAuth. */
export const WECHAT_AUTH = '/connections/social/wechat-miniprogram/auth';
export const WECHAT_AUTH_BY_PHONE = '/connections/social/wechat-miniprogram/auth-by-phone';
export const WECHAT_GETPHONE = '/connections/social/wechat-miniprogram/getphone';

/** A mainland mobile number no account of the seed uses, distinct per call. */
let phoneSeq = 0;
export function freshPhone(): string {
  phoneSeq += 1;
  return `1390000${String(1000 + phoneSeq).slice(-4)}`;
}

/** The login state the SDKs keep in wx storage (both use the official keys). */
export function storedLogin(env: TestEnv): { token: unknown; user: unknown } {
  const api = env.wx as unknown as { getStorageSync(key: string): unknown };
  return { token: api.getStorageSync('_authing_token'), user: api.getStorageSync('_authing_user') };
}

/** The latest body the mock received on `path`. */
export async function lastBody(env: TestEnv, path: string): Promise<Record<string, unknown>> {
  const list = await env.requests(path);
  const last = list[list.length - 1];
  if (!last) throw new Error(`the mock received nothing on ${path}`);
  return last.body as Record<string, unknown>;
}

/** Signs the current WeChat user in through the login page's silent login; returns the page. */
export async function signIn(env: TestEnv) {
  const page = await env.renderPage(LOGIN);
  await page.tap('#silent');
  expect(page.data['status']).toBe('done');
  expect(page.data['loggedIn']).toBe(true);
  return page;
}

/** Per-test budget: a cold start of simulate and an SDK takes seconds on a busy 2-core CI box. */
const TIMEOUT = 20_000;

/** Registers the scenarios as Jest tests for one SDK, sharing one mock for the file. */
export function runScenarios(
  sdk: SdkName,
  scenarios: Scenario[],
  create: () => Promise<TestEnv>,
): void {
  let env: TestEnv;
  beforeAll(async () => {
    env = await create();
  }, TIMEOUT);
  afterAll(() => env?.stop());
  beforeEach(() => env.reset());
  for (const s of scenarios) {
    const differs = s.differs?.[sdk];
    const name = `${s.id}: ${s.title}${differs ? ` — differs: ${differs}` : ''}`;
    test(name, () => s.run({ env, sdk }), TIMEOUT);
  }
}
