/** @jest-environment @genauth-wxapp/conformance/environment */
// Bad input fails with one Error naming the file and the fix (under Jest and under Vitest).
import { join } from 'node:path';

import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createTestEnv, type TestEnv } from '../../src';
import { MINIMAL_APP, TempMiniprograms } from '../support/temp-miniprogram';

const HOME = 'pages/home/index';
const TIMEOUT = 20_000;

let mock: MockServer;
const temp = new TempMiniprograms();

beforeAll(async () => {
  mock = createMockServer();
  await mock.start(0);
}, TIMEOUT);
afterAll(async () => {
  await mock.stop();
  temp.cleanup();
});
/** Runs `use` on an env over a temporary mini-program made of MINIMAL_APP plus `files`. */
async function withApp(files: Record<string, string>, use: (env: TestEnv) => Promise<void>) {
  const env = await createTestEnv({ mock, root: temp.create({ ...MINIMAL_APP, ...files }) });
  try {
    await use(env);
  } finally {
    await env.stop();
  }
}

describe('a wrong root', () => {
  test('a folder that does not exist', async () => {
    const root = join(temp.create({}), 'nope');
    await expect(createTestEnv({ mock, root })).rejects.toThrow(
      `createTestEnv: root ${root} does not exist; pass the mini-program folder`,
    );
  });

  test('a folder without app.json', async () => {
    const root = temp.create({ 'app.js': 'App({});' });
    await expect(createTestEnv({ mock, root })).rejects.toThrow(
      `createTestEnv: no app.json in ${root}; root must be the mini-program root`,
    );
  });

  test('the project folder: the error names its miniprogramRoot', async () => {
    const root = temp.create({
      'project.config.json': '{ "miniprogramRoot": "miniprogram/" }',
      'miniprogram/app.json': '{}',
    });
    await expect(createTestEnv({ mock, root })).rejects.toThrow(
      `project.config.json says miniprogramRoot: pass ${join(root, 'miniprogram')}`,
    );
  });

  test('a root without app.js or app.ts', async () => {
    const root = temp.create({ 'app.json': '{}' });
    await expect(createTestEnv({ mock, root })).rejects.toThrow(
      `createTestEnv: ${root} has no app.js or app.ts`,
    );
  });
});

describe('a page that does not load', () => {
  test(
    'a page that throws on load names its file',
    async () => {
      await withApp(
        { [`${HOME}.js`]: 'const broken = missingThing.value;\nPage({});\n' },
        async (env) => {
          const error = await env.renderPage(HOME).catch((e: unknown) => e as Error);
          expect(error).toBeInstanceOf(Error);
          const { message } = error as Error;
          expect(message).toContain(`${HOME}: ${env.root}/${HOME}.js threw while loading: `);
          expect(message).toContain('missingThing');
          expect(message).toContain('Fix its top-level code');
        },
      );
    },
    TIMEOUT,
  );

  test(
    'a TypeScript page that throws on load names the .ts file',
    async () => {
      const files = {
        [`${HOME}.js`]: '',
        [`${HOME}.ts`]: "const n: number = 1;\nif (n) throw new Error('no config');\nPage({});\n",
      };
      await withApp(files, async (env) => {
        await expect(env.renderPage(HOME)).rejects.toThrow(
          `${HOME}: ${env.root}/${HOME}.ts threw while loading: no config`,
        );
      });
    },
    TIMEOUT,
  );

  test(
    'a page script that never calls Page() or Component()',
    async () => {
      await withApp({ [`${HOME}.js`]: 'module.exports = {};\n' }, async (env) => {
        await expect(env.renderPage(HOME)).rejects.toThrow(
          `${HOME}: ${env.root}/${HOME}.js did not register a page; call Page({...})`,
        );
      });
    },
    TIMEOUT,
  );

  test(
    'a page without its .json, and a route with no script',
    async () => {
      await withApp({ 'pages/other/index.wxml': '<view/>' }, async (env) => {
        await expect(env.renderPage('pages/other/index')).rejects.toThrow(
          `pages/other/index: ${env.root}/pages/other/index.json is missing`,
        );
      });
      await withApp({ 'pages/other/index.json': '{}' }, async (env) => {
        await expect(env.renderPage('pages/other/index')).rejects.toThrow(
          `pages/other/index: neither ${env.root}/pages/other/index.js nor`,
        );
      });
    },
    TIMEOUT,
  );

  test(
    'app.js that throws, and app.js that never calls App()',
    async () => {
      await withApp({ 'app.js': "throw new Error('app bug');\n" }, async (env) => {
        await expect(env.launch()).rejects.toThrow(
          `${env.root}/app.js threw while loading: app bug`,
        );
      });
      await withApp({ 'app.js': '// nothing\n' }, async (env) => {
        await expect(env.launch()).rejects.toThrow(`${env.root}/app.js did not call App({...})`);
      });
    },
    TIMEOUT,
  );

  test(
    'a config.ts with named exports: the kit cannot point it at the mock',
    async () => {
      await withApp(
        { 'config.ts': "export const host = 'https://example.com';\n" },
        async (env) => {
          await expect(env.launch()).rejects.toThrow(
            `${env.root}/config.ts: the kit overwrites values in its exports`,
          );
        },
      );
    },
    TIMEOUT,
  );
});
