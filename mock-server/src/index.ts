export { createMockServer, type MockServer } from './server';
export type { MockServerOptions, SessionKeyPolicy } from './options';
export type { TlsOptions } from './tls/options';
export type { MockCertificate } from './tls/material';
export { MockClock, systemClock, fixedClock, type Clock } from './clock';
export { ManualTimers, realTimers, type Timers } from './timers';
export type { Context } from './context';
export * from './wechat';
/** The control API: `mock.control` in process, {@link createControlClient} over HTTP. */
export { ControlError } from './control/error';
export { CONTROL_ROUTES } from './control/routes';
export type * from './control/types';
export { createControlClient, type ControlClientOptions } from './client';
