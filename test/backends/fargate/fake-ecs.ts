// A scripted runner task behind aws-sdk-client-mock (ECS, S3, CloudWatch Logs, SageMaker) on a fake clock. The shapes
// are those the real APIs return: RunTask's tasks/failures, DescribeTasks' lastStatus/stopCode/containers, GetObject's
// NoSuchKey, GetLogEvents' forward tokens.
import {
  CloudWatchLogsClient,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  type Container,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  RunTaskCommand,
  type RunTaskCommandInput,
  StopTaskCommand,
  type StopTaskCommandInput,
  type Task,
} from '@aws-sdk/client-ecs';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  HeadObjectCommand,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
} from '@aws-sdk/client-s3';
import { SageMakerClient, StopTrainingJobCommand, type StopTrainingJobCommandInput } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';

import { modelChecked } from '../../helpers/aws-model.js';

import type { TrainingResult } from '../../../src/result.js';
// One mock per client class: SageMaker's and CloudWatch Logs' are shared with the sagemaker backend's fakes.
import { awsError, FakeClock, logsMock, smMock, T0 } from '../sagemaker/fake-aws.js';

export { awsError, FakeClock, T0 };

export const ecsMock = mockClient(ECSClient);
export const s3Mock = mockClient(S3Client);
export const cwlMock = logsMock;
export const sageMakerMock = smMock;

export const REGION = 'eu-west-1';
export const CLUSTER = 'ml-ci';
export const TASK_ID = '0123456789abcdef0123456789abcdef';
export const TASK_ARN = `arn:aws:ecs:${REGION}:123456789012:task/${CLUSTER}/${TASK_ID}`;
export const TASK_DEF_ARN = `arn:aws:ecs:${REGION}:123456789012:task-definition/sagemaker-training-runner:3`;
export const LOG_GROUP = '/ecs/sagemaker-training-runner';
export const LOG_STREAM = `runner/runner/${TASK_ID}`;

export interface TaskState {
  /** Seconds after T0 from which DescribeTasks returns this. */
  at: number;
  lastStatus: 'PROVISIONING' | 'PENDING' | 'ACTIVATING' | 'RUNNING' | 'DEACTIVATING' | 'STOPPING' | 'STOPPED';
  stopCode?: Task['stopCode'];
  stoppedReason?: string;
  containers?: Partial<Container>[];
}

export interface FargateScenario {
  /** RunTask answers in order: 'capacity' (failures[]) or 'ok'; the last one repeats. Default ['ok']. */
  runTask?: ('capacity' | 'missing-cluster' | 'ok')[];
  states: TaskState[];
  /** Runner log lines: each entry is a page readable from `at` seconds. */
  logs?: { at: number; lines: string[] }[];
  /** result.json: written at `at` seconds (undefined: never). */
  result?: { at: number; body: Partial<TrainingResult> | string; lastModified?: number };
  /** When StopTask is called: the task stops this many seconds later, and the runner writes this result (if any). */
  onStop?: { after: number; result?: Partial<TrainingResult> };
  /** The runner container's log configuration (default: awslogs with a stream prefix). */
  logConfiguration?: 'awslogs' | 'none';
  /** The task definition has a second essential container, `sidecar`. */
  sidecar?: boolean;
}

export interface FargateRecorded {
  runTasks: RunTaskCommandInput[];
  describeTimes: number[];
  stopTasks: StopTaskCommandInput[];
  stopJobs: StopTrainingJobCommandInput[];
  puts: PutObjectCommandInput[];
  /** Seconds at which result.json was asked for. */
  resultReads: number[];
}

export function runnerResult(overrides: Partial<TrainingResult> = {}): TrainingResult {
  return {
    mode: 'sagemaker',
    jobName: 'smt-42-1-abcdef',
    status: 'Completed',
    metrics: { accuracy: 0.93 },
    metricSeries: { accuracy: [{ timestamp: T0 + 200_000, value: 0.93 }] },
    modelArtifacts: 's3://bucket/out/smt-42-1-abcdef/output/model.tar.gz',
    imageUri: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:ctx-1',
    instanceType: 'ml.m5.xlarge',
    instanceCount: 1,
    startedAt: new Date(T0 + 60_000).toISOString(),
    endedAt: new Date(T0 + 290_000).toISOString(),
    durationSeconds: 230,
    trainingSeconds: 200,
    billableSeconds: 200,
    logTail: ['algo-1 | accuracy=0.93'],
    links: [{ label: 'SageMaker training job', url: 'https://example.invalid/job' }],
    ...overrides,
  };
}

function body(text: string): GetObjectCommandOutput['Body'] {
  return { transformToString: () => Promise.resolve(text) } as unknown as GetObjectCommandOutput['Body'];
}

/** Installs the scenario on the mocks; what was called, and when (fake seconds), is recorded. */
export function installFargate(clock: FakeClock, scenario: FargateScenario): FargateRecorded {
  const recorded: FargateRecorded = {
    runTasks: [],
    describeTimes: [],
    stopTasks: [],
    stopJobs: [],
    puts: [],
    resultReads: [],
  };
  const runAnswers = [...(scenario.runTask ?? ['ok'])];
  let stoppedAt: number | undefined;
  let stopResult: { at: number; body: Partial<TrainingResult> } | undefined;

  ecsMock.on(DescribeTaskDefinitionCommand).callsFake(
    modelChecked('ecs', 'DescribeTaskDefinition', () => ({
      taskDefinition: {
        taskDefinitionArn: TASK_DEF_ARN,
        family: 'sagemaker-training-runner',
        revision: 3,
        containerDefinitions: [
          {
            name: 'runner',
            essential: true,
            ...(scenario.logConfiguration === 'none'
              ? {}
              : {
                  logConfiguration: {
                    logDriver: 'awslogs',
                    options: {
                      'awslogs-group': LOG_GROUP,
                      'awslogs-region': REGION,
                      'awslogs-stream-prefix': 'runner',
                    },
                  },
                }),
          },
          ...(scenario.sidecar ? [{ name: 'sidecar', essential: true }] : []),
        ],
      },
    })),
  );
  ecsMock.on(RunTaskCommand).callsFake(
    modelChecked('ecs', 'RunTask', (input: RunTaskCommandInput) => {
      recorded.runTasks.push(input);
      const answer = runAnswers.length > 1 ? runAnswers.shift() : runAnswers[0];
      if (answer === 'capacity') {
        return {
          tasks: [],
          failures: [
            {
              arn: undefined,
              reason:
                'Capacity is unavailable at this time. Please try again later or in a different availability zone',
            },
          ],
        };
      }
      if (answer === 'missing-cluster')
        return {
          tasks: [],
          failures: [{ reason: 'MISSING', arn: `arn:aws:ecs:${REGION}:123456789012:cluster/${CLUSTER}` }],
        };
      return {
        tasks: [
          {
            taskArn: TASK_ARN,
            clusterArn: `arn:aws:ecs:${REGION}:123456789012:cluster/${CLUSTER}`,
            taskDefinitionArn: TASK_DEF_ARN,
            lastStatus: 'PROVISIONING',
            desiredStatus: 'RUNNING',
            createdAt: new Date(clock.t),
            containers: [{ name: 'runner', lastStatus: 'PENDING' }],
          },
        ],
        failures: [],
      };
    }),
  );
  const current = (): TaskState => {
    const visible = scenario.states.filter((s) => s.at <= clock.elapsed);
    let state = visible[visible.length - 1] ?? { at: 0, lastStatus: 'PROVISIONING' };
    if (
      stoppedAt !== undefined &&
      state.lastStatus !== 'STOPPED' &&
      clock.elapsed >= stoppedAt + (scenario.onStop?.after ?? 0)
    ) {
      state = {
        at: clock.elapsed,
        lastStatus: 'STOPPED',
        stopCode: 'UserInitiated',
        stoppedReason: 'cancelled',
        containers: [{ name: 'runner', exitCode: 11, runtimeId: 'r1', lastStatus: 'STOPPED' }],
      };
    }
    return state;
  };
  ecsMock.on(DescribeTasksCommand).callsFake(
    modelChecked('ecs', 'DescribeTasks', () => {
      recorded.describeTimes.push(clock.elapsed);
      const state = current();
      return {
        tasks: [
          {
            taskArn: TASK_ARN,
            lastStatus: state.lastStatus,
            desiredStatus: state.lastStatus === 'STOPPED' ? 'STOPPED' : 'RUNNING',
            createdAt: new Date(T0),
            ...(scenario.states.some((s) => s.lastStatus === 'RUNNING' && s.at <= clock.elapsed)
              ? { startedAt: new Date(T0 + 60_000) }
              : {}),
            ...(state.stopCode ? { stopCode: state.stopCode } : {}),
            ...(state.stoppedReason ? { stoppedReason: state.stoppedReason } : {}),
            containers: (state.containers ?? [{ name: 'runner', lastStatus: state.lastStatus }]).map((c) => ({
              name: 'runner',
              ...c,
            })),
          },
        ],
        failures: [],
      };
    }),
  );
  ecsMock.on(StopTaskCommand).callsFake(
    modelChecked('ecs', 'StopTask', (input: StopTaskCommandInput) => {
      recorded.stopTasks.push(input);
      stoppedAt ??= clock.elapsed;
      if (scenario.onStop?.result) stopResult = { at: clock.elapsed + 1, body: scenario.onStop.result };
      return { task: { taskArn: input.task, desiredStatus: 'STOPPED' } };
    }),
  );
  sageMakerMock.on(StopTrainingJobCommand).callsFake(
    modelChecked('sagemaker', 'StopTrainingJob', (input: StopTrainingJobCommandInput) => {
      recorded.stopJobs.push(input);
      return {};
    }),
  );

  s3Mock.on(HeadObjectCommand).rejects(awsError('NotFound', 404));
  s3Mock.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => {
    recorded.puts.push(input);
    return { ETag: '"e"' };
  });
  s3Mock.on(GetObjectCommand).callsFake(() => {
    recorded.resultReads.push(clock.elapsed);
    const written =
      stopResult ?? (scenario.result && scenario.result.at <= clock.elapsed ? scenario.result : undefined);
    if (!written) throw awsError('NoSuchKey', 404, 'The specified key does not exist.');
    const text = typeof written.body === 'string' ? written.body : JSON.stringify(runnerResult(written.body));
    const lastModified =
      'lastModified' in written && written.lastModified !== undefined ? written.lastModified : written.at;
    return { Body: body(text), LastModified: new Date(T0 + lastModified * 1000), ContentType: 'application/json' };
  });

  cwlMock.on(GetLogEventsCommand).callsFake(
    modelChecked('logs', 'GetLogEvents', (input: GetLogEventsCommandInput) => {
      if (input.logStreamName !== LOG_STREAM || input.logGroupName !== LOG_GROUP) {
        throw awsError('ResourceNotFoundException', 400, 'The specified log stream does not exist.');
      }
      const pages = (scenario.logs ?? []).filter((p) => p.at <= clock.elapsed);
      if (pages.length === 0)
        throw awsError('ResourceNotFoundException', 400, 'The specified log stream does not exist.');
      const index = input.nextToken === undefined ? 0 : Number(input.nextToken.slice(2));
      const page = pages[index];
      return {
        events: (page?.lines ?? []).map((message) => ({ message: `${message}\n`, timestamp: clock.t })),
        nextForwardToken: page ? `f/${index + 1}` : `f/${index}`,
        nextBackwardToken: 'b/0',
      };
    }),
  );
  return recorded;
}

export function resetFargateMocks(): void {
  ecsMock.reset();
  s3Mock.reset();
  cwlMock.reset();
  sageMakerMock.reset();
}

export function fargateClients(): {
  ecs: ECSClient;
  s3: S3Client;
  logs: CloudWatchLogsClient;
  sagemaker: SageMakerClient;
} {
  return {
    ecs: new ECSClient({ region: REGION }),
    s3: new S3Client({ region: REGION }),
    logs: new CloudWatchLogsClient({ region: REGION }),
    sagemaker: new SageMakerClient({ region: REGION }),
  };
}
