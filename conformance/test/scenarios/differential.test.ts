/** @jest-environment @genauth-wxapp/conformance/environment */
import { createMockServer, type MockServer } from '@genauth-wxapp/mock-server';

import { createTestEnv } from '../../src';
import { runScenarios } from './harness';
import { SCENARIOS } from '.';

// One mock for both runs; each run has its own phones and its own app launch.
const mock: MockServer = createMockServer();
afterAll(() => mock.stop());

describe('scenarios × @genauth-wxapp/sdk', () => {
  runScenarios('genauth', SCENARIOS, () => createTestEnv({ mock, sdk: 'genauth' }));
});

describe('scenarios × authing-wxapp-sdk@4.3.22-alpha.7 (differential run)', () => {
  runScenarios('official', SCENARIOS, () => createTestEnv({ mock, sdk: 'official' }));
});
