'use strict';
/**
 * `npm run bench` (after `npm run build`): starts an Express 5 "hello" server and the mock as child
 * processes (one mock per target), measures the mock's cold start (spawn → first answered
 * request, median of several, and its ratio to a bare Express hello's) and its RSS right after
 * that first answer, then drives hello and every target of scripts/bench/*.js with autocannon and
 * prints req/s and each target's ratio to hello (goals: each target's own `goal` ratio, cold
 * start ≤ 300 ms and ≤ 1.1 × hello's, RSS after start ≤ 60 MiB). The cold start and RSS of the mock
 * started with `--data <a new empty directory>` are reported too, without a goal.
 *
 * Env: BENCH_CONNECTIONS (50), BENCH_DURATION (10 s per run), BENCH_WARMUP (3 s),
 * BENCH_ROUNDS (3 alternating hello/target rounds), BENCH_SETTLE (1 s of unmeasured load right
 * before each measured run, which absorbs setup garbage), BENCH_COLD_RUNS (7), BENCH_ONLY (run only
 * the targets whose file or name contains this text), BENCH_COLD_ONLY (1: only the cold starts).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const autocannon = require('autocannon');

const { control } = require('./bench-lib/control');
const { cpuMs, rssBytes } = require('./bench-lib/proc');

const ROOT = path.resolve(__dirname, '..');
/** The `genauth-mock` bin as the package ships it (the bundled CLI). */
const CLI = path.join(
  ROOT,
  'mock-server',
  require('../mock-server/package.json').bin['genauth-mock'],
);
const TARGETS_DIR = path.join(__dirname, 'bench');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 7);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONLY = process.env.BENCH_ONLY;
const SETTLE = Number(process.env.BENCH_SETTLE ?? 1);
const COLD_ONLY = process.env.BENCH_COLD_ONLY === '1';
const GOAL_COLD_MS = 300;
/** Most the mock's cold start may take, as a multiple of a bare Express hello's. */
const GOAL_COLD_RATIO = 1.1;
/** Most RSS the mock may hold right after its first answer. */
const GOAL_RSS_MIB = 60;

const HELLO = `
const express = require('express');
const app = express();
app.get('/', (req, res) => { res.send('hello world'); });
const server = app.listen(Number(process.env.PORT || 0), '127.0.0.1', () => {
  console.log('listening at http://127.0.0.1:' + server.address().port);
});`;

/** Spawns a server process and resolves once it prints `listening at <url>`. */
function startServer(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0' },
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      out += d;
      const match = /listening at (http:\/\/\S+)/.exec(out);
      if (match) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${err}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** One GET; resolves to the status, or 0 when the connection is refused. */
function probe(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', () => resolve(0));
  });
}

/**
 * Milliseconds from spawning a server to its first answered request (`GET path` → 200), and the
 * server's RSS in bytes right after that answer (read from /proc, so the server needs no route
 * or flag for it; null off Linux). The port goes in the `PORT` environment variable, which both
 * the mock's CLI and the hello script read.
 */
async function coldStart(args, path) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${path}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port) },
  });
  try {
    for (;;) {
      if ((await probe(url)) === 200) {
        return { ms: performance.now() - t0, rss: rssBytes(child.pid) };
      }
      if (child.exitCode !== null) throw new Error(`${args[0]} exited with ${child.exitCode}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  } finally {
    await stop(child);
  }
}

async function resetMock(baseUrl) {
  await control(baseUrl).reset();
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Runs autocannon against `server`. `check(status, body)` (optional) counts answers that are not
 * the expected success (WeChat errors are HTTP 200, so status codes alone cannot tell). Also
 * reports the server process's CPU time per request, which other load on the machine barely
 * affects (unlike req/s).
 */
async function load(server, options, seconds, connections, check) {
  let failed = 0;
  let opts = options;
  if (check) {
    const requests = options.requests ?? [
      { method: options.method, path: options.path, headers: options.headers, body: options.body },
    ];
    opts = {
      ...options,
      requests: requests.map((r) => ({
        ...r,
        onResponse(status, body, context, headers) {
          if (!check(status, body)) failed += 1;
          if (r.onResponse) r.onResponse(status, body, context, headers);
        },
      })),
    };
  }
  const cpuBefore = cpuMs(server.child.pid);
  const result = await autocannon({ url: server.url, connections, duration: seconds, ...opts });
  const cpuAfter = cpuMs(server.child.pid);
  const served = result.requests.total;
  const cpuUs =
    cpuBefore === null || cpuAfter === null || !served
      ? null
      : ((cpuAfter - cpuBefore) * 1000) / served;
  return { result, failed, cpuUs };
}

/** The "hello" side uses the same per-request machinery (a setupRequest) as the targets. */
const helloCheck = (status, body) => status === 200 && body === 'hello world';

function helloOptions() {
  return {
    requests: [
      {
        method: 'GET',
        setupRequest(req) {
          req.path = '/';
          return req;
        },
      },
    ],
  };
}

function loadTargets() {
  return fs
    .readdirSync(TARGETS_DIR)
    .filter((f) => f.endsWith('.js'))
    .sort()
    .flatMap((f) => {
      const targets = require(path.join(TARGETS_DIR, f));
      return targets.map((t) => ({ ...t, file: f }));
    })
    .filter((t) => !ONLY || t.file.includes(ONLY) || t.name.includes(ONLY));
}

function row(name, { result, failed, cpuUs }, ratio, cpuRatio) {
  const num = (v, digits = 0) => (v === undefined || v === null ? '' : v.toFixed(digits));
  return [
    name.padEnd(44),
    num(result.requests.average).padStart(8),
    String(result.latency.p50).padStart(5),
    String(result.latency.p99).padStart(5),
    String(result.non2xx + result.errors + result.timeouts).padStart(6),
    String(failed).padStart(6),
    num(cpuUs, 1).padStart(7),
    num(ratio, 2).padStart(6),
    num(cpuRatio, 2).padStart(6),
  ].join(' ');
}

const HEADER = [
  'run'.padEnd(44),
  'req/s'.padStart(8),
  'p50'.padStart(5),
  'p99'.padStart(5),
  'non2xx'.padStart(6),
  'failed'.padStart(6),
  'cpu µs'.padStart(7),
  'ratio'.padStart(6),
  'cpu r.'.padStart(6),
].join(' ');

const MIB = 1024 * 1024;

/**
 * The cold-start lines of the report and whether their goals are met: the mock's median, its
 * ratio to the bare Express hello's median (same run, alternating), and the mock's median RSS
 * right after its first answer.
 */
function coldSummary(mockStarts, helloStarts) {
  const ms = median(mockStarts.map((s) => s.ms));
  const helloMs = median(helloStarts.map((s) => s.ms));
  const ratio = ms / helloMs;
  const rsses = mockStarts.map((s) => s.rss).filter((r) => r !== null);
  const rss = rsses.length ? median(rsses) : null;
  const helloRsses = helloStarts.map((s) => s.rss).filter((r) => r !== null);
  const mib = (bytes) => (bytes / MIB).toFixed(1);
  const met =
    ms <= GOAL_COLD_MS && ratio <= GOAL_COLD_RATIO && (rss === null || rss <= GOAL_RSS_MIB * MIB);
  const lines = [
    `cold start (spawn → first answer), median of ${COLD_RUNS}: ${Math.round(ms)} ms ` +
      `[${mockStarts.map((s) => Math.round(s.ms)).join(', ')}] (goal ≤ ${GOAL_COLD_MS} ms); ` +
      `bare Express hello: ${Math.round(helloMs)} ms ` +
      `[${helloStarts.map((s) => Math.round(s.ms)).join(', ')}]`,
    `cold start ratio mock ÷ hello: ${ratio.toFixed(2)} (goal ≤ ${GOAL_COLD_RATIO})`,
    rss === null
      ? 'RSS after start: not measured (no /proc)'
      : `RSS after start (first answer), median of ${rsses.length}: ${mib(rss)} MiB ` +
        `(goal ≤ ${GOAL_RSS_MIB} MiB); bare Express hello: ${mib(median(helloRsses))} MiB`,
  ];
  return { lines, met };
}

/** A cold start of the mock keeping its state in a new, empty directory (removed after). */
async function coldStartWithData() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'genauth-mock-bench-'));
  try {
    return await coldStart([CLI, '--data', dir], '/__mock/v1/clock');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The report line of the cold starts with `--data` (no goal), against the same hello runs. */
function dataLine(dataStarts, helloStarts) {
  const ms = median(dataStarts.map((s) => s.ms));
  const ratio = ms / median(helloStarts.map((s) => s.ms));
  const rsses = dataStarts.map((s) => s.rss).filter((r) => r !== null);
  return (
    `with --data <new dir>: cold start ${Math.round(ms)} ms ` +
    `[${dataStarts.map((s) => Math.round(s.ms)).join(', ')}], ratio to hello ${ratio.toFixed(2)}; ` +
    (rsses.length ? `RSS after start ${(median(rsses) / MIB).toFixed(1)} MiB` : 'RSS not measured')
  );
}

async function main() {
  if (!fs.existsSync(CLI)) {
    console.error(
      `${path.relative(ROOT, CLI)} is missing: run "npm run build" (npm run bench does).`,
    );
    process.exit(1);
  }
  console.log(
    `bench: node ${process.version}, autocannon -c ${CONNECTIONS} -d ${DURATION} (warm-up ${WARMUP} s)`,
  );

  // Cold starts alternate the mock and a bare Express hello (a reference for the machine's speed).
  const mockStarts = [];
  const helloStarts = [];
  const dataStarts = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    mockStarts.push(await coldStart([CLI], '/__mock/v1/clock'));
    helloStarts.push(await coldStart(['-e', HELLO], '/'));
    dataStarts.push(await coldStartWithData());
  }
  const cold = coldSummary(mockStarts, helloStarts);
  cold.lines.push(dataLine(dataStarts, helloStarts));
  if (COLD_ONLY) {
    for (const line of cold.lines) console.log(line);
    console.log(`goals: cold start → ${cold.met ? 'met' : 'NOT met'}`);
    return;
  }

  const hello = await startServer(['-e', HELLO]);
  const children = [hello.child];
  try {
    const targets = loadTargets();
    // One mock process per target, so no target runs on a heap shaped by another target's runs.
    const mocks = new Map();
    for (const target of targets) {
      const server = await startServer([CLI, '--port', '0']);
      children.push(server.child);
      mocks.set(target, server);
    }
    /** An unmeasured settle run, then the measured run, with the same options. */
    const measure = async (server, options, check) => {
      await load(server, options, SETTLE, CONNECTIONS, check);
      return load(server, options, DURATION, CONNECTIONS, check);
    };
    const runHello = () => measure(hello, helloOptions(), helloCheck);
    await load(hello, helloOptions(), WARMUP, 10, helloCheck);
    // Rounds alternate hello and the targets (H T… H T… H): each target run is compared with the
    // hello runs just before and after it, so drift on a shared machine cancels out.
    const helloRuns = [await runHello()];
    const rps = (run) => run.result.requests.average;
    // Requests per second a target may reach, for targets that pre-mint single-use state.
    const perSecond = () => Math.max(2000, 1.5 * Math.max(...helloRuns.map(rps)));
    const runs = new Map(targets.map((t) => [t, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of targets) {
        const mock = mocks.get(target);
        if (round === 0) {
          await resetMock(mock.url);
          const warm = await target.setup(mock.url, { requests: perSecond() * WARMUP });
          await load(mock, warm, WARMUP, 10, target.check);
        }
        // Each run starts from the seeded state, so state minted by earlier runs never weighs on
        // later ones (a bigger heap costs every request more garbage-collection time).
        await resetMock(mock.url);
        const budget = perSecond() * (SETTLE + DURATION);
        const options = await target.setup(mock.url, { requests: budget });
        runs.get(target).push(await measure(mock, options, target.check));
      }
      helloRuns.push(await runHello());
    }

    console.log('');
    console.log(HEADER);
    helloRuns.forEach((run, i) => console.log(row(`express hello #${i + 1}`, run)));
    let ok = helloRuns.every((run) => run.failed === 0);
    const summary = [];
    for (const target of targets) {
      const ratios = [];
      const cpuRatios = [];
      runs.get(target).forEach((run, round) => {
        const [before, after] = [helloRuns[round], helloRuns[round + 1]];
        const ratio = rps(run) / ((rps(before) + rps(after)) / 2);
        const cpuRatio =
          run.cpuUs && before.cpuUs && after.cpuUs
            ? (before.cpuUs + after.cpuUs) / 2 / run.cpuUs
            : null;
        console.log(row(`${target.name} #${round + 1}`, run, ratio, cpuRatio));
        if (run.failed > 0) ok = false;
        ratios.push(ratio);
        if (cpuRatio !== null) cpuRatios.push(cpuRatio);
      });
      const ratio = median(ratios);
      // A target may declare `goal`: the least median ratio to hello it must reach.
      const goal = typeof target.goal === 'number' ? target.goal : null;
      if (goal !== null && ratio < goal) ok = false;
      summary.push(
        `${target.name} [${target.file}]: ${Math.round(median(runs.get(target).map(rps)))} req/s, ` +
          `ratio ${ratio.toFixed(2)}` +
          (cpuRatios.length ? `, cpu ratio ${median(cpuRatios).toFixed(2)}` : '') +
          ` (medians of ${ROUNDS})` +
          (goal === null ? '' : ` — goal ≥ ${goal}: ${ratio >= goal ? 'met' : 'NOT met'}`),
      );
    }
    console.log('');
    console.log(
      `express hello: ${Math.round(median(helloRuns.map(rps)))} req/s (median of ${helloRuns.length})`,
    );
    for (const line of summary) console.log(line);
    console.log(
      'ratio = target req/s ÷ mean of the hello runs around it; cpu ratio = hello server CPU per ' +
        'request ÷ target server CPU per request (less sensitive to other load on the machine)',
    );
    for (const line of cold.lines) console.log(line);
    console.log(
      `goals: every target's ratio goal (median), no failed answers, the cold-start goals → ` +
        `${ok && cold.met ? 'met' : 'NOT met'}`,
    );
  } finally {
    await Promise.all(children.map(stop));
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
