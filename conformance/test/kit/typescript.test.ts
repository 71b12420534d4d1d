/** @jest-environment @genauth-wxapp/conformance/environment */
// Runs under Jest and under Vitest (`environment: 'jsdom'`): TypeScript pages with no build step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createTestEnv, type TestEnv } from '../../src';
import { loadRootFor } from '../../src/kit/ts-mirror';
import { TempMiniprograms } from '../support/temp-miniprogram';

const TS_APP = join(__dirname, '../fixtures/ts-app');
const GREET = 'pages/greet/index';
const TIMEOUT = 20_000;

let mock: MockServer;
let env: TestEnv;
const temp = new TempMiniprograms();

beforeAll(async () => {
  mock = createMockServer();
  await mock.start(0);
  env = await createTestEnv({ mock, root: TS_APP });
}, TIMEOUT);
afterAll(async () => {
  await env.stop();
  await mock.stop();
  temp.cleanup();
});
beforeEach(() => env.reset());

describe('a mini-program written in TypeScript', () => {
  test(
    'a Page() page in index.ts renders with its TS util, getApp() and config.ts',
    async () => {
      const page = await env.renderPage(GREET, { from: 'share' });
      expect(page.data).toMatchObject({
        title: 'HELLO FROM TS-APP!',
        host: mock.url,
        launches: 1,
        from: 'share',
      });
      await page.tap('#again');
      expect(page.text('#title')).toBe('HELLO FROM TS-APP!!!!');
    },
    TIMEOUT,
  );

  test(
    'a restart evaluates the compiled app, pages and utils again; a new phone does not',
    async () => {
      const loads = () => (globalThis as { formatModuleLoads?: number }).formatModuleLoads;
      await env.renderPage(GREET);
      const before = loads();
      await env.restart();
      expect((await env.renderPage(GREET)).data['launches']).toBe(1);
      expect(loads()).toBe((before ?? 0) + 1);
      await env.reset();
      await env.renderPage(GREET);
      expect(loads()).toBe((before ?? 0) + 1);
    },
    TIMEOUT,
  );

  test(
    'a page method that throws points its stack at the line in index.ts',
    async () => {
      const source = join(TS_APP, 'pages/greet/index.ts');
      const line = readFileSync(source, 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('kaboom'));
      const page = await env.renderPage(GREET);
      const error = await page.call('explode').catch((e: unknown) => e as Error);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).stack).toContain(`${source}:${line + 1}:`);
    },
    TIMEOUT,
  );

  test('the compiled mirror is reused while the sources are unchanged', () => {
    const mirror = loadRootFor(TS_APP);
    expect(mirror).toMatch(/[\\/]\.cache[\\/]genauth-wxapp-conformance[\\/][0-9a-f]{20}$/);
    expect(loadRootFor(TS_APP)).toBe(mirror);
    expect(readFileSync(join(mirror, GREET + '.js'), 'utf8')).toContain(
      'sourceMappingURL=data:application/json;base64,',
    );
    const edited = temp.create(
      { 'utils/format.ts': 'export const shout = (t: string) => t;\n' },
      TS_APP,
    );
    expect(loadRootFor(edited)).not.toBe(mirror);
  });

  test(
    'a TypeScript syntax error is one Error naming the file, line and fix',
    async () => {
      const root = temp.create(
        { 'pages/greet/index.ts': 'Page({\n  data: { a: <number> },\n});\n' },
        TS_APP,
      );
      const broken = await createTestEnv({ mock, root });
      try {
        await expect(broken.renderPage(GREET)).rejects.toThrow(
          `TypeScript syntax error in ${join(root, GREET)}.ts:2:`,
        );
        await expect(broken.launch()).rejects.toThrow(/Fix the syntax there/);
      } finally {
        await broken.stop();
      }
    },
    TIMEOUT,
  );
});
