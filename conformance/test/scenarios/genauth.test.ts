/** @jest-environment @genauth-wxapp/conformance/environment */
import { createTestEnv } from '../../src';
import { runScenarios } from './harness';
import { SCENARIOS } from '.';

describe('scenarios × @genauth-wxapp/sdk', () => {
  runScenarios('genauth', SCENARIOS, () => createTestEnv({ sdk: 'genauth' }));
});
