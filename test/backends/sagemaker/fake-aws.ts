// A scripted SageMaker job and its CloudWatch logs behind aws-sdk-client-mock, on a fake clock: runs take no time.
import {
  CloudWatchLogsClient,
  DescribeLogStreamsCommand,
  type DescribeLogStreamsCommandInput,
  GetLogEventsCommand,
  type GetLogEventsCommandInput,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  CreateTrainingJobCommand,
  type CreateTrainingJobCommandInput,
  DescribeTrainingJobCommand,
  type DescribeTrainingJobCommandOutput,
  ListTagsCommand,
  SageMakerClient,
  StopTrainingJobCommand,
} from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';

import { modelChecked } from '../../helpers/aws-model.js';

import { abortError } from '../../../src/wait/abortable.js';

export const smMock = mockClient(SageMakerClient);
export const logsMock = mockClient(CloudWatchLogsClient);

export const T0 = Date.parse('2026-03-01T12:00:00Z');

/** A clock whose sleep advances time at once. `onSleep` runs after each advance (to abort, or change the script). */
export class FakeClock {
  t = T0;
  onSleep?: (t: number) => void;
  readonly now = (): Date => new Date(this.t);
  readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    this.t += ms;
    this.onSleep?.(this.t);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return Promise.resolve();
  };
  /** Seconds since T0. */
  get elapsed(): number {
    return (this.t - T0) / 1000;
  }
}

export function awsError(name: string, status = 400, message = name): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
  });
}

export interface JobState {
  /** Seconds after T0 from which DescribeTrainingJob returns this. */
  at: number;
  status: 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
  secondary: string;
  message?: string;
  extra?: Partial<DescribeTrainingJobCommandOutput>;
}

export interface LogPage {
  /** Seconds after T0 from which this page can be read; its stream exists from its first page on. */
  at: number;
  stream: string;
  /** An empty array is an empty page in the middle of the stream. */
  lines: string[];
}

export interface Scenario {
  states: JobState[];
  /** States of other jobs by name (a capacity retry's new name); a job not listed here follows `states`. */
  jobs?: Record<string, JobState[]>;
  logs?: LogPage[];
  /** Thrown by successive DescribeTrainingJob calls before the script answers (undefined: answer). */
  describeErrors?: (Error | undefined)[];
  /** Thrown by successive DescribeLogStreams calls. */
  logErrors?: (Error | undefined)[];
  createError?: Error;
  /** Tags ListTags returns. */
  tags?: Record<string, string>;
}

export interface Recorded {
  describeTimes: number[];
  stopTimes: number[];
  created: CreateTrainingJobCommandInput[];
}

/** Installs the scenario on the mocks; what was called, and when (fake seconds), is recorded. */
export function installScenario(clock: FakeClock, scenario: Scenario): Recorded {
  const recorded: Recorded = { describeTimes: [], stopTimes: [], created: [] };
  const describeErrors = [...(scenario.describeErrors ?? [])];
  const logErrors = [...(scenario.logErrors ?? [])];
  let stopped: number | undefined;

  smMock.on(CreateTrainingJobCommand).callsFake(
    modelChecked('sagemaker', 'CreateTrainingJob', (input: CreateTrainingJobCommandInput) => {
      recorded.created.push(input);
      if (scenario.createError) throw scenario.createError;
      return { TrainingJobArn: `arn:aws:sagemaker:eu-west-1:123456789012:training-job/${input.TrainingJobName}` };
    }),
  );
  smMock.on(ListTagsCommand).callsFake(
    modelChecked('sagemaker', 'ListTags', () => ({
      Tags: Object.entries(scenario.tags ?? {}).map(([Key, Value]) => ({ Key, Value })),
    })),
  );
  smMock.on(StopTrainingJobCommand).callsFake(
    modelChecked('sagemaker', 'StopTrainingJob', () => {
      recorded.stopTimes.push(clock.elapsed);
      stopped ??= clock.elapsed;
      return {};
    }),
  );
  smMock.on(DescribeTrainingJobCommand).callsFake(
    modelChecked('sagemaker', 'DescribeTrainingJob', (input: { TrainingJobName: string }) => {
      recorded.describeTimes.push(clock.elapsed);
      const err = describeErrors.shift();
      if (err) throw err;
      const states = scenario.jobs?.[input.TrainingJobName] ?? scenario.states;
      const visible = states.filter((s) => s.at <= clock.elapsed);
      const transitions = visible.map((s) => ({
        Status: s.secondary,
        StatusMessage: s.message,
        StartTime: new Date(T0 + s.at * 1000),
      }));
      let current = visible[visible.length - 1] ?? { at: 0, status: 'InProgress', secondary: 'Starting' };
      if (stopped !== undefined && current.status === 'InProgress') {
        current = { at: stopped, status: 'Stopping', secondary: 'Stopping' };
      }
      return {
        TrainingJobName: input.TrainingJobName,
        TrainingJobArn: `arn:aws:sagemaker:eu-west-1:123456789012:training-job/${input.TrainingJobName}`,
        TrainingJobStatus: current.status,
        SecondaryStatus: current.secondary,
        SecondaryStatusTransitions: transitions,
        ...current.extra,
      };
    }),
  );

  const pagesOf = (stream: string): LogPage[] =>
    (scenario.logs ?? []).filter((p) => p.stream === stream && p.at <= clock.elapsed);
  logsMock.on(DescribeLogStreamsCommand).callsFake(
    modelChecked('logs', 'DescribeLogStreams', (input: DescribeLogStreamsCommandInput) => {
      const err = logErrors.shift();
      if (err) throw err;
      const names = [...new Set((scenario.logs ?? []).filter((p) => p.at <= clock.elapsed).map((p) => p.stream))]
        .filter((n) => n.startsWith(input.logStreamNamePrefix ?? ''))
        .sort();
      if (names.length === 0)
        throw awsError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
      const start = input.nextToken ? Number(input.nextToken) : 0;
      return {
        logStreams: names.slice(start, start + 50).map((logStreamName) => ({ logStreamName })),
        ...(start + 50 < names.length ? { nextToken: String(start + 50) } : {}),
      };
    }),
  );
  logsMock.on(GetLogEventsCommand).callsFake(
    modelChecked('logs', 'GetLogEvents', (input: GetLogEventsCommandInput) => {
      const pages = pagesOf(input.logStreamName as string);
      const index = input.nextToken === undefined ? 0 : Number(input.nextToken.slice(1));
      const page = pages[index];
      return {
        events: (page?.lines ?? []).map((message) => ({ message: `${message}\n`, timestamp: clock.t })),
        nextForwardToken: page ? `f${index + 1}` : `f${index}`,
      };
    }),
  );
  return recorded;
}

export function resetMocks(): void {
  smMock.reset();
  logsMock.reset();
}

export function clients(): { sagemaker: SageMakerClient; logs: CloudWatchLogsClient } {
  return {
    sagemaker: new SageMakerClient({ region: 'eu-west-1' }),
    logs: new CloudWatchLogsClient({ region: 'eu-west-1' }),
  };
}
