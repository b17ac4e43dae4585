import { TrainingInstanceType } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';
import { isTrainingInstanceType, trainingInstanceTypeProblem } from '../../src/config/instance-types.js';
import { TRAINING_INSTANCE_TYPES } from '../../src/config/training-instance-types.js';

describe('TRAINING_INSTANCE_TYPES', () => {
  it('is exactly the SDK enum (regenerate with node scripts/training-instance-types.mjs)', () => {
    expect([...TRAINING_INSTANCE_TYPES]).toEqual([...new Set(Object.values(TrainingInstanceType))].sort());
  });
});

describe('trainingInstanceTypeProblem', () => {
  it.each(['ml.m5.large', 'ml.g5.xlarge', 'ml.p4d.24xlarge', 'ml.trn1.32xlarge'])('accepts %s', (type) => {
    expect(isTrainingInstanceType(type)).toBe(true);
    expect(trainingInstanceTypeProblem(type)).toBeUndefined();
  });

  it('suggests the near miss and lists the family in size order', () => {
    expect(trainingInstanceTypeProblem('ml.g5.xlrage')).toBe(
      'must be an instance type SageMaker offers for training, such as ml.m5.large or ml.g5.xlarge (got "ml.g5.xlrage") (did you mean "ml.g5.xlarge"?); the ml.g5 family offers ml.g5.xlarge, ml.g5.2xlarge, ml.g5.4xlarge, ml.g5.8xlarge, ml.g5.12xlarge, ml.g5.16xlarge, ml.g5.24xlarge, ml.g5.48xlarge',
    );
  });

  it('lists the families when the family is not offered for training', () => {
    const problem = trainingInstanceTypeProblem('ml.t2.medium');
    expect(problem).toMatch(/got "ml\.t2\.medium"\) \(did you mean "ml\.t3\.medium"\?\); families offered: ml\.c4, /);
    expect(problem).toContain('ml.g5, ');
  });

  it('says nothing it cannot back: no suggestion for a name far from every type', () => {
    expect(trainingInstanceTypeProblem('ml.zz9.enormous')).not.toMatch(/did you mean/);
  });
});
