'use strict';
/**
 * The fuzzer: malformed requests (`cases.js`) for every route of every wire format
 * (`routes.js`) over real sockets, counting 5xx answers, dropped connections and answers not in
 * the route's wire format (`shapes.js`).
 */
const { generateCases, CLASS_NAMES } = require('./cases');
const { exchange } = require('./client');
const { allRoutes, isSkippedControl } = require('./routes');
const { inFormat } = require('./shapes');

/**
 * A 5xx the mock did not mean: anything but the 501 of a known-but-unimplemented operation and
 * the 503 of a console not built yet (its body is checked as the console's format).
 */
const isServerError = (c, answer) =>
  answer?.status >= 500 &&
  !(answer.status === 501 && c.route.unimplemented) &&
  !(answer.status === 503 && c.route.format === 'console');

/** How one case ended. */
function outcome(c, { answer, error, timedOut }) {
  if (c.abortAfter !== undefined) {
    // A client that hung up half-way expects no answer (Node may still write its own 400: the
    // request is not HTTP any more): only a 5xx or a reset would be the mock's doing.
    if (isServerError(c, answer)) return 'serverError';
    if (error === 'ECONNRESET') return 'dropped';
    return timedOut ? 'timeout' : 'ok';
  }
  if (error !== undefined) return 'dropped';
  if (answer) {
    if (isServerError(c, answer)) return 'serverError';
    return inFormat(c.route.format, answer, c.method) ? 'ok' : 'wrongFormat';
  }
  return timedOut ? 'timeout' : 'dropped';
}

/**
 * Runs `count` cases of `seed` against the mock at `url` (its `bodyLimit` and `uploadLimit` in
 * `limits`, its listed control routes in `controlRoutes`), `concurrency` at a time. Resolves to
 * the counts, per outcome and per class, and the first failures.
 */
async function runFuzz({
  url,
  seed,
  count,
  controlRoutes,
  limits,
  concurrency = 16,
  timeoutMs = 15_000,
}) {
  const { hostname, port } = new URL(url);
  const routes = allRoutes(controlRoutes);
  const cases = generateCases({ seed, count, routes, limits });
  const totals = { cases: 0, ok: 0, serverError: 0, dropped: 0, wrongFormat: 0, timeout: 0 };
  const byClass = Object.fromEntries(CLASS_NAMES.map((n) => [n, 0]));
  const failures = [];
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const c = cases[next++];
      const result = await exchange(hostname, Number(port), c, timeoutMs);
      const kind = outcome(c, result);
      totals.cases += 1;
      totals[kind] += 1;
      byClass[c.className] += 1;
      if (kind !== 'ok' && failures.length < 20) {
        failures.push({
          id: c.id,
          kind,
          className: c.className,
          request: `${c.method} ${c.target.slice(0, 120)}`,
          headers: c.headers,
          status: result.answer?.status,
          error: result.error,
          body: result.answer?.body?.toString('utf8').slice(0, 300),
        });
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { routes: routes.length, totals, byClass, failures };
}

module.exports = { runFuzz, allRoutes, isSkippedControl, generateCases, CLASS_NAMES };
