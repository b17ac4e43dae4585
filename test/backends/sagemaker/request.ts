// A valid sagemaker-mode TrainingRequest for tests, with overrides.
import type { JobSpec, TrainingRequest } from '../../../src/request.js';

export function sagemakerRequest(
  overrides: Partial<Omit<TrainingRequest, 'job'>> & { job?: Partial<JobSpec> } = {},
): TrainingRequest {
  const { job, ...rest } = overrides;
  return {
    mode: 'sagemaker',
    workspace: '/tmp',
    region: 'eu-west-1',
    image: { kind: 'prebuilt', uri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:abc' },
    job: {
      namePrefix: 'smt',
      roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      volumeSizeGb: 30,
      maxRuntimeSeconds: 3600,
      environment: {},
      capacityRetries: 0,
      ...job,
    },
    channels: [],
    output: { kind: 's3', uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' },
    hyperparameters: {},
    metrics: [],
    local: { gpu: 'required', cancelGraceSeconds: 5 },
    tags: {},
    wait: true,
    ...rest,
  };
}
