// The mode rules on a request as built (config/mode-rules.ts): the checks that once ran inside the backends, with the
// same messages, now made once, before anything is built or launched.
import { describe, expect, it } from 'vitest';

import { checkMode, checkRemoteJob, modeProblems } from '../../src/config/mode-rules.js';
import { hasInstanceStorage } from '../../src/config/instance-storage.js';
import type { DraftRequest, FargateSpec } from '../../src/request.js';
import { localRequest } from '../backends/local/request.js';
import { sagemakerRequest } from '../backends/sagemaker/request.js';

const SPEC: FargateSpec = {
  cluster: 'training',
  taskDefinition: 'sagemaker-training-runner:3',
  container: 'runner',
  subnets: ['subnet-0abc'],
  securityGroups: [],
  assignPublicIp: false,
  capacity: 'FARGATE',
};

const draft = (overrides: Partial<DraftRequest>): DraftRequest => ({ ...sagemakerRequest(), ...overrides });
const messages = (d: DraftRequest): string =>
  modeProblems(d)
    .map((p) => p.message)
    .join(' ');

describe('mode rules of a request SageMaker runs', () => {
  it.each([
    [{ job: { ...sagemakerRequest().job, roleArn: undefined } }, /job.role-arn is required/],
    [{ output: { kind: 'local', path: '/tmp/out' } } as const, /output must be an s3:\/\/ URI/],
    [{ job: { ...sagemakerRequest().job, instanceType: 'local_gpu' } }, /not a SageMaker instance type/],
  ] as const)('refuses a request that cannot run on SageMaker (%j)', (overrides, message) => {
    const check = checkMode(draft(overrides));
    expect(check.ok).toBe(false);
    expect(messages(draft(overrides as Partial<DraftRequest>))).toMatch(message);
  });

  it('gives the typed request when every rule is met', () => {
    const check = checkMode(draft({}));
    expect(check.ok && check.request.mode).toBe('sagemaker');
    expect(check.ok && check.request.job.roleArn).toBe(sagemakerRequest().job.roleArn);
  });

  it('refuses a volume KMS key on an instance type with NVMe instance storage, not on an EBS one', () => {
    const job = { ...sagemakerRequest().job, volumeKmsKeyId: 'alias/training' };
    const problems = modeProblems(draft({ job: { ...job, instanceType: 'ml.g5.xlarge' } }));
    expect(problems.map((p) => p.key)).toEqual(['job.volume-kms-key']);
    expect(problems[0]?.message).toMatch(/cannot be used with ml\.g5\.xlarge: .*local NVMe/);
    expect(modeProblems(draft({ job: { ...job, instanceType: 'ml.m5.xlarge' } }))).toEqual([]);
    expect(['ml.p4d.24xlarge', 'ml.g4dn.xlarge', 'ml.c5.xlarge'].map(hasInstanceStorage)).toEqual([true, true, false]);
  });
});

describe('mode rules of fargate mode', () => {
  it('fails clearly when the fargate settings are missing or incomplete', () => {
    expect(messages(draft({ mode: 'fargate' }))).toContain(
      'fargate is required in fargate mode (cluster, task-definition, container, subnets).',
    );
    expect(
      messages(draft({ mode: 'fargate', fargate: { ...SPEC, cluster: '', taskDefinition: ' ', subnets: [] } })),
    ).toMatch(
      /fargate\.cluster is required.*fargate\.task-definition is required.*fargate\.subnets needs at least one/,
    );
    expect(
      messages(draft({ mode: 'fargate', fargate: SPEC, job: { ...sagemakerRequest().job, roleArn: undefined } })),
    ).toContain('job.role-arn is required in fargate mode');
  });

  it('the runner checks the job only: its task settings were used by the action', () => {
    const check = checkRemoteJob(draft({ mode: 'fargate' }));
    expect(check.ok).toBe(true);
    expect(checkRemoteJob(draft({ mode: 'fargate', job: { ...sagemakerRequest().job, roleArn: undefined } }))).toEqual({
      ok: false,
      problems: [
        { key: 'job.role-arn', message: 'job.role-arn is required in fargate mode (the role the job runs as).' },
      ],
    });
  });
});

describe('mode rules of local mode', () => {
  it('refuses Pipe input mode', () => {
    const request = localRequest({
      channels: [
        {
          name: 'train',
          source: { kind: 'local', path: '/data' },
          inputMode: 'Pipe',
          distribution: 'FullyReplicated',
          compression: 'None',
          recordWrapper: 'None',
        },
      ],
    });
    expect(modeProblems(request)).toEqual([
      {
        key: 'channels.train.input-mode',
        message: 'Channel train uses Pipe input mode, which local mode does not support: use File or FastFile',
      },
    ]);
    expect(checkMode(localRequest())).toMatchObject({ ok: true, request: { mode: 'local' } });
  });
});
