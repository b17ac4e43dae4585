// Which ml.* instance types SageMaker offers for training, and what to say about one it does not.

import { suggest } from './suggest.js';
import { TRAINING_INSTANCE_TYPES } from './training-instance-types.js';

const OFFERED = new Set(TRAINING_INSTANCE_TYPES);

export function isTrainingInstanceType(type: string): boolean {
  return OFFERED.has(type);
}

/** `ml.g5` of `ml.g5.xlarge`. */
function familyOf(type: string): string {
  return type.split('.').slice(0, 2).join('.');
}

/** medium < large < xlarge < 2xlarge < … < 48xlarge, so a family's sizes read in order. */
function sizeRank(type: string): number {
  const size = type.split('.')[2] ?? '';
  if (size === 'medium') return 0;
  if (size === 'large') return 1;
  const multiple = /^(\d*)xlarge$/.exec(size);
  return multiple === null ? 1_000 : 1 + Number(multiple[1] === '' ? 1 : multiple[1]);
}

/**
 * Why `type` (an `ml.<family>.<size>` name) cannot be used for training, or undefined when SageMaker offers it: a
 * near miss gets "did you mean", and the message lists the family's sizes, or the families, so the fix is in sight.
 */
export function trainingInstanceTypeProblem(type: string): string | undefined {
  if (OFFERED.has(type)) return undefined;
  const match = suggest(type, TRAINING_INSTANCE_TYPES);
  const hint = match === undefined ? '' : ` (did you mean "${match}"?)`;
  const family = familyOf(type);
  const sizes = TRAINING_INSTANCE_TYPES.filter((t) => familyOf(t) === family).sort((a, b) => sizeRank(a) - sizeRank(b));
  const offered =
    sizes.length > 0
      ? `the ${family} family offers ${sizes.join(', ')}`
      : `families offered: ${[...new Set(TRAINING_INSTANCE_TYPES.map(familyOf))].join(', ')}`;
  return `must be an instance type SageMaker offers for training, such as ml.m5.large or ml.g5.xlarge (got "${type}")${hint}; ${offered}`;
}
