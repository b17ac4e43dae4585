// sagemaker mode through the built CLI, against a local stand-in for the SageMaker and CloudWatch Logs JSON APIs
// (selected with AWS_ENDPOINT_URL, as a user would point the SDK elsewhere): the job is created from the
// configuration, watched, its logs read, and its result reported. Proves the bundled SDK clients work from dist/.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TrainingResult } from '../../src/result.js';
import { ensureBuilt, runCliProcess } from '../helpers/actions-env.js';

interface AwsCall {
  target: string;
  body: Record<string, unknown>;
}

const calls: AwsCall[] = [];
let server: Server;
let endpoint: string;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function answer(call: AwsCall): { status: number; body: unknown } {
  const now = Date.now() / 1000;
  const job = text(call.body.TrainingJobName);
  switch (call.target) {
    case 'SageMaker.CreateTrainingJob':
      return { status: 200, body: { TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${job}` } };
    case 'SageMaker.DescribeTrainingJob':
      return {
        status: 200,
        body: {
          TrainingJobName: job,
          TrainingJobArn: `arn:aws:sagemaker:us-east-1:123456789012:training-job/${job}`,
          TrainingJobStatus: 'Completed',
          SecondaryStatus: 'Completed',
          CreationTime: now - 100,
          TrainingStartTime: now - 90,
          TrainingEndTime: now - 5,
          TrainingTimeInSeconds: 85,
          BillableTimeInSeconds: 85,
          ModelArtifacts: { S3ModelArtifacts: `s3://bucket/models/${job}/output/model.tar.gz` },
          FinalMetricDataList: [{ MetricName: 'accuracy', Value: 0.93, Timestamp: now - 6 }],
          SecondaryStatusTransitions: [
            { Status: 'Starting', StartTime: now - 100, StatusMessage: 'Launching requested ML instances' },
            { Status: 'Completed', StartTime: now - 5, StatusMessage: 'Training job completed' },
          ],
          AlgorithmSpecification: { TrainingImage: 'x', TrainingInputMode: 'File' },
          RoleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
          ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
          StoppingCondition: { MaxRuntimeInSeconds: 3600 },
        },
      };
    case 'Logs_20140328.DescribeLogStreams': {
      const prefix = text(call.body.logStreamNamePrefix);
      return { status: 200, body: { logStreams: [{ logStreamName: `${prefix}algo-1-1700000000` }] } };
    }
    case 'Logs_20140328.GetLogEvents': {
      // One page of lines, then the same forward token: the stream is drained.
      if (call.body.nextToken === 'f/1') return { status: 200, body: { events: [], nextForwardToken: 'f/1' } };
      const events = ['epoch=1 accuracy=0.71', 'epoch=2 accuracy=0.88'].map((message, i) => ({
        timestamp: Date.now() - 1000 + i,
        message,
        ingestionTime: Date.now(),
      }));
      return { status: 200, body: { events, nextForwardToken: 'f/1', nextBackwardToken: 'b/0' } };
    }
    default:
      return { status: 400, body: { __type: 'UnknownOperationException', message: call.target } };
  }
}

beforeAll(async () => {
  await ensureBuilt();
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const call = {
        target: String(req.headers['x-amz-target'] ?? ''),
        body: JSON.parse(raw || '{}') as Record<string, unknown>,
      };
      calls.push(call);
      const { status, body } = answer(call);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('dist/cli.js in sagemaker mode', () => {
  it('creates the job from the configuration, follows it and its logs, and reports the result', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-sm-'));
    await mkdir(join(ws, '.github'));
    await writeFile(
      join(ws, '.github', 'sagemaker-training.yml'),
      [
        'mode: sagemaker',
        'region: us-east-1',
        'image: { uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1 }',
        "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: iris }",
        'channels: { training: s3://bucket/data/ }',
        'output: s3://bucket/models/',
        'hyperparameters: { epochs: 10, eta: 0.05 }',
        "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
        '',
      ].join('\n'),
    );
    const run = await runCliProcess(['run', '--json'], {
      cwd: ws,
      env: { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'not-a-secret' },
      timeoutMs: 60_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as TrainingResult;
    expect(result).toMatchObject({
      mode: 'sagemaker',
      status: 'Completed',
      instanceType: 'ml.g5.xlarge',
      modelArtifacts: `s3://bucket/models/${result.jobName}/output/model.tar.gz`,
      billableSeconds: 85,
    });
    // The service's final value wins; the series comes from the job's log lines.
    expect(result.metrics.accuracy).toBe(0.93);
    expect(result.metricSeries.accuracy?.map((p) => p.value)).toEqual([0.71, 0.88]);
    expect(run.stderr).toContain('algo-1 | epoch=2 accuracy=0.88');
    expect(run.stderr).toMatch(/Starting: Launching requested ML instances/);

    const create = calls.find((c) => c.target === 'SageMaker.CreateTrainingJob');
    expect(create?.body).toMatchObject({
      TrainingJobName: result.jobName,
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
      AlgorithmSpecification: {
        TrainingImage: '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1',
        MetricDefinitions: [{ Name: 'accuracy', Regex: 'accuracy=([0-9.]+)' }],
      },
      HyperParameters: { epochs: '10', eta: '0.05' },
      OutputDataConfig: { S3OutputPath: 's3://bucket/models/' },
      ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1 },
    });
    expect(calls.filter((c) => c.target === 'SageMaker.DescribeTrainingJob').length).toBeGreaterThan(0);
  }, 60_000);
});
