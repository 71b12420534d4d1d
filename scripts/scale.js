'use strict';
/**
 * Scale check of the mock (`npm run bench:scale`, after `npm run build`): one child process per
 * size (1k and 100k WeChat + GenAuth users, made with the model's bulk functions), each running
 * the mock in-process via `createMockServer` on 127.0.0.1:0 and timing sequential requests of
 * every login path. Prints the bulk rates, RSS after GC when idle at 100k + 100k users, and the
 * median latency of each path at 1k vs 100k users with their ratio (goal ≤ 1.5×, RSS ≤ 150 MB).
 * The 1k run goes before and after the 100k one, so each ratio is to the mean of the 1k runs
 * around it and drift on a shared machine cancels out.
 *
 *   node scripts/scale.js [--users 100000] [--requests 300]
 */
const { execFileSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');

const { MB, arg, encryptPassword, linkedUserSpec, sleep, startMock } = require('./bench-lib/mock');

const GOALS = { ratio: 1.5, rssMb: 150, bulkPerSecond: 20_000 };

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * RSS of the idle process after GC: a full GC, 6 s idle, another full GC (V8 shrinks the young
 * generation the bulk load grew only once it sees a low allocation rate, over a 5 s window),
 * then the lowest RSS once it has stopped falling for 3 s (pages go back to the system lazily).
 */
async function idleRss() {
  global.gc();
  await sleep(6000);
  global.gc();
  let low = Infinity;
  let steady = 0;
  for (let i = 0; i < 20 && steady < 3; i++) {
    await sleep(1000);
    const rss = process.memoryUsage().rss;
    if (rss < low - MB / 4) {
      low = rss;
      steady = 0;
    } else steady++;
  }
  const m = process.memoryUsage();
  return { rss: Math.min(low, m.rss), heap: m.heapUsed, heapTotal: m.heapTotal };
}

/**
 * Runs in a child: builds a mock with `size` + `size` users and times each login path; with
 * `measureRss`, measures the idle RSS after GC first (some seconds of waiting), else only
 * collects the setup's garbage, so the timings of every run start on a collected heap.
 */
async function child(size, requests, measureRss) {
  const setup = await startMock();
  const { mock, url, pool, app, appid, secret, headers: hdrs } = setup;
  const { bulkCreateWechatUsers, bulkCreateGenauthUsers } = setup;
  const PASSWORD = 'Scale-pass-1';
  const warm = 50;
  const need = requests + warm;
  const out = { size };

  // WeChat users: the first half get GenAuth accounts (linked identities), the rest never did.
  let t = performance.now();
  const wx = bulkCreateWechatUsers(mock.context, appid, size);
  out.wechatBulkPerSecond = Math.round(size / ((performance.now() - t) / 1000));
  const half = Math.floor(size / 2);
  // Specs go in chunks, so they die young and the users they leave pack densely in the old space.
  const CHUNK = 5000;
  const bulk = (count, spec) => {
    const start = performance.now();
    for (let from = 0; from < count; from += CHUNK) {
      const specs = [];
      for (let i = from; i < Math.min(count, from + CHUNK); i++) specs.push(spec(i));
      bulkCreateGenauthUsers(mock.context, pool.id, specs);
    }
    return Math.round(count / ((performance.now() - start) / 1000));
  };
  out.genauthBulkPerSecond = bulk(half, (i) => linkedUserSpec(app, wx[i]));
  out.genauthPasswordBulkPerSecond = bulk(size - half, (i) => ({
    email: `scale.user${i}@example.com`,
    phone: `139${String(i).padStart(8, '0')}`,
    password: PASSWORD,
  }));
  const fresh = wx.slice(half, half + need).map((u) => u.openid);
  // jscode2session needs no GenAuth account: the linked half serves.
  const forExchange = wx.slice(0, need).map((u) => u.openid);
  wx.length = 0;
  if (measureRss && global.gc) {
    const { rss, heap, heapTotal } = await idleRss();
    out.rssMb = rss / MB;
    out.heapMb = heap / MB;
    out.heapTotalMb = heapTotal / MB;
  } else global.gc?.();

  const password = await encryptPassword(url, PASSWORD);
  const post = (path, body) =>
    fetch(`${url}${path}`, { method: 'POST', headers: hdrs, body: JSON.stringify(body) });
  const gql = (query, input) => post('/graphql/v2', { query, variables: { input } });
  const code = (openid) => mock.control.wechat.login({ appid, openid }).code;

  /** Times `count` sequential requests; the first `warm` are not counted. */
  async function time(name, makeRequest, ok) {
    const samples = [];
    for (let i = 0; i < need; i++) {
      const send = await makeRequest(i);
      const t0 = performance.now();
      const res = await send();
      const body = await res.text();
      const ms = performance.now() - t0;
      if (!ok(body)) throw new Error(`${name} #${i}: ${body.slice(0, 200)}`);
      if (i >= warm) samples.push(ms);
    }
    out[name] = median(samples);
  }

  const exchangeCodes = forExchange.map(code);
  await time(
    'jscode2session',
    (i) => () =>
      fetch(
        `${url}/sns/jscode2session?appid=${appid}&secret=${secret}&js_code=${exchangeCodes[i]}&grant_type=authorization_code`,
      ),
    (b) => b.startsWith('{"session_key"'),
  );
  const auth = (i) => {
    const c = code(fresh[i]);
    return () => post('/connections/social/wechat-miniprogram/auth', { code: c });
  };
  await time('loginByCode first', auth, (b) => b.includes('"newlyCreated":true'));
  await time('loginByCode second', auth, (b) => b.includes('"newlyCreated":false'));
  const REGISTER = `mutation r($input: RegisterByEmailInput!) { registerByEmail(input: $input) { id } }`;
  const LOGIN = `mutation l($input: LoginByEmailInput!) { loginByEmail(input: $input) { id token } }`;
  const BY_CODE = `mutation p($input: LoginByPhoneCodeInput!) { loginByPhoneCode(input: $input) { id token } }`;
  await time(
    'registerByEmail',
    (i) => () => gql(REGISTER, { email: `scale.new${i}@example.com`, password }),
    (b) => b.startsWith('{"data":{"registerByEmail":{"id"'),
  );
  await time(
    'loginByEmail',
    (i) => () =>
      gql(LOGIN, { email: `scale.user${(i * 7919) % (size - half)}@example.com`, password }),
    (b) => b.startsWith('{"data":{"loginByEmail":{"id"'),
  );
  await time(
    'loginByPhoneCode',
    async (i) => {
      const phone = `139${String((i * 7919) % (size - half)).padStart(8, '0')}`;
      await (await post('/api/v2/sms/send', { phone })).text();
      const sms = mock.store.genauth.messages.at(-1).code;
      return () => gql(BY_CODE, { phone, code: sms });
    },
    (b) => b.startsWith('{"data":{"loginByPhoneCode":{"id"'),
  );
  await mock.stop();
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function run(size, requests, rss = false) {
  const args = ['--child', String(size), '--requests', String(requests), '--rss', rss ? '1' : '0'];
  const text = execFileSync(process.execPath, ['--expose-gc', __filename, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * MB,
  });
  return JSON.parse(text.trim().split('\n').pop());
}

async function main() {
  const childSize = arg('child', 0);
  const requests = arg('requests', 300);
  if (childSize) return child(childSize, requests, arg('rss', 0) === 1);
  const users = arg('users', 100_000);
  console.log(
    `scale: 1000 vs ${users} WeChat + GenAuth users, ${requests} timed requests per path`,
  );
  const before = run(1000, requests);
  const big = run(users, requests, true);
  const after = run(1000, requests);
  const failures = [];
  const paths = [
    'jscode2session',
    'loginByCode first',
    'loginByCode second',
    'registerByEmail',
    'loginByEmail',
    'loginByPhoneCode',
  ];
  console.log(
    `\n${'path'.padEnd(22)}${'1k ms'.padStart(9)}${`${users / 1000}k ms`.padStart(10)}  ratio`,
  );
  for (const p of paths) {
    const small = (before[p] + after[p]) / 2;
    const ratio = big[p] / small;
    if (ratio > GOALS.ratio) failures.push(`${p} ${ratio.toFixed(2)}×`);
    console.log(
      `${p.padEnd(22)}${small.toFixed(3).padStart(9)}${big[p].toFixed(3).padStart(10)}  ${ratio.toFixed(2)}×`,
    );
  }
  console.log(
    `\nRSS after GC, idle, ${users} + ${users} users: ${big.rssMb.toFixed(1)} MB (heap ${big.heapMb.toFixed(1)} MB used of ${big.heapTotalMb.toFixed(1)} MB; goal ≤ ${GOALS.rssMb} MB)`,
  );
  if (big.rssMb > GOALS.rssMb) failures.push(`RSS ${big.rssMb.toFixed(1)} MB`);
  for (const [key, label] of [
    ['wechatBulkPerSecond', 'bulk WeChat users (no password)'],
    ['genauthBulkPerSecond', 'bulk GenAuth users (no password)'],
    ['genauthPasswordBulkPerSecond', 'bulk GenAuth users (shared password)'],
  ]) {
    console.log(`${label.padEnd(40)} ${big[key]} users/s`);
    if (big[key] < GOALS.bulkPerSecond) failures.push(`${label} ${big[key]}/s`);
  }
  console.log(failures.length ? `\nmissed: ${failures.join(', ')}` : '\nall goals met');
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
