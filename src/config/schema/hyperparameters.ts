// `hyperparameters:` passed to the training as strings, within SageMaker's limits.

import { readStringMap } from '../read.js';
import type { SectionContext } from './context.js';
import { LIMITS } from './limits.js';

export function readHyperparameters(ctx: SectionContext): Record<string, string> {
  return readStringMap(ctx.root, 'hyperparameters', ctx.issues, {
    example: '{ epochs: 10, eta: 0.05 }',
    maxEntries: LIMITS.hyperparameters,
    maxValueLength: LIMITS.hyperparameterValue,
    checkKey: (key) =>
      key.length <= LIMITS.hyperparameterKey
        ? undefined
        : `hyperparameter names must be at most ${LIMITS.hyperparameterKey} characters (got ${key.length})`,
  });
}
