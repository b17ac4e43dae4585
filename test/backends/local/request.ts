// A valid local-mode TrainingRequest for tests, with overrides.
import type { DraftRequest, JobSpec, LocalRequest } from '../../../src/request.js';
import { asRequest } from '../../helpers/typed-request.js';

/** Where a local request's job writes its output, in a folder named after the job (the test removes it). */
export const LOCAL_OUTPUT = '/tmp/smt-output';

export function localRequest(
  overrides: Partial<Omit<DraftRequest, 'job'>> & { job?: Partial<JobSpec> } = {},
): LocalRequest {
  const { job, ...rest } = overrides;
  return asRequest<LocalRequest>({
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
    output: { kind: 'local', path: LOCAL_OUTPUT },
    hyperparameters: {},
    metrics: [],
    local: { gpu: 'required', cancelGraceSeconds: 5 },
    tags: {},
    wait: true,
    ...rest,
  });
}

let counter = 0;
/** A job name unique to this test process (valid for SageMaker, Docker container and network names). */
export function uniqueJobName(label: string): string {
  counter += 1;
  return `smt-${label}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}
