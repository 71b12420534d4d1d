/**
 * The Node entry (`@genauth-wxapp/sdk/node`): everything of the mini-program entry plus the
 * Node runtime (global `fetch`, in-memory storage) for scripts and tests.
 * @packageDocumentation
 */
export * from './index';
export { createMemoryStorage, createNodeRuntime, type NodeRuntimeOptions } from './runtimes/node';
export { TOKEN_KEY, USER_KEY } from './session';
