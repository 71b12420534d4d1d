'use strict';
/**
 * Soak of the mock (`npm run bench:soak`, after `npm run build`): 60 s of mixed login traffic,
 * 20 requests in flight, over real HTTP on 127.0.0.1:0 against a mock run in-process, with the
 * mock clock moved 10 minutes every 10 s. Reports errors (goal 0), RSS after GC at 15 s and at
 * the end (goal: end ≤ 1.1 × 15 s) and what the state holds over time (codes, sessions, outbox,
 * journal), which must stay bounded. Re-runs itself with `--expose-gc` when needed.
 *
 *   node scripts/soak.js [--seconds 60] [--concurrency 20]
 */
const { spawnSync } = require('node:child_process');

const { MB, arg, encryptPassword, linkedUserSpec, sleep, startMock } = require('./bench-lib/mock');

function rssAfterGc() {
  global.gc();
  return process.memoryUsage().rss / MB;
}

async function main() {
  const seconds = arg('seconds', 60);
  const concurrency = arg('concurrency', 20);
  // The end's RSS is compared with the one at 15 s.
  if (!(seconds >= 15)) throw new Error(`--seconds must be 15 or more, not ${seconds}`);
  const setup = await startMock();
  const { mock, url, pool, app, appid, secret, headers: hdrs } = setup;
  const { bulkCreateWechatUsers, bulkCreateGenauthUsers } = setup;
  const PASSWORD = 'Soak-pass-1';
  // Few enough users that traffic has touched each (a session, a first login) well before the
  // 15 s sample, so the RSS compared at the end is the steady state's.
  const USERS = 2_000;

  // Every WeChat user already has a GenAuth account, so traffic creates no users: the state
  // it leaves (codes, sessions, outbox, journal) is what must stay bounded.
  const wx = bulkCreateWechatUsers(mock.context, appid, USERS);
  bulkCreateGenauthUsers(
    mock.context,
    pool.id,
    wx.map((u) => linkedUserSpec(app, u)),
  );
  const openids = wx.map((u) => u.openid);
  bulkCreateGenauthUsers(
    mock.context,
    pool.id,
    Array.from({ length: USERS }, (_, i) => ({
      email: `soak${i}@example.com`,
      phone: `138${String(i).padStart(8, '0')}`,
      password: PASSWORD,
    })),
  );

  const password = await encryptPassword(url, PASSWORD);
  const post = async (path, body, headers = hdrs) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
    });
    return res.json();
  };
  const gql = (query, input) => post('/graphql/v2', { query, variables: { input } });
  const wxLogin = async (openid) =>
    (
      await post(
        '/__mock/v1/wechat/login',
        { appid, openid },
        { 'content-type': 'application/json' },
      )
    ).code;

  const LOGIN = `mutation l($input: LoginByEmailInput!) { loginByEmail(input: $input) { id token } }`;
  const BY_CODE = `mutation p($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id } }`;
  let n = 0;
  const pick = () => (n = (n + 7919) % USERS);
  /** One operation of the mix; resolves to true when the mock answered as it should. */
  const ops = [
    async function jscode2session() {
      const code = await wxLogin(openids[pick()]);
      const res = await fetch(
        `${url}/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${code}&grant_type=authorization_code`,
      );
      return typeof (await res.json()).session_key === 'string';
    },
    async function loginByCode() {
      const code = await wxLogin(openids[pick()]);
      const body = await post('/connections/social/wechat-miniprogram/auth', { code });
      return body.code === 200 && body.data.newlyCreated === false;
    },
    async function loginByEmail() {
      const body = await gql(LOGIN, { email: `soak${pick()}@example.com`, password });
      return typeof body.data?.loginByEmail?.token === 'string';
    },
    async function loginByPhoneCode(worker) {
      // Each worker owns its phones, so the newest code sent to one is its own.
      const i = (phones.get(worker) ?? worker) % USERS;
      phones.set(worker, i + concurrency);
      const phone = `138${String(i).padStart(8, '0')}`;
      if ((await post('/api/v2/sms/send', { phone })).code !== 200) return false;
      const list = await (await fetch(`${url}/__mock/v1/messages?to=${phone}`)).json();
      const body = await gql(BY_CODE, { phone, code: list.messages.at(-1).code });
      return typeof body.data?.loginByPhoneCode?.id === 'string';
    },
  ];

  const phones = new Map();
  const counts = { ok: 0, errors: 0 };
  const failures = new Map();
  let active = 0;
  let gate = null;
  let stop = false;
  async function worker(w) {
    for (let k = w; !stop; k++) {
      if (gate) await gate.promise;
      if (stop) break;
      const op = ops[k % ops.length];
      active++;
      try {
        if (await op(w)) counts.ok++;
        else throw new Error('unexpected answer');
      } catch (e) {
        counts.errors++;
        const key = `${op.name}: ${String(e.message ?? e).slice(0, 160)}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      } finally {
        active--;
        if (gate && active === 0) gate.drained();
      }
    }
  }

  /** Moves the mock clock between operations (a code minted before the move is not lost). */
  async function moveClock(ms) {
    let open;
    let drained;
    const done = new Promise((r) => (drained = r));
    gate = { promise: new Promise((r) => (open = r)), drained };
    if (active > 0) await done;
    mock.clock.advance(ms);
    gate = null;
    open();
  }

  const held = () => ({
    codes: mock.store.wechat.codes.size,
    phoneCodes: mock.store.wechat.phoneCodes.size,
    sessions: mock.store.wechat.sessions.size,
    rateWindows: mock.store.wechat.loginRate.size,
    outbox: mock.store.genauth.messages.length,
    journal: mock.context.journal.size,
    journalKb: Math.round(mock.context.journal.bytes / 1024),
  });

  console.log(
    `soak: ${seconds} s, ${concurrency} in flight, clock +10 min every 10 s, ${USERS} users`,
  );
  const started = Date.now();
  const samples = [];
  const workers = Array.from({ length: concurrency }, (_, w) => worker(w));
  let rss15 = null;
  for (let t = 5; t <= seconds; t += 5) {
    await sleep(started + t * 1000 - Date.now());
    if (t % 10 === 0) await moveClock(10 * 60_000);
    const sample = { t, operations: counts.ok + counts.errors, errors: counts.errors, ...held() };
    if (t === 15) rss15 = sample.rssMb = rssAfterGc();
    samples.push(sample);
  }
  stop = true;
  await Promise.all(workers);
  const rssEnd = rssAfterGc();
  samples[samples.length - 1].rssMb = rssEnd;
  await mock.stop();

  console.table(
    samples.map((s) => ({ ...s, rssMb: s.rssMb === undefined ? '' : s.rssMb.toFixed(1) })),
  );
  const total = counts.ok + counts.errors;
  console.log(
    `${total} operations (${Math.round(total / seconds)}/s; each is 2–4 requests), ${counts.errors} errors`,
  );
  for (const [k, v] of failures) console.log(`  ${v} × ${k}`);
  const ratio = rssEnd / rss15;
  console.log(
    `RSS after GC: ${rss15.toFixed(1)} MB at 15 s, ${rssEnd.toFixed(1)} MB at the end (${ratio.toFixed(2)}×; goal ≤ 1.10×)`,
  );
  const maxCodes = Math.max(...samples.map((s) => s.codes));
  console.log(`held login codes: at most ${maxCodes}, ${held().codes} at the end`);
  const ok = counts.errors === 0 && ratio <= 1.1;
  console.log(ok ? 'all goals met' : 'missed a goal');
  process.exitCode = ok ? 0 : 1;
}

if (!global.gc) {
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
} else {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
