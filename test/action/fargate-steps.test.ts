// The main and post steps in fargate mode: the configuration file as a user writes it, the real FargateBackend on
// aws-sdk-client-mock, the local GitHub stand-in (real Octokit).
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { runMainStep, type MainStepDeps } from '../../src/action/main-step.js';
import { runPostStep } from '../../src/action/post-step.js';
import { FargateBackend } from '../../src/backends/fargate/index.js';
import { createGithub } from '../../src/github/client.js';
import type { RunnerEnvelope } from '../../src/backends/fargate/contract.js';
import {
  CLUSTER,
  FakeClock,
  fargateClients,
  type FargateScenario,
  installFargate,
  resetFargateMocks,
  TASK_ARN,
} from '../backends/fargate/fake-ecs.js';
import { appToken, startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';
import { FakeCore } from './fake-core.js';
import { readRunIdentity } from '../../src/run-identity.js';

const HEAD = 'e'.repeat(40);
const JOB = 'iris-77-1-abcdef';

let fake: FakeGithub;
beforeAll(async () => {
  fake = await startFakeGithub();
  // The action runs with the GitHub App's installation token (actions/create-github-app-token): the runner completes
  // the check run as that App, and only the App that created a check run may.
  fake.tokens.set('ghs_app_unit', appToken(424242, 'ml-gate'));
});
afterAll(() => fake.close());
afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.requests.length = 0;
  fake.checkRuns.length = 0;
  resetFargateMocks();
});

/** .github/sagemaker-training.yml in fargate mode; `wait: false` hands off, with the GitHub App's secret or without. */
function config(o: { wait?: boolean; githubAppSecret?: boolean } = {}): string {
  return `mode: fargate
region: eu-west-1
image:
  uri: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:abc
job:
  name: ${JOB}
  role-arn: arn:aws:iam::123456789012:role/SageMakerTraining
  instance-type: ml.m5.xlarge
output: s3://bucket/out/
fargate:
  cluster: ${CLUSTER}
  task-definition: sagemaker-training-runner
  container: runner
  subnets: [subnet-0abc1234]
  security-groups: [sg-0abc1234]
  capacity: FARGATE
${o.githubAppSecret === false ? '' : '  github-app-secret: sagemaker-train/github-app\n'}${o.wait === false ? 'wait: false\n' : ''}`;
}

const RUNNING: FargateScenario['states'] = [
  { at: 0, lastStatus: 'PROVISIONING' },
  { at: 45, lastStatus: 'RUNNING', containers: [{ lastStatus: 'RUNNING', runtimeId: 'r1' }] },
];

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function mainStep(yaml: string, scenario: FargateScenario) {
  const ws = await mkdtemp(join(tmpdir(), 'smt-fargate-steps-'));
  tempDirs.push(ws);
  await mkdir(join(ws, '.github'));
  await writeFile(join(ws, '.github', 'sagemaker-training.yml'), yaml);
  const clock = new FakeClock();
  const recorded = installFargate(clock, scenario);
  const core = new FakeCore({ 'github-token': 'ghs_app_unit', config: '.github/sagemaker-training.yml' });
  const env = {
    GITHUB_WORKSPACE: ws,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_EVENT_NAME: 'push',
    GITHUB_SHA: HEAD,
    GITHUB_API_URL: fake.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
  };
  const deps: MainStepDeps = {
    core,
    env,
    cwd: '/nowhere',
    createDocker: () => Promise.resolve({} as Dockerode),
    signals: new EventEmitter(),
    readEvent: () => Promise.resolve({ repository: { default_branch: 'main' } }),
    createGithub: (o) => createGithub({ ...o, retries: 0 }),
    pipeline: {
      backendFor: () =>
        new FargateBackend({
          ...fargateClients(),
          sleep: clock.sleep,
          now: clock.now,
          random: () => 0.5,
          identity: readRunIdentity(env),
        }),
      now: clock.now,
      random: () => 0,
    },
  };
  await runMainStep(deps);
  return { core, recorded, env };
}

function envelopeOf(puts: { Key?: string; Body?: unknown }[]): RunnerEnvelope {
  const put = puts.find((p) => p.Key?.endsWith('/request.json'));
  return JSON.parse(put?.Body as string) as RunnerEnvelope;
}

describe('main step, fargate mode, wait: false', () => {
  it('hands the check run to the runner: in progress, outputs, summary, and a post step that leaves it alone', async () => {
    const { core, recorded, env } = await mainStep(config({ wait: false }), { states: RUNNING });

    expect(core.failed).toBeUndefined();
    const checkRun = fake.checkRuns[0];
    expect(checkRun).toBeDefined();
    expect(checkRun?.head_sha).toBe(HEAD);
    expect(checkRun?.status).toBe('in_progress');
    expect(checkRun?.conclusion).toBeNull();
    expect(checkRun?.output.title).toBe('Training on AWS: the runner reports the result');
    expect(checkRun?.output.summary).toContain(TASK_ARN);
    expect(checkRun?.output.summary).toContain(`s3://bucket/out/${JOB}/result.json`);

    // The request the runner gets is the configuration file's.
    expect(envelopeOf(recorded.puts).request).toMatchObject({
      mode: 'fargate',
      wait: false,
      region: 'eu-west-1',
      job: { name: JOB, instanceType: 'ml.m5.xlarge' },
      fargate: {
        cluster: CLUSTER,
        taskDefinition: 'sagemaker-training-runner',
        container: 'runner',
        subnets: ['subnet-0abc1234'],
        securityGroups: ['sg-0abc1234'],
        assignPublicIp: false,
        capacity: 'FARGATE',
        githubAppSecret: 'sagemaker-train/github-app',
      },
    });
    // What the runner needs to complete it, in request.json.
    expect(envelopeOf(recorded.puts).report).toEqual({
      apiUrl: fake.url,
      owner: 'octo',
      repo: 'repo',
      sha: HEAD,
      checkRunId: checkRun?.id,
      // The App that created the check run: the runner refuses to start when its own App differs.
      checkRunAppId: 424242,
      checkName: 'sagemaker-training',
      baseBranch: 'main',
      baselineDepth: 20,
      appSecret: 'sagemaker-train/github-app',
      annotationPath: '.github/sagemaker-training.yml',
      runUrl: 'https://github.com/octo/repo/actions/runs/77',
    });

    expect(core.outputs).toMatchObject({
      'job-name': JOB,
      status: 'InProgress',
      'task-arn': TASK_ARN,
      'result-uri': `s3://bucket/out/${JOB}/result.json`,
      'check-run-id': String(checkRun?.id),
      gate: '',
      conclusion: '',
    });
    expect(core.summaries).toHaveLength(1);
    expect(core.summaries[0]).toContain('Training continues on AWS');
    expect(core.summaries[0]).toContain(`The runner completes check run ${checkRun?.id}`);
    expect(core.saved).toMatchObject({
      'task-arn': TASK_ARN,
      'fargate-cluster': CLUSTER,
      finished: 'true',
      'check-run-done': 'true',
    });
    // No baseline lookup and no completion: the runner does both.
    expect(fake.requests.filter((r) => r.method === 'GET')).toEqual([]);
    expect(checkRun?.updates.every((u) => u.status === 'in_progress')).toBe(true);

    // The post step with what the main step saved: nothing to stop, nothing to complete.
    const post = new FakeCore({ 'github-token': 'ghs_unit' }, core.saved);
    let stopped = false;
    await runPostStep({ core: post, env, stopTask: () => ((stopped = true), Promise.resolve(true)) });
    expect(stopped).toBe(false);
    expect(fake.checkRuns[0]?.status).toBe('in_progress');
    expect(post.failed).toBeUndefined();
  });

  it('refuses wait: false without fargate.github-app-secret before anything is launched (the runner could not report)', async () => {
    const { core, recorded } = await mainStep(config({ wait: false, githubAppSecret: false }), { states: RUNNING });
    // The configuration names the line and the setting; the check run fails with it. Nothing written, nothing started.
    expect(core.failed).toMatch(
      /^Invalid configuration \(1 problem\):\n- wait \(line 17\): may be false only with fargate\.github-app-secret/,
    );
    expect(recorded.puts).toEqual([]);
    expect(recorded.runTasks).toEqual([]);
    expect(fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.checkRuns[0]?.output.summary).toContain('may be false only with fargate.github-app-secret');
    // The annotation sits on the offending line of the configuration file.
    expect(fake.checkRuns[0]?.output.annotations).toEqual([
      expect.objectContaining({ start_line: 17, end_line: 17, title: 'Invalid configuration: wait' }),
    ]);
    expect(core.outputs.status).toBeUndefined();
  });
});

describe('main step, fargate mode, wait: true', () => {
  it('reports a runner crash like any failed run, with the task ARN', async () => {
    const { core } = await mainStep(config(), {
      states: [
        ...RUNNING,
        {
          at: 200,
          lastStatus: 'STOPPED',
          stopCode: 'EssentialContainerExited',
          containers: [{ lastStatus: 'STOPPED', exitCode: 137, runtimeId: 'r1' }],
        },
      ],
      logs: [{ at: 50, lines: ['runner: out of memory'] }],
    });
    expect(core.failed).toMatch(new RegExp(`^Training job ${JOB} failed: The runner crashed: exit code 137`));
    expect(core.outputs).toMatchObject({ status: 'Failed', 'task-arn': TASK_ARN, 'result-uri': '' });
    expect(fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(core.log).toContain('runner | runner: out of memory');
  });

  it('reports the runner’s result: outputs and a completed check run', async () => {
    const { core } = await mainStep(config(), {
      states: [
        ...RUNNING,
        {
          at: 200,
          lastStatus: 'STOPPED',
          stopCode: 'EssentialContainerExited',
          containers: [{ lastStatus: 'STOPPED', exitCode: 0, runtimeId: 'r1' }],
        },
      ],
      result: { at: 190, body: { jobName: JOB, metrics: { accuracy: 0.93 } } },
    });
    expect(core.failed).toBeUndefined();
    expect(core.outputs).toMatchObject({ status: 'Completed', metrics: '{"accuracy":0.93}', 'task-arn': TASK_ARN });
    expect(fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
  });
});
