import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateTrainingJobCommand,
  DescribeTrainingJobCommand,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

import { lazySageMakerBackend, SageMakerBackend } from '../../../src/backends/sagemaker/index.js';
import type { SageMakerRequest } from '../../../src/request.js';
import type { TrainingResult } from '../../../src/result.js';
import { MemoryLogger } from '../../helpers/docker.js';
import {
  awsError,
  clients,
  FakeClock,
  installScenario,
  type JobState,
  type LogPage,
  type Recorded,
  resetMocks,
  type Scenario,
  smMock,
  T0,
} from './fake-aws.js';
import { sagemakerRequest } from './request.js';
import { readRunIdentity } from '../../../src/run-identity.js';

afterEach(() => resetMocks());

const JOB = 'smt-42-1-abcdef';
const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:ctx-1';
const ENV = { GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '1', GITHUB_REPOSITORY: 'octo/repo' };

interface Harness {
  clock: FakeClock;
  logger: MemoryLogger;
  recorded: Recorded;
  lines: [string, string][];
  state: [string, string][];
  /** For each entry of `state`: how many CreateTrainingJob calls had been made when it was saved. */
  createsAtState: number[];
  controller: AbortController;
  run: (request?: SageMakerRequest, imageUri?: string) => Promise<TrainingResult>;
}

function harness(scenario: Scenario): Harness {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const recorded = installScenario(clock, scenario);
  const lines: [string, string][] = [];
  const state: [string, string][] = [];
  const createsAtState: number[] = [];
  const controller = new AbortController();
  const backend = new SageMakerBackend({
    ...clients(),
    sleep: clock.sleep,
    now: clock.now,
    random: () => 0.5,
    identity: readRunIdentity(ENV),
  });
  return {
    clock,
    logger,
    recorded,
    lines,
    state,
    createsAtState,
    controller,
    run: (request = sagemakerRequest(), imageUri = IMAGE) =>
      backend.run({
        request,
        imageUri,
        jobName: JOB,
        logger,
        signal: controller.signal,
        onState: (k, v) => {
          state.push([k, v]);
          createsAtState.push(recorded.created.length);
        },
        onLogLine: (host, line) => lines.push([host, line]),
      }),
  };
}

const completed = (at: number, extra: JobState['extra'] = {}): JobState => ({
  at,
  status: 'Completed',
  secondary: 'Completed',
  message: 'Training job completed',
  extra: {
    FinalMetricDataList: [{ MetricName: 'accuracy', Value: 0.93, Timestamp: new Date() }],
    ModelArtifacts: { S3ModelArtifacts: `s3://bucket/out/${JOB}/output/model.tar.gz` },
    TrainingTimeInSeconds: 300,
    BillableTimeInSeconds: 280,
    ...extra,
  },
});

const lifecycle = (end: JobState): JobState[] => [
  { at: 0, status: 'InProgress', secondary: 'Starting', message: 'Preparing the instances for training' },
  { at: 60, status: 'InProgress', secondary: 'Downloading', message: 'Downloading input data' },
  { at: 120, status: 'InProgress', secondary: 'Training', message: 'Training image download completed.' },
  end,
];

/** Every gap between two DescribeTrainingJob calls, in seconds. */
const gaps = (times: number[]): number[] => times.slice(1).map((t, i) => t - (times[i] as number));

describe('SageMakerBackend: lifecycle', () => {
  it('runs 55 hosts: transitions once each, every host streamed (late streams, empty pages), Completed', async () => {
    const logs: LogPage[] = [];
    for (let n = 1; n <= 55; n++) logs.push({ at: 130, stream: `${JOB}/algo-${n}-1700000000`, lines: [`hi ${n}`] });
    logs.push(
      { at: 130, stream: `${JOB}/algo-1-1700000000`, lines: [] },
      { at: 140, stream: `${JOB}/algo-1-1700000000`, lines: ['accuracy=0.5', 'epoch 1'] },
      { at: 150, stream: `${JOB}/algo-1-1700000000`, lines: [] },
      { at: 200, stream: `${JOB}/algo-1-1700000000`, lines: ['accuracy=0.9'] },
      { at: 250, stream: `${JOB}/algo-56-1700000000`, lines: ['late host'] },
      // Arrives after the job ended: the drain reads it.
      { at: 305, stream: `${JOB}/algo-2-1700000000`, lines: ['final line'] },
    );
    const h = harness({ states: lifecycle(completed(300)), logs });
    const result = await h.run(sagemakerRequest({ job: { instanceCount: 56 } }));

    expect(result).toMatchObject({
      mode: 'sagemaker',
      jobName: JOB,
      status: 'Completed',
      secondaryStatus: 'Completed',
      metrics: { accuracy: 0.93 },
      modelArtifacts: `s3://bucket/out/${JOB}/output/model.tar.gz`,
      outputArtifacts: `s3://bucket/out/${JOB}/output/output.tar.gz`,
      imageUri: IMAGE,
      instanceCount: 56,
      trainingSeconds: 300,
      billableSeconds: 280,
      startedAt: '2026-03-01T12:00:00.000Z',
    });
    expect(result.failureReason).toBeUndefined();
    expect(result.links).toEqual([
      {
        label: 'SageMaker training job',
        url: `https://eu-west-1.console.aws.amazon.com/sagemaker/home?region=eu-west-1#/jobs/${JOB}`,
      },
      {
        label: 'CloudWatch logs',
        url:
          'https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#logsV2:log-groups/log-group/' +
          `$252Faws$252Fsagemaker$252FTrainingJobs$3FlogStreamNameFilter$3D${JOB}$252F`,
      },
    ]);

    // Transitions printed once each, in order.
    const transitions = h.logger.infos.filter((l) => l.startsWith(`[${JOB}]`));
    expect(transitions).toEqual([
      `[${JOB}] Starting: Preparing the instances for training`,
      `[${JOB}] Downloading: Downloading input data`,
      `[${JOB}] Training: Training image download completed.`,
      `[${JOB}] Completed: Training job completed`,
    ]);
    // Every line of every host, once, prefixed, and to onLogLine.
    const algo1 = h.lines.filter(([host]) => host === 'algo-1').map(([, l]) => l);
    expect(algo1).toEqual(['hi 1', 'accuracy=0.5', 'epoch 1', 'accuracy=0.9']);
    expect(new Set(h.lines.map(([host]) => host)).size).toBe(56);
    expect(h.lines).toContainEqual(['algo-56', 'late host']);
    expect(h.lines).toContainEqual(['algo-2', 'final line']);
    expect(h.lines).toHaveLength(55 + 3 + 2);
    expect(h.logger.infos).toContain('algo-1 | accuracy=0.9');
    expect(result.logTail).toHaveLength(50);
    expect(result.logTail.at(-1)).toBe('algo-2 | final line');

    // Never more than one Describe per 30 s.
    expect(Math.min(...gaps(h.recorded.describeTimes))).toBeGreaterThanOrEqual(30);
    // The job name and its region were saved before CreateTrainingJob (the post step stops the job from them);
    // the request carried the run tag.
    expect(h.state.slice(0, 2)).toEqual([
      ['job-name', JOB],
      ['sagemaker-region', sagemakerRequest().region],
    ]);
    expect(h.recorded.created[0]?.Tags).toContainEqual({ Key: 'sagemaker-train:run', Value: '42-1' });
    expect(h.logger.warnings).toEqual([]);
  });
});

describe('SageMakerBackend: transient errors', () => {
  it('waits out throttling bursts and 5xx on Describe and on the logs, with backed-off gaps', async () => {
    const throttle = awsError('ThrottlingException', 400, 'Rate exceeded');
    const h = harness({
      states: lifecycle(completed(400)),
      logs: [{ at: 130, stream: `${JOB}/algo-1-1`, lines: ['one', 'two'] }],
      describeErrors: [undefined, throttle, throttle, throttle, awsError('InternalFailure', 500)],
      logErrors: [throttle, throttle, awsError('ServiceUnavailableException', 503)],
    });
    const result = await h.run();
    expect(result.status).toBe('Completed');
    expect(h.lines).toEqual([
      ['algo-1', 'one'],
      ['algo-1', 'two'],
    ]);
    const describeGaps = gaps(h.recorded.describeTimes);
    expect(Math.min(...describeGaps)).toBeGreaterThanOrEqual(30);
    // Backed off: the throttled stretch spread wider than the plain 30 s cadence, but stayed bounded.
    expect(Math.max(...describeGaps)).toBeGreaterThan(30);
    expect(Math.max(...describeGaps)).toBeLessThanOrEqual(300);
    expect(h.logger.warnings).toEqual([]);
    expect(h.logger.errors).toEqual([]);
  });

  it('tolerates AccessDenied on Describe in the first minutes (tag-based access propagating)', async () => {
    const denied = awsError('AccessDeniedException', 400, 'not authorized');
    const h = harness({ states: lifecycle(completed(200)), describeErrors: [denied, denied, denied] });
    const result = await h.run();
    expect(result.status).toBe('Completed');
    expect(h.logger.infos.filter((l) => l.includes('denied'))).toHaveLength(3);
  });

  it('fails when AccessDenied persists past the grace period', async () => {
    const denied = awsError('AccessDeniedException', 400, 'User is not authorized to DescribeTrainingJob');
    const h = harness({ states: lifecycle(completed(600)), describeErrors: Array<Error>(20).fill(denied) });
    await expect(h.run()).rejects.toThrow(/not authorized to DescribeTrainingJob/);
    // Not left running unwatched.
    expect(h.recorded.stopTimes).toHaveLength(1);
    expect(h.logger.errors[0]).toMatch(/Cannot follow training job .*: stopping it|stopping it$/);
  });
});

describe('SageMakerBackend: outcomes', () => {
  it('Failed: the service reason, and the last log lines', async () => {
    const logs: LogPage[] = [];
    for (let i = 1; i <= 60; i++) logs.push({ at: 130, stream: `${JOB}/algo-1-1`, lines: [`line ${i}`] });
    const h = harness({
      states: lifecycle({
        at: 200,
        status: 'Failed',
        secondary: 'Failed',
        message: 'Training job failed',
        extra: { FailureReason: 'AlgorithmError: CUDA out of memory', TrainingTimeInSeconds: 80 },
      }),
      logs,
    });
    const result = await h.run();
    expect(result).toMatchObject({
      status: 'Failed',
      secondaryStatus: 'Failed',
      failureReason: 'AlgorithmError: CUDA out of memory',
      trainingSeconds: 80,
    });
    expect(result.logTail).toHaveLength(50);
    expect(result.logTail[0]).toBe('algo-1 | line 11');
    expect(result.outputArtifacts).toBeUndefined();
  });

  it('Stopped from outside the run', async () => {
    const h = harness({ states: lifecycle({ at: 200, status: 'Stopped', secondary: 'Stopped' }) });
    const result = await h.run();
    expect(result).toMatchObject({ status: 'Stopped', secondaryStatus: 'Stopped' });
    expect(h.recorded.stopTimes).toEqual([]);
  });

  it('MaxRuntimeExceeded fails, as in local mode', async () => {
    const h = harness({ states: lifecycle({ at: 3700, status: 'Stopped', secondary: 'MaxRuntimeExceeded' }) });
    const result = await h.run(sagemakerRequest({ job: { maxRuntimeSeconds: 3600 } }));
    expect(result.status).toBe('Failed');
    expect(result.secondaryStatus).toBe('MaxRuntimeExceeded');
    expect(result.failureReason).toMatch(/MaxRuntimeExceeded/);
  });

  it('spot: Interrupted, then Restarting, then Completed, every transition printed', async () => {
    const h = harness({
      states: [
        { at: 0, status: 'InProgress', secondary: 'Starting', message: 'Launching requested ML instances' },
        { at: 60, status: 'InProgress', secondary: 'Training', message: 'Training in progress' },
        { at: 120, status: 'InProgress', secondary: 'Interrupted', message: 'Spot capacity reclaimed' },
        { at: 180, status: 'InProgress', secondary: 'Restarting', message: 'Restarting from the checkpoint' },
        { at: 240, status: 'InProgress', secondary: 'Training', message: 'Training in progress' },
        completed(400, { BillableTimeInSeconds: 120 }),
      ],
    });
    const result = await h.run(sagemakerRequest({ job: { spot: { maxWaitSeconds: 7200 } } }));
    // Billed 120 of 300 training seconds: managed spot saved 60%.
    expect(result).toMatchObject({ status: 'Completed', billableSeconds: 120, spotSavingsPercent: 60 });
    const printed = h.logger.infos.filter((l) => l.startsWith(`[${JOB}]`));
    expect(printed).toEqual([
      `[${JOB}] Starting: Launching requested ML instances`,
      `[${JOB}] Training: Training in progress`,
      `[${JOB}] Interrupted: Spot capacity reclaimed`,
      `[${JOB}] Restarting: Restarting from the checkpoint`,
      `[${JOB}] Training: Training in progress`,
      `[${JOB}] Completed: Training job completed`,
    ]);
    expect(h.recorded.created[0]).toMatchObject({
      EnableManagedSpotTraining: true,
      StoppingCondition: { MaxRuntimeInSeconds: 3600, MaxWaitTimeInSeconds: 7200 },
    });
  });

  it('a job that never ends: stopped after max runtime + max wait + 1 h, and Failed', async () => {
    const h = harness({ states: [{ at: 0, status: 'InProgress', secondary: 'Training' }] });
    const result = await h.run(sagemakerRequest({ job: { maxRuntimeSeconds: 600 } }));
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toMatch(/Gave up waiting/);
    expect(h.recorded.stopTimes[0]).toBeGreaterThanOrEqual(600 + 3600);
    expect(h.recorded.stopTimes[0]).toBeLessThan(600 + 3600 + 60);
  });
});

describe('SageMakerBackend: create', () => {
  it('ResourceInUse: attaches to the job this run created, and waits for it', async () => {
    const h = harness({
      states: lifecycle(completed(200)),
      createError: awsError('ResourceInUse', 400, `Training job names must be unique: ${JOB}`),
      tags: { 'sagemaker-train:run': '42-1' },
    });
    const result = await h.run();
    expect(result.status).toBe('Completed');
    expect(h.logger.infos).toContain(
      `Training job ${JOB} already exists and was created by this run (42-1): attaching`,
    );
    expect(Math.min(...gaps(h.recorded.describeTimes))).toBeGreaterThanOrEqual(30);
  });

  it('ResourceInUse: an attached job that already ended is reported at once', async () => {
    const h = harness({
      states: lifecycle(completed(0)),
      createError: awsError('ResourceInUse', 400, 'Training job names must be unique'),
      tags: { 'sagemaker-train:run': '42-1' },
    });
    const result = await h.run();
    expect(result).toMatchObject({ status: 'Completed', metrics: { accuracy: 0.93 } });
    expect(h.recorded.describeTimes).toEqual([0]);
  });

  it('ResourceInUse: refuses a job of the same name that another run created, and forgets its name', async () => {
    const h = harness({
      states: lifecycle(completed(200)),
      createError: awsError('ResourceInUse', 400, 'Training job names must be unique'),
      tags: { 'sagemaker-train:run': '41-1' },
    });
    await expect(h.run()).rejects.toThrow(
      `A training job named ${JOB} already exists and was not created by this run (its sagemaker-train:run tag is "41-1", this run is "42-1")`,
    );
    expect(h.state.at(-1)).toEqual(['job-name', '']);
    expect(smMock.commandCalls(StopTrainingJobCommand)).toEqual([]);
  });

  it('ResourceLimitExceeded: Failed at once, naming the quota to raise', async () => {
    const h = harness({
      states: [],
      createError: awsError(
        'ResourceLimitExceeded',
        400,
        'The account-level service limit is 0 Instances, with current utilization of 0 Instances',
      ),
    });
    const result = await h.run(sagemakerRequest({ job: { instanceType: 'ml.g5.xlarge' } }));
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toContain('"ml.g5.xlarge for training job usage" in eu-west-1');
    expect(result.failureReason).toContain('retrying will not help');
    expect(result.links).toEqual([]);
    expect(h.recorded.created).toHaveLength(1);
    expect(h.recorded.describeTimes).toEqual([]);
  });

  it('saves the job name before CreateTrainingJob is answered', async () => {
    const h = harness({ states: lifecycle(completed(100)) });
    let savedBeforeCreate = false;
    smMock.on(CreateTrainingJobCommand).callsFake(() => {
      savedBeforeCreate = h.state.some(([k, v]) => k === 'job-name' && v === JOB);
      return {};
    });
    await h.run();
    expect(savedBeforeCreate).toBe(true);
  });
});

describe('SageMakerBackend: cancellation', () => {
  it('abort mid-wait: StopTrainingJob within 5 s, not at the next poll, and a Stopped result', async () => {
    const h = harness({
      states: lifecycle(completed(900)),
      logs: [{ at: 130, stream: `${JOB}/algo-1-1`, lines: ['training'] }],
    });
    let abortedAt: number | undefined;
    h.clock.onSleep = () => {
      if (abortedAt === undefined && h.clock.elapsed >= 145) {
        abortedAt = h.clock.elapsed;
        h.controller.abort(new Error('SIGINT'));
      }
    };
    const result = await h.run();
    expect(abortedAt).toBeDefined();
    expect(h.recorded.stopTimes).toHaveLength(1);
    expect((h.recorded.stopTimes[0] as number) - (abortedAt as number)).toBeLessThanOrEqual(5);
    expect(smMock.commandCalls(StopTrainingJobCommand)[0]?.args[0].input).toEqual({ TrainingJobName: JOB });
    expect(result).toMatchObject({ status: 'Stopped', secondaryStatus: 'Stopping' });
    expect(result.failureReason).toMatch(/cancelled/);
    expect(h.logger.warnings).toContain(`Cancelled: stopping training job ${JOB}`);
    expect(h.lines).toEqual([['algo-1', 'training']]);
  });

  it('aborted before anything was created: nothing is sent', async () => {
    const h = harness({ states: lifecycle(completed(100)) });
    h.controller.abort();
    const result = await h.run();
    expect(result.status).toBe('Stopped');
    expect(h.recorded.created).toEqual([]);
    expect(result.links).toEqual([]);
  });
});

describe('SageMakerBackend: refusals before any call', () => {
  it('refuses a local engine tag (SageMaker pulls from a registry)', async () => {
    const h = harness({ states: [] });
    await expect(h.run(sagemakerRequest(), 'sagemaker-train/iris:local')).rejects.toThrow(
      'The image sagemaker-train/iris:local is not in a registry',
    );
    expect(h.recorded.created).toEqual([]);
  });
});

describe('lazySageMakerBackend', () => {
  it('creates its clients on the first run, in the request region', async () => {
    const clock = new FakeClock();
    installScenario(clock, { states: lifecycle(completed(0)) });
    const regions: string[] = [];
    const backend = lazySageMakerBackend({
      sagemaker: (region) => {
        regions.push(region);
        return Promise.resolve(clients().sagemaker);
      },
      logs: (region) => {
        regions.push(region);
        return Promise.resolve(clients().logs);
      },
      sleep: clock.sleep,
      now: clock.now,
      identity: readRunIdentity(ENV),
    });
    expect(regions).toEqual([]);
    const result = await backend.run({
      request: sagemakerRequest({ region: 'us-west-2' }),
      imageUri: IMAGE,
      jobName: JOB,
      logger: new MemoryLogger(),
      signal: new AbortController().signal,
    });
    expect(result.status).toBe('Completed');
    expect(regions).toEqual(['us-west-2', 'us-west-2']);
  });
});

describe('SageMakerBackend: local-folder channels', () => {
  it('uploads the folder before CreateTrainingJob and points the channel at it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'smt-sm-channel-'));
    try {
      await writeFile(join(dir, 'train.csv'), '1,2\n');
      const s3Mock = mockClient(S3Client);
      s3Mock.on(HeadObjectCommand).rejects(awsError('NotFound', 404));
      s3Mock.on(PutObjectCommand).resolves({});
      const clock = new FakeClock();
      const recorded = installScenario(clock, { states: lifecycle(completed(0)) });
      const backend = new SageMakerBackend({
        ...clients(),
        s3: () => Promise.resolve(new S3Client({ region: 'eu-west-1' })),
        sleep: clock.sleep,
        now: clock.now,
        identity: readRunIdentity(ENV),
      });
      const request = sagemakerRequest({
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
      const result = await backend.run({
        request,
        imageUri: IMAGE,
        jobName: JOB,
        logger: new MemoryLogger(),
        signal: new AbortController().signal,
      });
      expect(result.status).toBe('Completed');
      const uri = recorded.created[0]?.InputDataConfig?.[0]?.DataSource?.S3DataSource?.S3Uri;
      expect(uri).toMatch(/^s3:\/\/bucket\/out\/_channels\/train-[0-9a-f]{16}\/$/);
      const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
      expect(keys[0]).toBe(`${(uri as string).slice('s3://bucket/'.length)}train.csv`);
      s3Mock.restore();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('SageMakerBackend: capacity retries', () => {
  const CAPACITY =
    'CapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type.';
  const noCapacity = (at: number): JobState[] => [
    { at, status: 'InProgress', secondary: 'Starting', message: 'Launching requested ML instances' },
    { at: at + 60, status: 'Failed', secondary: 'Failed', message: 'Failed', extra: { FailureReason: CAPACITY } },
  ];
  const createdNames = (h: Harness): (string | undefined)[] => h.recorded.created.map((c) => c.TrainingJobName);
  const savedNames = (h: Harness): string[] => h.state.filter(([k]) => k === 'job-name').map(([, v]) => v);

  it('creates the job again under a new name, saved at once, and reports the job that completed', async () => {
    const h = harness({
      states: noCapacity(0),
      jobs: { [`${JOB}-c1`]: lifecycle(completed(600)).map((s) => ({ ...s, at: s.at + 300 })) },
      logs: [
        { at: 30, stream: `${JOB}/algo-1-1`, lines: ['first try'] },
        { at: 450, stream: `${JOB}-c1/algo-1-1`, lines: ['second try'] },
      ],
    });
    const result = await h.run(sagemakerRequest({ job: { capacityRetries: 2 } }));

    expect(createdNames(h)).toEqual([JOB, `${JOB}-c1`]);
    // Each name was saved before its CreateTrainingJob call: the post step always stops the current job.
    expect(savedNames(h)).toEqual([JOB, `${JOB}-c1`]);
    const saved = h.state.findIndex(([k, v]) => k === 'job-name' && v === `${JOB}-c1`);
    expect(h.createsAtState[saved]).toBe(1);
    expect(result).toMatchObject({
      jobName: `${JOB}-c1`,
      status: 'Completed',
      metrics: { accuracy: 0.93 },
      billableSeconds: 280,
    });
    expect(result.failureReason).toBeUndefined();
    expect(result.links[0]?.url).toContain(`#/jobs/${JOB}-c1`);
    expect(h.logger.warnings).toEqual([
      `Training job ${JOB} failed for lack of capacity (${CAPACITY}): creating it again as ${JOB}-c1 in 60 s ` +
        '(attempt 2 of 3)',
    ]);
    expect(h.logger.infos).toContain(`Training job ${JOB}-c1 completed on attempt 2 of 3`);
    // Each job's logs were read from its own streams.
    expect(h.lines).toEqual([
      ['algo-1', 'first try'],
      ['algo-1', 'second try'],
    ]);
    // The new job was described only after it was created, and not within the retry wait.
    const firstOfSecondJob = smMock
      .commandCalls(DescribeTrainingJobCommand)
      .findIndex((c) => c.args[0].input.TrainingJobName === `${JOB}-c1`);
    expect(h.recorded.describeTimes[firstOfSecondJob]).toBeGreaterThanOrEqual(60 + 60);
  });

  it('gives up after capacity-retries more attempts, saying how many were made', async () => {
    const h = harness({
      states: noCapacity(0),
      jobs: { [`${JOB}-c1`]: noCapacity(200), [`${JOB}-c2`]: noCapacity(600) },
    });
    const result = await h.run(sagemakerRequest({ job: { capacityRetries: 2 } }));
    expect(createdNames(h)).toEqual([JOB, `${JOB}-c1`, `${JOB}-c2`]);
    expect(savedNames(h)).toEqual([JOB, `${JOB}-c1`, `${JOB}-c2`]);
    expect(result).toMatchObject({ jobName: `${JOB}-c2`, status: 'Failed' });
    expect(result.failureReason).toBe(`${CAPACITY} [all 3 attempts failed for lack of capacity (capacity retries: 2)]`);
    expect(h.logger.warnings).toHaveLength(2);
    expect(h.logger.warnings[1]).toContain(`creating it again as ${JOB}-c2 in 120 s (attempt 3 of 3)`);
  });

  it('without capacity-retries: one attempt, and a hint', async () => {
    const h = harness({ states: noCapacity(0) });
    const result = await h.run();
    expect(createdNames(h)).toEqual([JOB]);
    expect(result).toMatchObject({ jobName: JOB, status: 'Failed', failureReason: CAPACITY });
    expect(h.logger.infos.some((l) => l.includes('capacity-retries'))).toBe(true);
  });

  it('does not retry other failures', async () => {
    const h = harness({
      states: lifecycle({
        at: 200,
        status: 'Failed',
        secondary: 'Failed',
        extra: { FailureReason: 'AlgorithmError: the tensor capacity was exceeded' },
      }),
    });
    const result = await h.run(sagemakerRequest({ job: { capacityRetries: 3 } }));
    expect(createdNames(h)).toEqual([JOB]);
    expect(result).toMatchObject({
      status: 'Failed',
      failureReason: 'AlgorithmError: the tensor capacity was exceeded',
    });
    expect(h.logger.warnings).toEqual([]);
  });

  it('a later failure of another kind is reported with the attempts made', async () => {
    const h = harness({
      states: noCapacity(0),
      jobs: {
        [`${JOB}-c1`]: [
          { at: 300, status: 'InProgress', secondary: 'Training' },
          { at: 500, status: 'Failed', secondary: 'Failed', extra: { FailureReason: 'AlgorithmError: exit 1' } },
        ],
      },
    });
    const result = await h.run(sagemakerRequest({ job: { capacityRetries: 2 } }));
    expect(createdNames(h)).toEqual([JOB, `${JOB}-c1`]);
    expect(result.failureReason).toBe(
      'AlgorithmError: exit 1 [attempt 2 of 3; the 1 before failed for lack of capacity]',
    );
  });

  it('ResourceLimitExceeded is never retried, whatever capacity-retries says, and names the quota', async () => {
    const h = harness({
      states: [],
      createError: awsError('ResourceLimitExceeded', 400, 'The account-level service limit is 0 Instances'),
    });
    const result = await h.run(sagemakerRequest({ job: { instanceType: 'ml.p4d.24xlarge', capacityRetries: 5 } }));
    expect(createdNames(h)).toEqual([JOB]);
    expect(result.status).toBe('Failed');
    expect(result.failureReason).toContain('"ml.p4d.24xlarge for training job usage"');
    expect(h.logger.warnings).toEqual([]);
  });

  it('a cancellation during the wait before a retry ends Stopped, with no new job', async () => {
    const h = harness({ states: noCapacity(0) });
    h.clock.onSleep = () => {
      if (h.logger.warnings.some((l) => l.includes('lack of capacity'))) h.controller.abort(new Error('SIGINT'));
    };
    const result = await h.run(sagemakerRequest({ job: { capacityRetries: 2 } }));
    expect(createdNames(h)).toEqual([JOB]);
    expect(result).toMatchObject({ jobName: JOB, status: 'Stopped' });
    expect(result.failureReason).toMatch(/^The run was cancelled before attempt 2 of 3/);
    expect(result.failureReason).toContain(CAPACITY);
    // The failed job had already ended: nothing to stop.
    expect(h.recorded.stopTimes).toEqual([]);
  });
});

describe('SageMakerBackend: deadline of an attached job', () => {
  it('counts from attaching, not from the job’s CreationTime', async () => {
    // The job was created 10 h before this run attached to it: past max runtime + 1 h if counted from then.
    const createdLongAgo = { CreationTime: new Date(T0 - 10 * 3600_000) };
    const h = harness({
      states: [
        { at: 0, status: 'InProgress', secondary: 'Training', extra: createdLongAgo },
        { ...completed(3000), extra: { ...completed(3000).extra, ...createdLongAgo } },
      ],
      createError: awsError('ResourceInUse', 400, 'Training job names must be unique'),
      tags: { 'sagemaker-train:run': '42-1' },
    });
    const result = await h.run(sagemakerRequest({ job: { maxRuntimeSeconds: 600 } }));
    expect(result.status).toBe('Completed');
    expect(h.recorded.stopTimes).toEqual([]);
  });

  it('an attached job that never ends is stopped max runtime + 1 h after attaching', async () => {
    const h = harness({
      states: [
        {
          at: 0,
          status: 'InProgress',
          secondary: 'Training',
          extra: { CreationTime: new Date(T0 - 10 * 3600_000) },
        },
      ],
      createError: awsError('ResourceInUse', 400, 'Training job names must be unique'),
      tags: { 'sagemaker-train:run': '42-1' },
    });
    const result = await h.run(sagemakerRequest({ job: { maxRuntimeSeconds: 600 } }));
    expect(result.failureReason).toMatch(/Gave up waiting/);
    expect(h.recorded.stopTimes[0]).toBeGreaterThanOrEqual(600 + 3600);
    expect(h.recorded.stopTimes[0]).toBeLessThan(600 + 3600 + 60);
  });
});

describe('SageMakerBackend: cost and spot savings', () => {
  it('estimates the cost from the built-in table', async () => {
    const h = harness({ states: lifecycle(completed(300, { BillableTimeInSeconds: 1800 })) });
    const result = await h.run(sagemakerRequest({ job: { instanceType: 'ml.g5.xlarge', instanceCount: 2 } }));
    // 1800 s × 2 instances × $1.408 per instance-hour.
    expect(result.cost).toEqual({ usd: 1.41, pricePerHour: 1.408, priceSource: 'table' });
    expect(result.spotSavingsPercent).toBeUndefined();
  });

  it('uses the configured price, and reports spot savings with managed spot', async () => {
    const h = harness({
      states: lifecycle(completed(300, { TrainingTimeInSeconds: 1000, BillableTimeInSeconds: 300 })),
    });
    const result = await h.run(
      sagemakerRequest({ job: { pricePerHour: 3.6, spot: { maxWaitSeconds: 7200 }, instanceType: 'ml.c4.xlarge' } }),
    );
    expect(result.cost).toEqual({ usd: 0.3, pricePerHour: 3.6, priceSource: 'configured' });
    expect(result.spotSavingsPercent).toBe(70);
  });

  it('no estimate for a type the price table lacks, without a price, or when nothing was billed', async () => {
    const h = harness({ states: lifecycle(completed(300)) });
    expect((await h.run(sagemakerRequest({ job: { instanceType: 'ml.c4.xlarge' } }))).cost).toBeUndefined();
    const quota = harness({ states: [], createError: awsError('ResourceLimitExceeded', 400, 'limit is 0') });
    expect((await quota.run()).cost).toBeUndefined();
  });
});
