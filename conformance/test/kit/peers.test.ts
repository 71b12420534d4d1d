/** @jest-environment @genauth-wxapp/conformance/environment */
// Missing packages fail with one Error naming the package and the install command (Jest only:
// it fakes the missing package with jest.doMock).
import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createTestEnv } from '../../src';
import { requirePeer } from '../../src/kit/peers';

const TIMEOUT = 20_000;

/** What Node and Jest throw for a package that is not installed. */
function notFound(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}' from 'somewhere.js'`), {
    code: 'MODULE_NOT_FOUND',
  });
}

let mock: MockServer;
beforeAll(async () => {
  mock = createMockServer();
  await mock.start(0);
}, TIMEOUT);
afterAll(() => mock.stop());

test('requirePeer names the package, what needs it and the install command', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const load = () => requirePeer('no-such-package', 'Loading X', () => require('no-such-package'));
  expect(load).toThrow(
    'Loading X needs the package "no-such-package", which is not installed: npm install -D no-such-package',
  );
  const other = () =>
    requirePeer('esbuild', 'Loading X', () => {
      throw notFound('something-else');
    });
  expect(other).toThrow("Cannot find module 'something-else'");
});

test.each(['authing-wxapp-sdk', 'wx-axios'])(
  "sdk: 'official' without %s installed says how to install the official SDK",
  async (missing) => {
    jest.doMock(missing, () => {
      throw notFound(missing);
    });
    const env = await createTestEnv({ mock, sdk: 'official' });
    try {
      await expect(env.launch()).rejects.toThrow(
        `createTestEnv({ sdk: 'official' }) needs the package "authing-wxapp-sdk", which is not ` +
          'installed: npm install -D authing-wxapp-sdk@4.3.22-alpha.7',
      );
    } finally {
      jest.dontMock(missing);
      await env.stop();
    }
  },
  TIMEOUT,
);

test('the Jest environment without jest-environment-jsdom says how to install it', () => {
  jest.isolateModules(() => {
    jest.doMock('jest-environment-jsdom', () => {
      throw notFound('jest-environment-jsdom');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(() => require('../../environment.js')).toThrow(
      '@genauth-wxapp/conformance/environment needs the package "jest-environment-jsdom" (Jest ' +
        '28+ no longer bundles jsdom), which is not installed: npm install -D jest-environment-jsdom',
    );
  });
});
