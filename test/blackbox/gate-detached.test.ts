// A detached run's hand-off through the runner bundle (`node dist/cli.js runner`, the Fargate task's command) against
// the AWS stand-ins (S3, SageMaker, Logs, Secrets Manager) and the GitHub stand-in, where only the App that created a
// check run may change it: the check run created by the runner's own App is completed; one created by another App
// (the workflow's GITHUB_TOKEN, 15368) is refused before anything is launched, with a message that says why. And
// dist/main.js itself refuses to hand off a check run it created with the workflow token.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { RunnerEnv, RunnerExit, type RunnerEnvelope } from '../../src/backends/fargate/contract.js';
import { cleanEnv, DIST, ensureBuilt, runAction, runNode } from '../helpers/actions-env.js';
import { startFakeGithub, WORKFLOW_APP_ID, type FakeGithub, type StoredCheckRun } from '../helpers/fake-github.js';
import { startAwsStandin, type AwsStandin } from '../runner/aws-standin.js';
import { envelope, JOB } from '../runner/envelope.js';
import { startFakeGithubApp, type FakeGithubApp } from '../runner/fake-github-app.js';

const SECRET = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-app-AbCdEf';
const SHA = 'c0ffee0000000000000000000000000000000001';
const CHECK = 'sagemaker-training';

let aws: AwsStandin;
let github: FakeGithub;
let app: FakeGithubApp;

beforeAll(async () => {
  await ensureBuilt();
  aws = await startAwsStandin();
}, 180_000);
beforeEach(async () => {
  github = await startFakeGithub();
  app = await startFakeGithubApp(github);
  aws.secrets.set(SECRET, JSON.stringify({ appId: app.appId, privateKey: app.privateKey }));
  aws.job = 'complete';
  aws.calls.length = 0;
});
afterEach(async () => {
  expect(github.problems()).toEqual([]);
  expect(app.calls.flatMap((c) => c.problems)).toEqual([]);
  await app.close();
  await github.close();
});
afterAll(() => aws.close());

function detached(check: StoredCheckRun): RunnerEnvelope {
  return envelope({
    request: { ...envelope().request, wait: false },
    report: {
      apiUrl: app.url,
      owner: 'octo',
      repo: 'repo',
      sha: SHA,
      checkRunId: check.id,
      checkRunAppId: check.app_id,
      checkName: CHECK,
      baseBranch: 'master',
      baselineDepth: 20,
      appSecret: SECRET,
      runUrl: 'https://github.com/octo/repo/actions/runs/42',
    },
  });
}

function runner(e: RunnerEnvelope) {
  return runNode([join(DIST, 'cli.js'), 'runner'], {
    timeoutMs: 60_000,
    env: {
      ...cleanEnv(),
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_REGION: 'eu-west-1',
      [RunnerEnv.RequestJson]: JSON.stringify(e),
    },
  });
}

const inProgress = (appId: number) =>
  github.addCheckRun({ head_sha: SHA, name: CHECK, status: 'in_progress', conclusion: null, app_id: appId });

describe('the runner bundle completing a detached run’s check', () => {
  it('the App that created the check run completes it after writing result.json', async () => {
    github.repository.push('master', 1);
    const check = inProgress(Number(app.appId));
    const run = await runner(detached(check));
    expect(run.code, run.stdout + run.stderr).toBe(RunnerExit.Completed);
    expect(aws.ops()).toContain('SageMaker.CreateTrainingJob');
    expect(aws.objects.has(`bucket/out/${JOB}/result.json`)).toBe(true);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(check.updates.at(-1)).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(github.requests.filter((r) => r.method === 'PATCH').map((r) => r.identity?.appId)).toEqual([
      Number(app.appId),
    ]);
    expect(run.stdout).not.toContain(app.token);
  }, 60_000);

  it('a secondary rate limit (Retry-After: 2) on the final completion is waited out, then the result posted', async () => {
    github.repository.push('master', 1);
    const check = inProgress(Number(app.appId));
    github.rateLimits.push({
      match: /^PATCH \/repos\/octo\/repo\/check-runs\/\d+$/,
      kind: 'secondary',
      retryAfter: 2,
      times: 1,
    });
    const run = await runner(detached(check));
    expect(run.code, run.stdout + run.stderr).toBe(RunnerExit.Completed);
    const patches = github.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([403, 200]);
    expect((patches[1]?.at ?? 0) - (patches[0]?.at ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(github.earlyRetries).toEqual([]);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
  }, 60_000);

  it('a check run created by another App (the workflow token) is refused before launch, with the reason', async () => {
    const check = inProgress(WORKFLOW_APP_ID);
    const run = await runner(detached(check));
    expect(run.code).toBe(RunnerExit.BadRequest);
    expect(run.stdout).toContain(
      `check run ${check.id} was created by GitHub App ${WORKFLOW_APP_ID}, but ${SECRET} holds App ${app.appId}: ` +
        'only the App that created a check run may complete it',
    );
    expect(run.stdout).toContain('Nothing was launched.');
    expect(aws.ops()).not.toContain('SageMaker.CreateTrainingJob');
    expect(check).toMatchObject({ status: 'in_progress', conclusion: null });
  }, 60_000);
});

const FARGATE = `mode: fargate
region: eu-west-1
wait: false
output: s3://bucket/models/
job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge }
image: { uri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:abc }
channels: { training: s3://bucket/data/ }
metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]
fargate:
  cluster: ml-ci
  task-definition: sagemaker-training-runner
  container: runner
  subnets: [subnet-0abc1234]
  security-groups: [sg-0abc1234]
  github-app-secret: ${SECRET}
`;

describe('dist/main.js handing off a detached run', () => {
  it('refuses, before launching, a check run created with the workflow token (the runner’s App could not complete it)', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-detached-'));
    try {
      await mkdir(join(ws, '.github'));
      await writeFile(join(ws, '.github', 'sagemaker-training.yml'), FARGATE);
      const run = await runAction('main', {
        workspace: ws,
        env: {
          AWS_ENDPOINT_URL: aws.endpoint,
          AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
          AWS_SECRET_ACCESS_KEY: 'not-a-secret',
          GITHUB_API_URL: github.url,
          GITHUB_SHA: SHA,
        },
      });
      expect(run.code).not.toBe(0);
      expect(run.stdout).toContain(
        '::error::wait: false: the check run was created with the workflow token (the github-actions app)',
      );
      expect(run.stdout).toContain('actions/create-github-app-token');
      expect(aws.calls).toEqual([]); // nothing launched: no ECS, S3 or SageMaker call
      expect(github.checkRuns).toMatchObject([{ app_id: WORKFLOW_APP_ID, head_sha: SHA }]);
      expect(github.checkRuns[0]?.status).not.toBe('in_progress');
    } finally {
      await rm(ws, { recursive: true, force: true });
    }
  }, 60_000);
});
