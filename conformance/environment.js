/**
 * Jest test environment for mini-program tests: jsdom (what miniprogram-simulate renders into)
 * plus the Node globals jsdom lacks (`setImmediate`, `fetch`, `TextEncoder`, `crypto`, …) and
 * Node's export conditions, so the in-process mock server and Node-only libraries run unchanged.
 *
 * Use it per file with `@jest-environment @genauth-wxapp/conformance/environment` or for a whole
 * project with `testEnvironment: '@genauth-wxapp/conformance/environment'`. (Vitest needs none of
 * this: `test: { environment: 'jsdom' }` is enough for the kit.)
 */
function loadJsdomEnvironment() {
  try {
    return require('jest-environment-jsdom');
  } catch (error) {
    if (
      error &&
      error.code === 'MODULE_NOT_FOUND' &&
      /'jest-environment-jsdom'/.test(error.message)
    ) {
      throw new Error(
        '@genauth-wxapp/conformance/environment needs the package "jest-environment-jsdom" ' +
          '(Jest 28+ no longer bundles jsdom), which is not installed: ' +
          'npm install -D jest-environment-jsdom',
        { cause: error },
      );
    }
    throw error;
  }
}

const { TestEnvironment: JsdomEnvironment } = loadJsdomEnvironment();

/** Globals that must stay jsdom's own (the DOM and its event model). */
const KEEP_JSDOM = new Set(['global', 'globalThis', 'window', 'self', 'document']);

class MiniprogramEnvironment extends JsdomEnvironment {
  constructor(config, context) {
    super(config, context);
    this.customExportConditions = ['node', 'node-addons'];
    const target = this.global;
    for (const key of Object.getOwnPropertyNames(globalThis)) {
      if (KEEP_JSDOM.has(key) || key in target) continue;
      const descriptor = Object.getOwnPropertyDescriptor(globalThis, key);
      if (descriptor) Object.defineProperty(target, key, { ...descriptor, configurable: true });
    }
    // Binary data created by Node (Buffer, TextEncoder, crypto) must pass `instanceof` checks.
    target.Buffer = Buffer;
    target.ArrayBuffer = ArrayBuffer;
    target.Uint8Array = Uint8Array;
  }
}

module.exports = MiniprogramEnvironment;
module.exports.TestEnvironment = MiniprogramEnvironment;
