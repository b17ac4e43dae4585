// A valid local-mode TrainingRequest for tests, with overrides.
import type { JobSpec, TrainingRequest } from '../../../src/request.js';

export function localRequest(
  overrides: Partial<Omit<TrainingRequest, 'job'>> & { job?: Partial<JobSpec> } = {},
): TrainingRequest {
  const { job, ...rest } = overrides;
  return {
    mode: 'local',
    workspace: '/tmp',
    region: 'eu-west-1',
    image: { kind: 'prebuilt', uri: 'smt-test/train:latest' },
    job: {
      namePrefix: 'smt',
      instanceType: 'local',
      instanceCount: 1,
      volumeSizeGb: 30,
      maxRuntimeSeconds: 600,
      environment: {},
      capacityRetries: 0,
      ...job,
    },
    channels: [],
    output: { kind: 'local', path: '/tmp/smt-output' },
    hyperparameters: {},
    metrics: [],
    local: { gpu: 'required', cancelGraceSeconds: 5 },
    tags: {},
    wait: true,
    ...rest,
  };
}

let counter = 0;
/** A job name unique to this test process (valid for SageMaker, Docker container and network names). */
export function uniqueJobName(label: string): string {
  counter += 1;
  return `smt-${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
