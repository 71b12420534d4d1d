export { createMockServer, type MockServer } from './server';
export type { MockServerOptions, SessionKeyPolicy } from './options';
export { MockClock, systemClock, fixedClock, type Clock } from './clock';
export type { Context } from './context';
export * from './wechat';
