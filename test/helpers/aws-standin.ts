// A local HTTP stand-in for the SageMaker and CloudWatch Logs JSON APIs (awsJson 1.1: POST /, X-Amz-Target names the
// operation), selected with AWS_ENDPOINT_URL as a user would point the SDK elsewhere. One training job: it completes
// at the first look, or runs until StopTrainingJob (then Stopping, then Stopped). Every call is recorded with its time.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { checkAnswer, refuseInvalidRequest } from './aws-model.js';
import { createEcsStandin, type EcsStandin } from './ecs-standin.js';
import { createModelRegistry, type ModelRegistryStandin } from './model-registry-standin.js';
import { createS3Standin, type S3Standin } from './s3-rest-standin.js';

export interface AwsCall {
  /** `SageMaker.CreateTrainingJob`, `Logs_20140328.GetLogEvents`, … */
  target: string;
  /** The operation alone: `CreateTrainingJob`. */
  operation: string;
  body: Record<string, unknown>;
  /** Date.now() when the request arrived. */
  at: number;
}

export interface AwsStandinOptions {
  /** `completes`: Completed at the first DescribeTrainingJob. `runs-until-stopped`: InProgress until stopped. */
  job?: 'completes' | 'runs-until-stopped';
  /** The one host's log lines (stream `<job>/algo-1-1700000000`), all on the first page. */
  logLines?: string[];
  /** The final metrics DescribeTrainingJob reports once the job completed. */
  finalMetrics?: Record<string, number>;
  region?: string;
}

export interface AwsStandin {
  endpoint: string;
  /** Every call, S3's too (target `S3.<operation>`, body `{ bucket, key, status }`). */
  calls: AwsCall[];
  /** S3 (test/helpers/s3-standin.ts): bucket `bucket`, its objects and access policy. */
  s3: S3Standin;
  /** ECS for the Fargate runner (test/helpers/ecs-standin.ts): the tasks RunTask started. */
  ecs: EcsStandin;
  /** SageMaker's model registry (test/helpers/model-registry-standin.ts): groups and versioned packages. */
  registry: ModelRegistryStandin;
  /** What a process needs to use the stand-in: endpoint, fake credentials, no instance metadata lookups. */
  env: Record<string, string>;
  callsTo(operation: string): AwsCall[];
  /** Resolves with the first call of `operation` (already made or still to come); rejects after timeoutMs. */
  waitForCall(operation: string, timeoutMs: number): Promise<AwsCall>;
  close(): Promise<void>;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const DEFAULT_LOG_LINES = ['epoch=1 accuracy=0.71', 'epoch=2 accuracy=0.88'];

export async function startAwsStandin(options: AwsStandinOptions = {}): Promise<AwsStandin> {
  const mode = options.job ?? 'completes';
  const region = options.region ?? 'us-east-1';
  const logLines = options.logLines ?? DEFAULT_LOG_LINES;
  const finalMetrics = options.finalMetrics ?? { accuracy: 0.93 };
  const calls: AwsCall[] = [];
  const waiters: { operation: string; resolve: (call: AwsCall) => void }[] = [];
  const s3 = createS3Standin({
    onCall: (c) =>
      calls.push({
        target: `S3.${c.operation}`,
        operation: c.operation,
        body: { bucket: c.bucket, key: c.key, status: c.status },
        at: c.at,
      }),
  });
  const ecs = createEcsStandin(region);
  const registry = createModelRegistry({ region });
  const created = Date.now() / 1000;
  /** Describes answered since StopTrainingJob: the first says Stopping, later ones Stopped. */
  let describesSinceStop: number | undefined;

  const arn = (job: string): string => `arn:aws:sagemaker:${region}:123456789012:training-job/${job}`;

  function describe(job: string): { status: number; body: unknown } {
    const now = Date.now() / 1000;
    const transitions: Record<string, unknown>[] = [
      { Status: 'Starting', StartTime: created, StatusMessage: 'Launching requested ML instances' },
    ];
    const common = {
      TrainingJobName: job,
      TrainingJobArn: arn(job),
      CreationTime: created,
      AlgorithmSpecification: { TrainingImage: 'x', TrainingInputMode: 'File' },
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
      ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    };
    if (mode === 'completes') {
      // SageMaker uploads /opt/ml/model and /opt/ml/output/data before it reports Completed.
      if (s3.buckets.has('bucket') && s3.text('bucket', `models/${job}/output/model.tar.gz`) === undefined) {
        s3.put('bucket', `models/${job}/output/model.tar.gz`, `model of ${job}`);
        s3.put('bucket', `models/${job}/output/output.tar.gz`, `output of ${job}`);
      }
      transitions.push({ Status: 'Completed', StartTime: now - 5, StatusMessage: 'Training job completed' });
      return {
        status: 200,
        body: {
          ...common,
          TrainingJobStatus: 'Completed',
          SecondaryStatus: 'Completed',
          CreationTime: now - 100,
          TrainingStartTime: now - 90,
          TrainingEndTime: now - 5,
          TrainingTimeInSeconds: 85,
          BillableTimeInSeconds: 85,
          ModelArtifacts: { S3ModelArtifacts: `s3://bucket/models/${job}/output/model.tar.gz` },
          FinalMetricDataList: Object.entries(finalMetrics).map(([MetricName, Value]) => ({
            MetricName,
            Value,
            Timestamp: now - 6,
          })),
          SecondaryStatusTransitions: [
            { Status: 'Starting', StartTime: now - 100, StatusMessage: 'Launching requested ML instances' },
            ...transitions.slice(1),
          ],
        },
      };
    }
    transitions.push({ Status: 'Training', StartTime: created, StatusMessage: 'Training in progress.' });
    if (describesSinceStop === undefined) {
      return {
        status: 200,
        body: {
          ...common,
          TrainingJobStatus: 'InProgress',
          SecondaryStatus: 'Training',
          SecondaryStatusTransitions: transitions,
        },
      };
    }
    const stopped = describesSinceStop++ > 0;
    transitions.push({ Status: 'Stopping', StartTime: now, StatusMessage: 'Stopping the training job' });
    if (stopped) transitions.push({ Status: 'Stopped', StartTime: now, StatusMessage: 'Training job stopped' });
    return {
      status: 200,
      body: {
        ...common,
        TrainingJobStatus: stopped ? 'Stopped' : 'Stopping',
        SecondaryStatus: stopped ? 'Stopped' : 'Stopping',
        SecondaryStatusTransitions: transitions,
      },
    };
  }

  function answer(call: AwsCall): { status: number; body: unknown } {
    const job = text(call.body.TrainingJobName);
    switch (call.target) {
      case 'SageMaker.CreateTrainingJob':
        return { status: 200, body: { TrainingJobArn: arn(job) } };
      case 'SageMaker.DescribeTrainingJob':
        return describe(job);
      case 'SageMaker.StopTrainingJob':
        if (mode === 'completes') {
          return {
            status: 400,
            body: {
              __type: 'ValidationException',
              message: `The request was rejected because the training job is in status Completed.`,
            },
          };
        }
        describesSinceStop ??= 0;
        return { status: 200, body: {} };
      case 'Logs_20140328.DescribeLogStreams': {
        const prefix = text(call.body.logStreamNamePrefix);
        return { status: 200, body: { logStreams: [{ logStreamName: `${prefix}algo-1-1700000000` }] } };
      }
      case 'Logs_20140328.GetLogEvents': {
        // One page of lines, then the same forward token: the stream is drained.
        if (call.body.nextToken === 'f/1') return { status: 200, body: { events: [], nextForwardToken: 'f/1' } };
        const events = logLines.map((message, i) => ({
          timestamp: Date.now() - 1000 + i,
          message,
          ingestionTime: Date.now(),
        }));
        return { status: 200, body: { events, nextForwardToken: 'f/1', nextBackwardToken: 'b/0' } };
      }
      default:
        return (
          ecs.answer(call.target, call.body) ??
          (call.target.startsWith('SageMaker.') ? registry.answer(call.operation, call.body) : undefined) ?? {
            status: 400,
            body: { __type: 'UnknownOperationException', message: call.target },
          }
        );
    }
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      // S3's REST requests carry no X-Amz-Target.
      if (req.headers['x-amz-target'] === undefined) return s3.handle(req, Buffer.concat(chunks), res);
      const raw = Buffer.concat(chunks).toString('utf8');
      const target = String(req.headers['x-amz-target'] ?? '');
      const call: AwsCall = {
        target,
        operation: target.slice(target.indexOf('.') + 1),
        body: JSON.parse(raw || '{}') as Record<string, unknown>,
        at: Date.now(),
      };
      calls.push(call);
      const refusal = refuseInvalidRequest(target, call.body);
      const { status, body } = refusal ? { status: 400, body: refusal } : answer(call);
      checkAnswer(target, status, body);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
      for (const waiter of waiters.filter((w) => w.operation === call.operation)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(call);
      }
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    endpoint,
    calls,
    s3,
    ecs,
    registry,
    env: {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'not-a-secret',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    callsTo: (operation) => calls.filter((c) => c.operation === operation),
    waitForCall(operation, timeoutMs) {
      const made = calls.find((c) => c.operation === operation);
      if (made) return Promise.resolve(made);
      return new Promise((resolve, reject) => {
        const waiter = {
          operation,
          resolve: (call: AwsCall) => {
            clearTimeout(timer);
            resolve(call);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(
            new Error(
              `no ${operation} call within ${timeoutMs} ms (calls: ${calls.map((c) => c.operation).join(', ')})`,
            ),
          );
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
