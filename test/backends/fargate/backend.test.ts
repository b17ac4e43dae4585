import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DescribeTaskDefinitionCommand, RunTaskCommand } from '@aws-sdk/client-ecs';
import { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';

import { FargateBackend, lazyFargateBackend } from '../../../src/backends/fargate/index.js';
import type { DraftRequest, FargateRequest, FargateSpec } from '../../../src/request.js';
import type { TrainingResult } from '../../../src/result.js';
import type { RunCacheContext } from '../../../src/cache/pipeline-hook.js';
import { type DetachedReport, RunnerEnv, type RunnerEnvelope } from '../../../src/backends/fargate/contract.js';
import { State } from '../../../src/state.js';
import { MemoryLogger } from '../../helpers/docker.js';
import { sagemakerRequest } from '../sagemaker/request.js';
import { asRequest } from '../../helpers/typed-request.js';
import {
  awsError,
  CLUSTER,
  ecsMock,
  FakeClock,
  fargateClients,
  type FargateRecorded,
  type FargateScenario,
  installFargate,
  REGION,
  resetFargateMocks,
  sageMakerMock,
  TASK_ARN,
  TASK_ID,
  type TaskState,
} from './fake-ecs.js';
import { readRunIdentity } from '../../../src/run-identity.js';

afterEach(() => resetFargateMocks());

const JOB = 'smt-42-1-abcdef';
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:ctx-1';
const ENV = {
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_SHA: 'a'.repeat(40),
};

const SPEC: FargateSpec = {
  cluster: CLUSTER,
  taskDefinition: 'sagemaker-training-runner',
  container: 'runner',
  subnets: ['subnet-0abc1234', 'subnet-0def5678'],
  securityGroups: ['sg-0abc1234'],
  assignPublicIp: false,
  capacity: 'FARGATE_SPOT',
};

function fargateRequest(overrides: Partial<DraftRequest> = {}): FargateRequest {
  return asRequest<FargateRequest>(sagemakerRequest({ mode: 'fargate', fargate: SPEC, ...overrides }));
}

const REPORT: DetachedReport = {
  apiUrl: 'https://api.github.com',
  owner: 'octo',
  repo: 'repo',
  sha: 'a'.repeat(40),
  checkRunId: 777,
  checkName: 'sagemaker-training',
  baseBranch: 'main',
  baselineDepth: 20,
  appSecret: 'github-app/sagemaker-train',
  annotationPath: '.github/sagemaker-training.yml',
  runUrl: 'https://github.com/octo/repo/actions/runs/42',
};

interface Harness {
  clock: FakeClock;
  logger: MemoryLogger;
  recorded: FargateRecorded;
  lines: [string, string][];
  state: [string, string][];
  controller: AbortController;
  run: (
    request?: FargateRequest,
    extra?: { detachedReport?: DetachedReport; imageTag?: string; imageBuilt?: boolean; runCache?: RunCacheContext },
  ) => Promise<TrainingResult>;
}

function harness(scenario: FargateScenario, opts: { runTaskAttempts?: number; describeMs?: number } = {}): Harness {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const recorded = installFargate(clock, scenario);
  const lines: [string, string][] = [];
  const state: [string, string][] = [];
  const controller = new AbortController();
  const backend = new FargateBackend({
    ...fargateClients(),
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    identity: readRunIdentity(ENV),
    ...(opts.runTaskAttempts !== undefined ? { runTaskAttempts: opts.runTaskAttempts } : {}),
    ...(opts.describeMs !== undefined ? { pollIntervalMs: { describe: opts.describeMs, logs: 1_000 } } : {}),
  });
  return {
    clock,
    logger,
    recorded,
    lines,
    state,
    controller,
    run: (request = fargateRequest(), extra = {}) =>
      backend.run({
        request,
        imageUri: IMAGE,
        jobName: JOB,
        logger,
        signal: controller.signal,
        onState: (k, v) => state.push([k, v]),
        onLogLine: (host, line) => lines.push([host, line]),
        ...extra,
      }),
  };
}

const running = (stopAt: number, stop: Partial<TaskState> = {}): TaskState[] => [
  { at: 0, lastStatus: 'PROVISIONING' },
  { at: 20, lastStatus: 'PENDING' },
  { at: 60, lastStatus: 'RUNNING', containers: [{ lastStatus: 'RUNNING', runtimeId: 'r1' }] },
  {
    at: stopAt,
    lastStatus: 'STOPPED',
    stopCode: 'EssentialContainerExited',
    stoppedReason: 'Essential container in task exited',
    containers: [{ lastStatus: 'STOPPED', exitCode: 0, runtimeId: 'r1' }],
    ...stop,
  },
];

/** Gaps between DescribeTasks calls, in seconds. */
const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - (times[i] as number));

function envOf(recorded: FargateRecorded, call = 0): Record<string, string> {
  const environment = recorded.runTasks[call]?.overrides?.containerOverrides?.[0]?.environment ?? [];
  return Object.fromEntries(environment.map((e) => [e.name ?? '', e.value ?? '']));
}

function putEnvelope(recorded: FargateRecorded): RunnerEnvelope {
  const put = recorded.puts.find((p) => p.Key?.endsWith('/request.json'));
  if (!put) throw new Error('request.json was not written');
  return JSON.parse(put.Body as string) as RunnerEnvelope;
}

describe('FargateBackend: a task that runs to the end', () => {
  it('writes request.json, starts the task as asked, tails the runner, and returns result.json as this run', async () => {
    const h = harness(
      {
        states: running(300),
        logs: [
          { at: 65, lines: ['runner: reading s3://bucket/out/smt-42-1-abcdef/request.json'] },
          { at: 70, lines: [] },
          { at: 120, lines: ['algo-1 | accuracy=0.5', 'algo-1 | epoch 1'] },
          // Written while the task stops: the drain reads it.
          { at: 301, lines: ['runner: result written, exit 0'] },
        ],
        result: { at: 295, body: { status: 'Completed' } },
      },
      { describeMs: 1_000 },
    );
    const result = await h.run();

    expect(result).toMatchObject({
      mode: 'fargate',
      jobName: JOB,
      status: 'Completed',
      taskArn: TASK_ARN,
      metrics: { accuracy: 0.93 },
      modelArtifacts: `s3://bucket/out/${JOB}/output/model.tar.gz`,
      billableSeconds: 200,
    });
    expect(result.failureReason).toBeUndefined();
    expect(result.links.map((l) => l.label)).toEqual(['Fargate runner task', 'Runner logs', 'SageMaker training job']);
    expect(result.links[0]?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/ecs/v2/clusters/${CLUSTER}/tasks/${TASK_ID}?region=${REGION}`,
    );
    expect(result.links[1]?.url).toBe(
      `https://${REGION}.console.aws.amazon.com/cloudwatch/home?region=${REGION}#logsV2:log-groups/log-group/` +
        `$252Fecs$252Fsagemaker-training-runner/log-events/runner$252Frunner$252F${TASK_ID}`,
    );

    // RunTask: capacity provider (never launchType), the network, the runner's environment, idempotency.
    expect(h.recorded.runTasks).toHaveLength(1);
    const input = h.recorded.runTasks[0];
    expect(input).toMatchObject({
      cluster: CLUSTER,
      taskDefinition: 'sagemaker-training-runner',
      capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }],
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-0abc1234', 'subnet-0def5678'],
          securityGroups: ['sg-0abc1234'],
          assignPublicIp: 'DISABLED',
        },
      },
      startedBy: JOB,
    });
    expect(input?.launchType).toBeUndefined();
    expect(input?.overrides?.containerOverrides?.[0]?.name).toBe('runner');
    expect(input?.clientToken).toMatch(/^[!-~]{1,64}$/);
    expect(input?.clientToken).toContain(JOB);

    // request.json beside the output, the same envelope inline (it is small).
    const envelope = putEnvelope(h.recorded);
    expect(h.recorded.puts.find((p) => p.Key?.endsWith('request.json'))).toMatchObject({
      Bucket: 'bucket',
      Key: `out/${JOB}/request.json`,
      ContentType: 'application/json',
    });
    expect(envelope).toMatchObject({ version: 1, jobName: JOB, imageUri: IMAGE, github: ENV });
    expect(envelope.report).toBeUndefined();
    expect(envelope.request.fargate).toEqual(SPEC);
    const env = envOf(h.recorded);
    expect(env[RunnerEnv.RequestUri]).toBe(`s3://bucket/out/${JOB}/request.json`);
    expect(JSON.parse(env[RunnerEnv.RequestJson] ?? '{}')).toEqual(envelope);

    // State the moment RunTask returned: the post step can stop the task and the job.
    expect(h.state).toEqual([
      [State.SageMakerRegion, REGION],
      [State.TaskArn, TASK_ARN],
      [State.FargateCluster, CLUSTER],
    ]);

    // The runner's lines, in order, once each, through the host log (and on to metric parsing).
    expect(h.lines).toEqual([
      ['runner', `runner: reading s3://bucket/out/${JOB}/request.json`],
      ['runner', 'algo-1 | accuracy=0.5'],
      ['runner', 'algo-1 | epoch 1'],
      ['runner', 'runner: result written, exit 0'],
    ]);
    expect(h.logger.infos).toContain('runner | algo-1 | epoch 1');
    expect(h.logger.infos.filter((l) => l.startsWith('Runner task: '))).toEqual([
      'Runner task: PROVISIONING',
      'Runner task: PENDING',
      'Runner task: RUNNING',
      'Runner task: STOPPED',
    ]);

    // Asked for 1 s: DescribeTasks still never more often than every 15 s.
    expect(h.recorded.describeTimes.length).toBeGreaterThan(5);
    expect(Math.min(...gaps(h.recorded.describeTimes))).toBeGreaterThanOrEqual(15);
    expect(h.recorded.describeTimes[0]).toBeGreaterThanOrEqual(15);
  });

  it('uploads local-folder channels first and hands the runner s3:// channels only', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smt-fargate-ch-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    await writeFile(join(dir, 'train.csv'), 'a,b\n1,2\n');
    const h = harness({ states: running(120), result: { at: 100, body: {} } });
    const request = fargateRequest({
      channels: [
        {
          name: 'train',
          source: { kind: 'local', path: dir },
          inputMode: 'File',
          distribution: 'FullyReplicated',
          compression: 'None',
          recordWrapper: 'None',
        },
      ],
    });
    const result = await h.run(request);
    expect(result.status).toBe('Completed');
    const keys = h.recorded.puts.map((p) => p.Key ?? '');
    const dataKey = keys.find((k) => k.endsWith('/train.csv'));
    expect(dataKey).toMatch(/^out\/_channels\/train-[0-9a-f]{16}\/train\.csv$/);
    // Data first, request.json after it.
    expect(keys.indexOf(dataKey as string)).toBeLessThan(keys.indexOf(`out/${JOB}/request.json`));
    const channel = putEnvelope(h.recorded).request.channels[0];
    expect(channel?.source).toEqual({
      kind: 's3',
      uri: `s3://bucket/${(dataKey as string).replace(/train\.csv$/, '')}`,
      bucket: 'bucket',
      key: (dataKey as string).replace(/train\.csv$/, ''),
    });
  });

  it('hands the runner the run cache fingerprint to record the run under', async () => {
    const h = harness({ states: running(120), result: { at: 100, body: {} } });
    const runCache = { fingerprint: 'e'.repeat(64), parts: [{ name: 'format', value: 'v' }], commit: 'c'.repeat(40) };
    await h.run(fargateRequest(), { runCache });
    expect(putEnvelope(h.recorded).runCache).toEqual(runCache);
  });

  it('passes a request too large for the overrides through S3 only', async () => {
    const hyperparameters: Record<string, string> = {};
    for (let i = 0; i < 20; i++) hyperparameters[`p${i}`] = 'x'.repeat(1000);
    const h = harness({ states: running(120), result: { at: 100, body: {} } });
    const result = await h.run(fargateRequest({ hyperparameters }));
    expect(result.status).toBe('Completed');
    const env = envOf(h.recorded);
    expect(Object.keys(env)).toEqual([RunnerEnv.RequestUri]);
    expect(env[RunnerEnv.RequestUri]).toBe(`s3://bucket/out/${JOB}/request.json`);
    expect(putEnvelope(h.recorded).request.hyperparameters).toEqual(hyperparameters);
    expect(Buffer.byteLength(JSON.stringify(h.recorded.runTasks[0]?.overrides))).toBeLessThanOrEqual(8 * 1024);
    expect(h.logger.infos.join('\n')).toContain('the runner reads it from S3');
  });
});

describe('FargateBackend: failures say which', () => {
  it('retries RunTask while capacity is unavailable, with a new token each time, then runs', async () => {
    const h = harness({
      runTask: ['capacity', 'capacity', 'ok'],
      states: running(200).map((s) => ({ ...s, at: s.at + 100 })),
      result: { at: 290, body: {} },
    });
    const result = await h.run();
    expect(result.status).toBe('Completed');
    expect(h.recorded.runTasks).toHaveLength(3);
    const tokens = h.recorded.runTasks.map((r) => r.clientToken);
    expect(new Set(tokens).size).toBe(3);
    expect(new Set(h.recorded.runTasks.map((r) => r.startedBy))).toEqual(new Set([JOB]));
    expect(h.logger.warnings.filter((w) => w.includes('Capacity is unavailable'))).toHaveLength(2);
    expect(h.logger.warnings[0]).toMatch(/trying again in \d+ s \(attempt 2 of 6\)/);
    // The ARN is saved only once a task exists.
    expect(h.state.filter(([k]) => k === (State.TaskArn as string))).toEqual([[State.TaskArn, TASK_ARN]]);
  });

  it('gives up after a bounded number of RunTask attempts: the task never started', async () => {
    const h = harness({ runTask: ['capacity'], states: [] }, { runTaskAttempts: 4 });
    const result = await h.run();
    expect(h.recorded.runTasks).toHaveLength(4);
    expect(result).toMatchObject({ mode: 'fargate', status: 'Failed', secondaryStatus: 'TaskFailedToStart' });
    expect(result.failureReason).toMatch(
      /^RunTask started no task after 4 attempts: Capacity is unavailable at this time/,
    );
    expect(result.failureReason).toContain('use capacity: FARGATE');
    expect(result.taskArn).toBeUndefined();
    expect(h.recorded.describeTimes).toEqual([]);
    // Waits back off (10 s base, capped at 60 s), so the whole attempt took minutes, not seconds.
    expect(h.clock.elapsed).toBeGreaterThan(30);
    expect(h.state.map(([k]) => k)).not.toContain(State.TaskArn);
  });

  it('does not retry a failure capacity cannot fix', async () => {
    const h = harness({ runTask: ['missing-cluster'], states: [] });
    const result = await h.run();
    expect(h.recorded.runTasks).toHaveLength(1);
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toMatch(/^RunTask started no task: MISSING/);
  });

  it('reports a task that failed to start with its stop code and reason', async () => {
    const reason = 'CannotPullContainerError: pull image manifest has been retried 5 time(s)';
    const h = harness({
      states: [
        { at: 0, lastStatus: 'PROVISIONING' },
        {
          at: 40,
          lastStatus: 'STOPPED',
          stopCode: 'TaskFailedToStart',
          stoppedReason: reason,
          containers: [{ lastStatus: 'STOPPED', reason }],
        },
      ],
    });
    const result = await h.run();
    expect(result).toMatchObject({ status: 'Failed', secondaryStatus: 'TaskFailedToStart', taskArn: TASK_ARN });
    expect(result.failureReason).toBe(
      `The runner task never started: TaskFailedToStart: ${reason} (runner: ${reason})`,
    );
    // Nothing ran: no result to read.
    expect(h.recorded.resultReads).toEqual([]);
  });

  it('reports a runner crash with its exit code and last log lines', async () => {
    const h = harness({
      states: running(200, {
        stoppedReason: 'Essential container in task exited',
        containers: [
          {
            lastStatus: 'STOPPED',
            exitCode: 137,
            runtimeId: 'r1',
            reason: 'OutOfMemoryError: Container killed due to memory usage',
          },
        ],
      }),
      logs: [
        {
          at: 70,
          lines: ['runner: starting', 'runner: CreateTrainingJob sent', 'FATAL: JavaScript heap out of memory'],
        },
      ],
    });
    const result = await h.run();
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toContain(
      `The runner crashed: exit code 137 (killed (SIGKILL: out of memory, or it did not stop within stopTimeout)), without writing s3://bucket/out/${JOB}/result.json.`,
    );
    expect(result.failureReason).toContain('Last runner log lines:\nrunner | runner: starting\n');
    expect(result.failureReason).toContain('runner | FATAL: JavaScript heap out of memory');
    expect(result.logTail).toContain('runner | FATAL: JavaScript heap out of memory');
    expect(result.links[0]?.label).toBe('Fargate runner task');
  });

  it('does not take an earlier run’s result.json for this one', async () => {
    const h = harness({
      states: running(200, { containers: [{ lastStatus: 'STOPPED', exitCode: 1, runtimeId: 'r1' }] }),
      result: { at: 0, body: { status: 'Completed' }, lastModified: -3600 },
    });
    const result = await h.run();
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toMatch(
      /The runner crashed: exit code 1 \(the runner failed\), without writing .*before this task/,
    );
  });

  it('reports a failed job with the job’s own reason', async () => {
    const reason = 'AlgorithmError: ExecuteUserScriptError: exit code 1';
    const h = harness({
      states: running(300, { containers: [{ lastStatus: 'STOPPED', exitCode: 10, runtimeId: 'r1' }] }),
      result: { at: 290, body: { status: 'Failed', failureReason: reason, metrics: {} } },
    });
    const result = await h.run();
    expect(result).toMatchObject({ mode: 'fargate', status: 'Failed', failureReason: reason, taskArn: TASK_ARN });
    expect(h.logger.warnings).toEqual([]);
  });

  it('does not call a run completed when another essential container failed', async () => {
    const h = harness({
      sidecar: true,
      states: running(300, {
        containers: [
          { name: 'runner', lastStatus: 'STOPPED', exitCode: 0, runtimeId: 'r1' },
          { name: 'sidecar', lastStatus: 'STOPPED', exitCode: 2, runtimeId: 'r2' },
        ],
      }),
      result: { at: 290, body: { status: 'Completed' } },
    });
    const result = await h.run();
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toBe(
      'The training job completed, but the runner task did not end cleanly: essential container sidecar exited 2.',
    );
    expect(result.metrics).toEqual({ accuracy: 0.93 });
  });

  it('names the containers there are when fargate.container is not one of them', async () => {
    const h = harness({ states: [] });
    await expect(h.run(fargateRequest({ fargate: { ...SPEC, container: 'orchestrator' } }))).rejects.toThrow(
      /fargate\.container: task definition .*sagemaker-training-runner:3 has no container named "orchestrator" \(its containers: runner\)/,
    );
    expect(h.recorded.runTasks).toEqual([]);
    expect(h.recorded.puts).toEqual([]);
  });
});

describe('FargateBackend: refusals and limits', () => {
  it.each([
    ['AccessDeniedException', 'the role needs ecs:RunTask on the task definition and iam:PassRole on its two roles'],
    ['ClusterNotFoundException', 'check fargate.cluster (the cluster must exist in the request region)'],
    ['InvalidParameterException', 'check fargate.task-definition, fargate.subnets, fargate.security-groups'],
  ])('explains a RunTask refused with %s, and starts nothing', async (name, hint) => {
    const h = harness({ states: [] });
    ecsMock.on(RunTaskCommand).rejects(awsError(name, 400, 'refused'));
    await expect(h.run()).rejects.toThrow(`RunTask on cluster ${CLUSTER} failed: refused — ${hint}`);
    expect(h.recorded.stopTasks).toEqual([]);
    expect(h.state.some(([key]) => key === (State.TaskArn as string))).toBe(false);
  });

  it('explains a task definition ECS does not know, before writing the request', async () => {
    const h = harness({ states: [] });
    ecsMock
      .on(DescribeTaskDefinitionCommand)
      .rejects(awsError('ClientException', 400, 'Unable to describe task definition.'));
    await expect(h.run()).rejects.toThrow(
      'DescribeTaskDefinition sagemaker-training-runner failed: Unable to describe task definition.. Check ' +
        `fargate.task-definition (a family, family:revision or ARN in ${REGION}).`,
    );
    expect(h.recorded.runTasks).toEqual([]);
  });

  it('refuses an image SageMaker cannot pull before any call', async () => {
    const h = harness({ states: [] });
    const backend = new FargateBackend({
      ...fargateClients(),
      sleep: h.clock.sleep,
      now: h.clock.now,
      identity: readRunIdentity(ENV),
    });
    await expect(
      backend.run({
        request: fargateRequest(),
        imageUri: 'local/train:1',
        jobName: JOB,
        logger: h.logger,
        signal: h.controller.signal,
      }),
    ).rejects.toThrow('The image local/train:1 is not in a registry: SageMaker pulls the training image from ECR.');
    expect(ecsMock.calls()).toHaveLength(0);
  });

  it('gives up on a task that outlives max runtime + 1.5 h: stops it and the job, and says so', async () => {
    const h = harness({
      states: [
        { at: 0, lastStatus: 'PROVISIONING' },
        { at: 60, lastStatus: 'RUNNING', containers: [{ lastStatus: 'RUNNING', runtimeId: 'r1' }] },
      ],
    });
    const result = await h.run();
    // max runtime 1 h + 1 h margin + 30 min for the runner itself.
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toBe(
      'Gave up waiting for the runner task after 150 min (max runtime + max wait + 1.5 h, last status RUNNING): ' +
        'it and the training job were stopped.',
    );
    expect(h.clock.elapsed).toBeGreaterThanOrEqual(9000);
    expect(h.clock.elapsed).toBeLessThan(9000 + 60);
    expect(h.recorded.stopTasks.map((t) => t.task)).toEqual([TASK_ARN]);
    expect(h.recorded.stopJobs.map((j) => j.TrainingJobName)).toEqual([JOB]);
    expect(result.taskArn).toBe(TASK_ARN);
  });

  it('says who stopped the task when someone else did, beside the runner’s Stopped result', async () => {
    const h = harness({
      states: running(200, {
        stopCode: 'UserInitiated',
        stoppedReason: 'Task stopped by user',
        containers: [{ lastStatus: 'STOPPED', exitCode: 11, runtimeId: 'r1' }],
      }),
      result: { at: 200, body: { status: 'Stopped', failureReason: 'Stopped by a stop request' } },
    });
    const result = await h.run();
    expect(result.status).toBe('Stopped');
    expect(result.failureReason).toBe('Stopped by a stop request (runner task UserInitiated: Task stopped by user)');
  });

  it('uses a result the runner wrote before an odd exit, but does not call the run completed', async () => {
    const h = harness({
      states: running(300, { containers: [{ lastStatus: 'STOPPED', exitCode: 137, runtimeId: 'r1' }] }),
      result: { at: 290, body: {} },
    });
    const result = await h.run();
    expect(h.logger.warnings).toContain(
      'The runner ended with exit code 137 (killed (SIGKILL: out of memory, or it did not stop within stopTimeout)) but ' +
        'wrote its result: using it.',
    );
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toBe(
      'The training job completed, but the runner task did not end cleanly: essential container runner exited 137.',
    );
    expect(result.metrics).toEqual({ accuracy: 0.93 });
  });
});

describe('FargateBackend: cancel and detach', () => {
  it('stops the task and the job when cancelled mid-wait, and returns the runner’s Stopped result', async () => {
    const h = harness({
      states: running(100_000),
      onStop: {
        after: 2,
        result: { status: 'Stopped', secondaryStatus: 'Stopped', failureReason: 'Stopped by the runner on SIGTERM' },
      },
    });
    h.clock.onSleep = (t) => {
      if (t >= Date.parse('2026-03-01T12:02:00Z')) h.controller.abort();
    };
    const result = await h.run();
    expect(h.recorded.stopTasks).toEqual([{ cluster: CLUSTER, task: TASK_ARN, reason: 'cancelled' }]);
    expect(h.recorded.stopJobs).toEqual([{ TrainingJobName: JOB }]);
    expect(result).toMatchObject({
      mode: 'fargate',
      status: 'Stopped',
      failureReason: 'Stopped by the runner on SIGTERM',
      taskArn: TASK_ARN,
    });
    // Bounded: a few seconds after the abort, not a wait for the task.
    expect(h.clock.elapsed).toBeLessThan(140);
  });

  it('stops waiting for capacity at once when cancelled: no task, nothing to stop', async () => {
    const h = harness({ runTask: ['capacity'], states: [] });
    h.clock.onSleep = () => h.controller.abort();
    const result = await h.run();
    expect(result).toMatchObject({ status: 'Stopped', failureReason: 'Stopped before the runner task started.' });
    expect(h.recorded.runTasks).toHaveLength(1);
    expect(h.recorded.stopTasks).toEqual([]);
    expect(h.recorded.stopJobs).toEqual([]);
  });

  it('cancels cleanly before the job exists and when AWS will not answer', async () => {
    const h = harness({ states: running(100_000) });
    sageMakerMock
      .on(StopTrainingJobCommand)
      .rejects(awsError('ValidationException', 400, `Could not find job to update with name ${JOB}`));
    h.clock.onSleep = (t) => {
      if (t >= Date.parse('2026-03-01T12:00:30Z')) h.controller.abort();
    };
    const result = await h.run();
    expect(result.status).toBe('Stopped');
    expect(result.failureReason).toBe(
      'The run was cancelled: the runner task and the training job were asked to stop.',
    );
    expect(h.recorded.stopTasks).toHaveLength(1);
    expect(h.logger.infos.join('\n')).toContain(`Training job ${JOB} is not running: nothing to stop`);
  });

  it('hands off once the task is running: InProgress, where the result will be, the report in request.json', async () => {
    const h = harness({ states: running(100_000) });
    const result = await h.run(fargateRequest({ wait: false }), {
      detachedReport: REPORT,
      imageTag: 'ctx-0123456789abcdef',
      imageBuilt: true,
    });
    expect(result).toMatchObject({
      mode: 'fargate',
      status: 'InProgress',
      taskArn: TASK_ARN,
      detached: { resultUri: `s3://bucket/out/${JOB}/result.json`, checkRunId: 777 },
    });
    expect(result.failureReason).toBeUndefined();
    // Returned at the first DescribeTasks that saw RUNNING (60 s into the task, DescribeTasks every 15 s).
    expect(h.clock.elapsed).toBeGreaterThanOrEqual(60);
    expect(h.clock.elapsed).toBeLessThan(80);
    const envelope = putEnvelope(h.recorded);
    expect(envelope.report).toEqual(REPORT);
    expect(envelope.request.wait).toBe(false);
    // The runner reports the image's content tag and whether this run built it, as the action would have.
    expect(envelope).toMatchObject({ imageTag: 'ctx-0123456789abcdef', imageBuilt: true });
    expect(h.recorded.stopTasks).toEqual([]);
    expect(h.recorded.resultReads).toEqual([]);
  });

  it('in detached mode still reports a task that never started', async () => {
    const h = harness({
      states: [
        {
          at: 30,
          lastStatus: 'STOPPED',
          stopCode: 'TaskFailedToStart',
          stoppedReason: 'ResourceInitializationError: unable to pull secrets',
          containers: [{ lastStatus: 'STOPPED' }],
        },
      ],
    });
    const result = await h.run(fargateRequest({ wait: false }), { detachedReport: REPORT });
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toBe(
      'The runner task never started: TaskFailedToStart: ResourceInitializationError: unable to pull secrets',
    );
  });

  it('warns once and goes on when the runner does not log through awslogs', async () => {
    const h = harness({ states: running(120), result: { at: 100, body: {} }, logConfiguration: 'none' });
    const result = await h.run();
    expect(result.status).toBe('Completed');
    expect(h.logger.warnings).toEqual([expect.stringContaining('does not log through awslogs')]);
    expect(result.links.map((l) => l.label)).toEqual(['Fargate runner task', 'SageMaker training job']);
  });
});

describe('lazyFargateBackend', () => {
  it('creates its clients in the request region on the first run only', async () => {
    const clock = new FakeClock();
    installFargate(clock, { states: running(120), result: { at: 100, body: {} } });
    const created: string[] = [];
    const clients = fargateClients();
    const factory =
      <T>(name: string, client: T) =>
      (region: string): Promise<T> => (created.push(`${name} ${region}`), Promise.resolve(client));
    const backend = lazyFargateBackend({
      ecs: factory('ecs', clients.ecs),
      s3: factory('s3', clients.s3),
      logs: factory('logs', clients.logs),
      sagemaker: factory('sagemaker', clients.sagemaker),
      sleep: clock.sleep,
      now: clock.now,
      identity: readRunIdentity(ENV),
    });
    expect(created).toEqual([]);
    const result = await backend.run({
      request: fargateRequest(),
      imageUri: IMAGE,
      jobName: JOB,
      logger: new MemoryLogger(),
      signal: new AbortController().signal,
    });
    expect(result.status).toBe('Completed');
    expect(created.sort()).toEqual([`ecs ${REGION}`, `logs ${REGION}`, `s3 ${REGION}`, `sagemaker ${REGION}`]);
  });
});
