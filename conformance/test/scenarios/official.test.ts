/** @jest-environment @genauth-wxapp/conformance/environment */
import { createTestEnv } from '../../src';
import { runScenarios } from './harness';
import { SCENARIOS } from '.';

describe('scenarios × authing-wxapp-sdk@4.3.22-alpha.7 (differential run)', () => {
  runScenarios('official', SCENARIOS, () => createTestEnv({ sdk: 'official' }));
});
