/**
 * A few hundred cases of `scripts/fuzz.js`'s generator (every malformation class on every route
 * of every wire format) over real sockets: no 5xx, no dropped connection, no answer out of its
 * route's wire format. `node scripts/fuzz.js` runs 10,000.
 */
import { createMockServer } from '../../src';
import { controlApp } from '../../src/control/app';
import { CONTROL_ROUTES } from '../../src/control/routes';
import { genauthApp } from '../../src/genauth/app';
import { wechatApp } from '../../src/wechat/app';

interface FuzzReport {
  routes: number;
  totals: Record<'cases' | 'ok' | 'serverError' | 'dropped' | 'wrongFormat' | 'timeout', number>;
  byClass: Record<string, number>;
  failures: unknown[];
}
interface FuzzLib {
  runFuzz(options: object): Promise<FuzzReport>;
  allRoutes(control: readonly object[]): { format: string; method: string; path: string }[];
  isSkippedControl(route: { method: string; path: string }): boolean;
  CLASS_NAMES: string[];
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fuzz = require('../../../scripts/fuzz-lib') as FuzzLib;

const limits = { bodyLimit: 16 * 1024, uploadLimit: 64 * 1024 };
const logged: string[] = [];
const mock = createMockServer({ ...limits, log: (line) => logged.push(line) });

afterAll(() => mock.stop());

it('answers every malformed request in its wire format, never with a 5xx or a reset', async () => {
  const url = await mock.start(0);
  const report = await fuzz.runFuzz({
    url,
    seed: 'jest',
    count: 600,
    controlRoutes: CONTROL_ROUTES,
    limits,
    concurrency: 8,
  });
  expect(report.failures).toEqual([]);
  expect(report.totals).toMatchObject({ cases: 600, serverError: 0, dropped: 0, wrongFormat: 0 });
  expect(report.totals.timeout).toBe(0);
  for (const name of fuzz.CLASS_NAMES) expect(report.byClass[name]).toBeGreaterThan(0);
  // The only lines: the first 501 of each known-but-unimplemented operation the table fuzzes.
  expect(logged.filter((line) => !line.includes('is not implemented by the mock'))).toEqual([]);
}, 60_000);

it('fuzzes every route the routers register (but the skipped control routes)', () => {
  const skipped = CONTROL_ROUTES.filter((r) => fuzz.isSkippedControl(r)).map((r) => r.path);
  expect(skipped.sort()).toEqual(['/genauth/users/bulk', '/reset', '/wechat/users/bulk']);
  const fuzzed = [...fuzz.allRoutes(CONTROL_ROUTES).map((r) => r.path.toLowerCase()), ...skipped];
  const registered = new Set<string>();
  type Stack = { route?: { path: string | string[] }; handle?: { stack?: unknown } }[];
  const walk = (stack: Stack) => {
    for (const layer of stack) {
      for (const p of [layer.route?.path ?? []].flat()) registered.add(p);
      if (Array.isArray(layer.handle?.stack)) walk(layer.handle.stack as Stack);
    }
  };
  // Each wire format's router, built as the app builds it (the app mounts some lazily).
  for (const router of [
    wechatApp(mock.context),
    genauthApp(mock.context),
    controlApp(mock.context, mock.control),
  ]) {
    walk((router as unknown as { stack: Stack }).stack);
  }
  expect(registered.size).toBeGreaterThan(40);
  const concrete = [...registered].filter((p) => !p.includes('{') && !p.includes(':'));
  const missing = concrete.filter(
    (p) => p !== '/' && !fuzzed.some((f) => f === p.toLowerCase() || f.endsWith(p.toLowerCase())),
  );
  // A route listed here is not fuzzed: add it, with its wire format, to scripts/fuzz-lib/routes.js.
  expect(missing).toEqual([]);
});
