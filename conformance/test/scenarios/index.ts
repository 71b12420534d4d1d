import { failureScenarios } from './failures';
import type { Scenario } from './harness';
import { loginScenarios } from './login';
import { phoneScenarios } from './phone';
import { privacyScenarios } from './privacy';
import { profileScenarios } from './profile';
import { sessionScenarios } from './session';

/** Every scenario, in the order of the README table. */
export const SCENARIOS: Scenario[] = [
  ...loginScenarios,
  ...phoneScenarios,
  ...privacyScenarios,
  ...profileScenarios,
  ...sessionScenarios,
  ...failureScenarios,
];
