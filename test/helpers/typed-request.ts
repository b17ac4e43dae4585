// Test fixtures build requests by hand (config/ builds them in the product). The type a fixture claims is the caller's
// choice: the fixture does not run config's mode rules, so a test may hand a layer a request config would refuse.
import type { DraftRequest, TrainingRequest } from '../../src/request.js';

export function asRequest<R extends DraftRequest = TrainingRequest>(draft: DraftRequest): R {
  return draft as R;
}
