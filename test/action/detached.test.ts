// wait: false, the pure part: what the runner is handed, and what the main step reports when the runner cannot report
// (the configuration refuses wait: false without fargate.github-app-secret, so the step never gets there with a
// configuration file: test/action/fargate-steps.test.ts; the main step still checks).
import { describe, expect, it } from 'vitest';

import {
  WORKFLOW_TOKEN_CHECK,
  detachedReport,
  detachedSummary,
  handedOffCheckOutput,
} from '../../src/action/detached.js';
import type { GithubContext } from '../../src/github/context.js';
import type { TrainingResult } from '../../src/result.js';
import { sagemakerRequest } from '../backends/sagemaker/request.js';

const JOB = 'iris-77-1-abcdef';
const TASK_ARN = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef0123456789abcdef';
const RESULT_URI = `s3://bucket/out/${JOB}/result.json`;
const CONTEXT: GithubContext = {
  owner: 'octo',
  repo: 'repo',
  eventName: 'push',
  sha: 'e'.repeat(40),
  baseBranch: 'main',
  apiUrl: 'https://api.github.com',
  serverUrl: 'https://github.com',
  runUrl: 'https://github.com/octo/repo/actions/runs/77',
};
const GATE = {
  gate: { checkName: 'sagemaker-training', comment: false, baselineDepth: 20, pullRequestTarget: 'refuse' as const },
};

function request(githubAppSecret?: string) {
  return sagemakerRequest({
    mode: 'fargate',
    wait: false,
    fargate: {
      cluster: 'ml-ci',
      taskDefinition: 'sagemaker-training-runner',
      container: 'runner',
      subnets: ['subnet-0abc1234'],
      securityGroups: [],
      assignPublicIp: false,
      capacity: 'FARGATE',
      ...(githubAppSecret ? { githubAppSecret } : {}),
    },
  });
}

const RESULT: TrainingResult = {
  mode: 'fargate',
  jobName: JOB,
  status: 'InProgress',
  metrics: {},
  metricSeries: {},
  imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:abc',
  instanceType: 'ml.m5.xlarge',
  instanceCount: 1,
  startedAt: '2026-03-01T12:00:00.000Z',
  endedAt: '2026-03-01T12:01:00.000Z',
  durationSeconds: 60,
  taskArn: TASK_ARN,
  logTail: [],
  links: [],
  detached: { resultUri: RESULT_URI },
};

describe('detachedReport', () => {
  it('hands the runner the check run and the GitHub App secret to complete it with', () => {
    const handOff = detachedReport({
      request: request('sagemaker-train/github-app'),
      context: CONTEXT,
      checkRunId: 1000,
      inputs: GATE,
      annotationPath: '.github/sagemaker-training.yml',
    });
    expect(handOff).toEqual({
      report: {
        apiUrl: 'https://api.github.com',
        owner: 'octo',
        repo: 'repo',
        sha: 'e'.repeat(40),
        checkRunId: 1000,
        checkName: 'sagemaker-training',
        baseBranch: 'main',
        baselineDepth: 20,
        appSecret: 'sagemaker-train/github-app',
        annotationPath: '.github/sagemaker-training.yml',
        runUrl: 'https://github.com/octo/repo/actions/runs/77',
      },
    });
  });

  it('says why there is no report: no secret, or no check run', () => {
    const base = { context: CONTEXT, inputs: GATE, annotationPath: undefined };
    expect(detachedReport({ ...base, request: request(), checkRunId: 1000 })).toEqual({
      missing: 'fargate.github-app-secret is not set, so the runner cannot authenticate to GitHub',
    });
    expect(detachedReport({ ...base, request: request('s'), checkRunId: undefined })).toEqual({
      missing: 'no check run was created',
    });
  });

  it('refuses a check run created with the workflow token (the runner’s App could never complete it)', () => {
    const base = { context: CONTEXT, inputs: GATE, annotationPath: undefined, request: request('s'), checkRunId: 1 };
    expect(detachedReport({ ...base, checkRunAppId: 15368 })).toEqual({ refuse: WORKFLOW_TOKEN_CHECK });
    expect(WORKFLOW_TOKEN_CHECK).toMatch(/pass the App’s installation token as github-token/);
    const handOff = detachedReport({ ...base, checkRunAppId: 424242 });
    expect('report' in handOff && handOff.report.checkRunAppId).toBe(424242);
  });
});

describe('what a handed-off run reports', () => {
  it('without a check run to report to: a summary that says where the result will be', () => {
    const summary = detachedSummary(RESULT, 'none');
    expect(summary).toContain(RESULT_URI);
    expect(summary).toContain(TASK_ARN);
    expect(summary).toContain('Training continues on AWS');
    expect(summary).toContain('No check run will report the end');
  });

  it('with the runner reporting: the check run stays in progress and names the task and the result', () => {
    const output = handedOffCheckOutput(RESULT);
    expect(output.title).toBe('Training on AWS: the runner reports the result');
    expect(output.summary).toContain(TASK_ARN);
    expect(detachedSummary({ ...RESULT, detached: { resultUri: RESULT_URI, checkRunId: 1000 } }, 'runner')).toContain(
      'The runner completes check run 1000',
    );
  });
});
