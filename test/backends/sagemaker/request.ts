// A valid sagemaker-mode TrainingRequest for tests, with overrides.
import type { DraftRequest, JobSpec, SageMakerRequest } from '../../../src/request.js';
import { asRequest } from '../../helpers/typed-request.js';

export function sagemakerRequest(
  overrides: Partial<Omit<DraftRequest, 'job'>> & { job?: Partial<JobSpec> } = {},
): SageMakerRequest {
  const { job, ...rest } = overrides;
  return asRequest<SageMakerRequest>({
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
  });
}
