/**
 * `--data` against `kill -9`: writers drive the CLI concurrently (WeChat logins, GenAuth
 * registrations, clock moves), the process is killed while their requests are in flight, and the
 * restarted mock holds every write that was answered.
 */
import { createFixtures, DEMO_APPID } from '@genauth-wxapp/fixtures';

import { PASSWORD_PUBLIC_KEY } from '../../src/genauth/keys';
import { encryptPassword } from '../official/mockkit';
import { call, freshDir, run, stop, useCli } from './kit';

useCli();

const fixtures = createFixtures();
const secret = fixtures.wechat.apps.find((a) => a.appid === DEMO_APPID)!.secret;
const pool = fixtures.genauth.pools[0]!;
const app = fixtures.genauth.apps.find((a) => a.poolId === pool.id)!;
const tenant = { 'x-authing-userpool-id': pool.id, 'x-authing-app-id': app.id };
const REGISTER = `mutation r($input: RegisterByEmailInput!) { registerByEmail(input: $input) { id email } }`;
const password = encryptPassword('S3cret-pass', PASSWORD_PUBLIC_KEY);

/** What the writers saw answered. */
interface Acked {
  codes: { code: string; openid: string }[];
  users: { id: string; email: string }[];
  /** The latest clock any answer reported. */
  clock: number;
  /** Called after each answered write. */
  onWrite?: () => void;
}

/** Requests sent and not answered yet. */
let inFlight = 0;

/** Runs `step` again and again until it throws (the process is gone). */
async function loop(step: (i: number) => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    inFlight++;
    try {
      await step(i);
    } catch {
      return;
    } finally {
      inFlight--;
    }
  }
}

/** Four kinds of writers (and a clock reader), two of each, until the mock at `url` dies. */
function writers(url: string, acked: Acked, tag: string): Promise<void>[] {
  const seen = (now: unknown) => {
    if (typeof now === 'number' && now > acked.clock) acked.clock = now;
  };
  const login = (i: number) =>
    call(url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID }).then(({ status, body }) => {
      if (status !== 200) throw new Error(`login ${i}: ${status}`);
      acked.codes.push(body as unknown as Acked['codes'][number]);
      acked.onWrite?.();
    });
  const register = (n: number) => (i: number) => {
    const email = `${tag}-${n}-${i}@kill.test`;
    return call(
      url,
      'POST',
      '/graphql/v2',
      { query: REGISTER, variables: { input: { email, password } } },
      tenant,
    ).then(({ body }) => {
      const user = (body['data'] as { registerByEmail?: { id: string } } | undefined)
        ?.registerByEmail;
      if (!user) throw new Error(`register ${email}: ${JSON.stringify(body)}`);
      acked.users.push({ id: user.id, email });
      acked.onWrite?.();
    });
  };
  const advance = () =>
    call(url, 'POST', '/__mock/v1/clock', { advanceMs: 10 }).then(({ body }) => seen(body['now']));
  const read = () => call(url, 'GET', '/__mock/v1/clock').then(({ body }) => seen(body['now']));
  return [login, login, register(0), register(1), advance, advance, read].map((w) => loop(w));
}

/** Resolves once `acked` holds at least `n` codes and `n` users. */
function until(acked: Acked, n: number): Promise<void> {
  return new Promise((resolve) => {
    acked.onWrite = () => {
      if (acked.codes.length < n || acked.users.length < n) return;
      acked.onWrite = undefined;
      resolve();
    };
    acked.onWrite();
  });
}

const exchange = (url: string, code: string) =>
  call(
    url,
    'GET',
    `/sns/jscode2session?appid=${DEMO_APPID}&secret=${secret}&js_code=${code}&grant_type=authorization_code`,
  );

interface StateUsers {
  genauth: { pools: { id: string; users: { id: string; email: string | null }[] }[] };
}

describe('--data and kill -9', () => {
  it('keeps every answered write across SIGKILLs in the middle of writes', async () => {
    const data = `${freshDir()}/data`;
    const acked: Acked = { codes: [], users: [], clock: 0 };
    // Two killed runs in a row: the second also starts from a restored state and a stale lock.
    for (const [round, n] of [
      ['a', 25],
      ['b', 50],
    ] as const) {
      const mock = run(['--data', data]);
      const url = await mock.url;
      const running = writers(url, acked, round);
      await until(acked, n);
      // Every writer has a request out: the kill lands in the middle of writes.
      expect(inFlight).toBe(running.length);
      mock.child.kill('SIGKILL');
      await Promise.all(running);
      expect((await mock.exited).signal).toBe('SIGKILL');
    }

    const mock = run(['--data', data]);
    const url = await mock.url;
    // The clock resumes no earlier than the last time it reported.
    const { body: clock } = await call(url, 'GET', '/__mock/v1/clock');
    expect(clock['now']).toBeGreaterThanOrEqual(acked.clock);
    // Every answered registration is there, with its id.
    const { body } = await call(url, 'GET', '/__mock/v1/state');
    const users = new Map(
      (body as unknown as StateUsers).genauth.pools
        .find((p) => p.id === pool.id)!
        .users.map((u) => [u.email, u.id]),
    );
    for (const u of acked.users) expect(users.get(u.email)).toBe(u.id);
    // Every answered code exchanges exactly once, for its user.
    for (const { code, openid } of acked.codes) {
      expect((await exchange(url, code)).body).toMatchObject({ openid });
      expect((await exchange(url, code)).body).toMatchObject({ errcode: 40163 });
    }
    // What is minted now collides with nothing restored.
    const fresh = await call(url, 'POST', '/__mock/v1/wechat/login', { appid: DEMO_APPID });
    expect(acked.codes.map((c) => c.code)).not.toContain(fresh.body['code']);
    expect(acked.codes.map((c) => c.openid)).not.toContain(fresh.body['openid']);
    await stop(mock);
  }, 60_000);
});
