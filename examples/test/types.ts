/**
 * Type-checked only (`npm run typecheck`): the packages' public types resolve in a user's repo with
 * nothing but the packages themselves installed, under `skipLibCheck: false`.
 */
import type { TestEnv, TestEnvOptions } from '@genauth-wxapp/conformance';
import type { ControlClient, MockDemo, MockServer } from '@genauth-wxapp/mock-server';
import type { ControlClientOptions } from '@genauth-wxapp/mock-server/client';
import type { AuthenticationClient, User } from '@genauth-wxapp/sdk';

export interface Used {
  env: TestEnv;
  envOptions: TestEnvOptions;
  mock: MockServer;
  control: ControlClient;
  controlOptions: ControlClientOptions;
  demo: MockDemo;
  client: AuthenticationClient;
  user: User;
}
