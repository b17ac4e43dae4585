// A valid runner envelope for tests (what the fargate backend writes to request.json), with overrides.
import type { RunnerEnvelope } from '../../src/backends/fargate/contract.js';
import { sagemakerRequest } from '../backends/sagemaker/request.js';

export const JOB = 'iris-42-1-abc123';
export const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train@sha256:' + 'a'.repeat(64);
export const GITHUB_ENV = {
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_SHA: 'c0ffee0000000000000000000000000000000001',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_WORKFLOW: 'train',
};

export function envelope(overrides: Partial<RunnerEnvelope> = {}): RunnerEnvelope {
  return {
    version: 1,
    request: sagemakerRequest({
      mode: 'fargate',
      wait: true,
      image: { kind: 'build', dockerfile: 'Dockerfile', context: '.', buildArgs: {}, platform: 'linux/amd64' },
      output: { kind: 's3', uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' },
      channels: [
        {
          name: 'training',
          source: { kind: 's3', uri: 's3://bucket/data/', bucket: 'bucket', key: 'data/' },
          inputMode: 'File',
          distribution: 'FullyReplicated',
          compression: 'None',
          recordWrapper: 'None',
        },
      ],
      metrics: [{ name: 'accuracy', regex: 'accuracy=([0-9.]+)', goal: 'maximize', threshold: 0.9 }],
      hyperparameters: { epochs: '3' },
    }),
    jobName: JOB,
    imageUri: IMAGE,
    imageTag: 'ctx-0123456789ab',
    imageBuilt: true,
    github: GITHUB_ENV,
    ...overrides,
  };
}
