'use strict';
/**
 * `node scripts/fuzz.js` (after `npm run build`): starts the mock on 127.0.0.1, port 0, sends
 * 10,000 malformed requests (FUZZ_CASES) drawn from a seeded stream (FUZZ_SEED) to every route
 * of every wire format (WeChat, GenAuth REST and GraphQL, uploads, the control surface, the web
 * console) and prints how many got a 5xx, how many connections dropped before an answer, and how
 * many answers were not in their route's wire format. Exits 1 if any of those, a timeout or a
 * logged failure (the mock logs each error it did not expect) is not zero.
 *
 * Env: FUZZ_CASES (10000), FUZZ_SEED (fuzz), FUZZ_CONCURRENCY (16), FUZZ_BODY_LIMIT (65536),
 * FUZZ_UPLOAD_LIMIT (262144), FUZZ_DATA=1 (the mock keeps its state in a temporary `data`
 * directory, so every answer also goes through the commit that holds it).
 */
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const path = require('node:path');

const { runFuzz } = require('./fuzz-lib');

const DIST = path.join(__dirname, '../mock-server/dist/src');
const { createMockServer } = require(DIST);
const { CONTROL_ROUTES } = require(path.join(DIST, 'control/routes'));

const COUNT = Number(process.env.FUZZ_CASES ?? 10_000);
const SEED = process.env.FUZZ_SEED ?? 'fuzz';
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16);
const limits = {
  bodyLimit: Number(process.env.FUZZ_BODY_LIMIT ?? 64 * 1024),
  uploadLimit: Number(process.env.FUZZ_UPLOAD_LIMIT ?? 256 * 1024),
};

async function main() {
  const logged = [];
  const dataDir =
    process.env.FUZZ_DATA === '1' ? mkdtempSync(path.join(tmpdir(), 'genauth-fuzz-')) : undefined;
  const mock = createMockServer({
    ...limits,
    ...(dataDir && { data: dataDir }),
    log: (line) => logged.push(line),
  });
  const url = await mock.start(0);
  const started = Date.now();
  const report = await runFuzz({
    url,
    seed: SEED,
    count: COUNT,
    controlRoutes: CONTROL_ROUTES,
    limits,
    concurrency: CONCURRENCY,
  });
  await mock.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  const { totals } = report;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzz: ${totals.cases} cases over ${report.routes} routes (seed ${JSON.stringify(SEED)}, ` +
      `bodyLimit ${limits.bodyLimit}, uploadLimit ${limits.uploadLimit}` +
      `${dataDir ? ', with --data' : ''}) in ${seconds} s`,
  );
  console.log(`  5xx:          ${totals.serverError}`);
  console.log(`  dropped:      ${totals.dropped}`);
  console.log(`  wrong format: ${totals.wrongFormat}`);
  console.log(`  timeouts:     ${totals.timeout}`);
  // The mock logs every SMS / e-mail code it "sends"; a failure logs `failed` or `unhandled`.
  const failures = logged.filter((l) => /failed|unhandled/.test(l));
  console.log(`  logged:       ${failures.length} failure lines`);
  console.log(`  by class:     ${JSON.stringify(report.byClass)}`);
  for (const f of report.failures) console.log(`  ✗ ${JSON.stringify(f).slice(0, 400)}`);
  for (const line of failures.slice(0, 3))
    console.log(`  log: ${line.split('\n').slice(0, 4).join(' | ')}`);
  const bad =
    totals.serverError + totals.dropped + totals.wrongFormat + totals.timeout + failures.length;
  process.exitCode = bad === 0 ? 0 : 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
