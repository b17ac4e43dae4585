// The runner under test: mocked AWS clients (aws-sdk-client-mock) on a fake clock, logs captured as the task's
// stdout would be, and what was written to result.json.
import { EventEmitter } from 'node:events';
import { Writable } from 'node:stream';

import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { PutObjectCommand, type PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { mockClient } from 'aws-sdk-client-mock';
import { expect } from 'vitest';

import { ConsoleLogger } from '../../src/logger.js';
import { RunnerEnv } from '../../src/backends/fargate/contract.js';
import { runRunner, type RunnerDeps } from '../../src/runner/index.js';
import type { TrainingResult } from '../../src/result.js';
import {
  FakeClock,
  installScenario,
  type JobState,
  type Recorded,
  type Scenario,
} from '../backends/sagemaker/fake-aws.js';
import { envelope, JOB } from './envelope.js';

export const s3Mock = mockClient(S3Client);

export class LogLines extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

export const completed = (at: number): JobState => ({
  at,
  status: 'Completed',
  secondary: 'Completed',
  extra: {
    FinalMetricDataList: [{ MetricName: 'accuracy', Value: 0.95, Timestamp: new Date() }],
    ModelArtifacts: { S3ModelArtifacts: `s3://bucket/out/${JOB}/output/model.tar.gz` },
    TrainingTimeInSeconds: 120,
    BillableTimeInSeconds: 120,
  },
});
export const training: JobState = { at: 0, status: 'InProgress', secondary: 'Training' };

export interface Harness {
  clock: FakeClock;
  recorded: Recorded;
  out: LogLines;
  puts: PutObjectCommandInput[];
  /** Every AWS call, in order, by command name. */
  order: string[];
  signals: EventEmitter;
  run(env: Record<string, string | undefined>, extra?: Partial<RunnerDeps>): Promise<number>;
}

export function harness(scenario: Scenario, hooks: { onPut?: () => void } = {}): Harness {
  const clock = new FakeClock();
  const recorded = installScenario(clock, scenario);
  const out = new LogLines();
  const puts: PutObjectCommandInput[] = [];
  const order: string[] = [];
  s3Mock.on(PutObjectCommand).callsFake((input: PutObjectCommandInput) => {
    order.push('PutObject');
    puts.push(input);
    hooks.onPut?.();
    return { ETag: '"1"' };
  });
  const signals = new EventEmitter();
  return {
    clock,
    recorded,
    out,
    puts,
    order,
    signals,
    run: (env, extra = {}) =>
      runRunner({
        env,
        logger: new ConsoleLogger(out, true),
        signalSource: signals,
        s3: () => Promise.resolve(new S3Client({ region: 'eu-west-1' })),
        sagemaker: () => Promise.resolve(new SageMakerClient({ region: 'eu-west-1' })),
        logs: () => Promise.resolve(new CloudWatchLogsClient({ region: 'eu-west-1' })),
        now: clock.now,
        sleep: clock.sleep,
        random: () => 0.5,
        fetch: () => Promise.reject(new Error('no metadata endpoint in tests')),
        ...extra,
      }),
  };
}

export const inline = (e: unknown = envelope()): Record<string, string> => ({
  [RunnerEnv.RequestJson]: typeof e === 'string' ? e : JSON.stringify(e),
  [RunnerEnv.RequestUri]: `s3://bucket/out/${JOB}/request.json`,
});

/** GetObject's body: the part of the SDK's stream the runner reads. */
export function body(text: string): never {
  return { transformToString: () => Promise.resolve(text) } as never;
}

export function writtenResult(h: Harness): TrainingResult {
  expect(h.puts).toHaveLength(1);
  const put = h.puts[0];
  expect(put).toMatchObject({ Bucket: 'bucket', Key: `out/${JOB}/result.json`, ContentType: 'application/json' });
  expect(typeof put?.Body).toBe('string');
  return JSON.parse(put?.Body as string) as TrainingResult;
}
