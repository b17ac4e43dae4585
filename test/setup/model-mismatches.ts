// After every test: no fake answered, and no code sent, anything AWS's API model refuses (test/helpers/aws-model.ts).
// Checked here as well as thrown by the fake, since the code under test may catch what a fake throws.
import { afterEach, expect } from 'vitest';

import { takeMismatches } from '../helpers/aws-model.js';

afterEach(() => {
  expect(takeMismatches(), 'requests or fake answers that do not fit the AWS API model').toEqual([]);
});
