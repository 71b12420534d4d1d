/**
 * The Jest test environment of `environment.js`: jsdom (what miniprogram-simulate renders into)
 * plus the Node globals jsdom lacks and Node's export conditions. Select it with
 * `testEnvironment: '@genauth-wxapp/conformance/environment'` or the `@jest-environment` docblock.
 */
import JSDOMEnvironment from 'jest-environment-jsdom';

declare class MiniprogramEnvironment extends JSDOMEnvironment {
  /** The class itself, under the name Jest also looks for. */
  static TestEnvironment: typeof MiniprogramEnvironment;
}

export = MiniprogramEnvironment;
