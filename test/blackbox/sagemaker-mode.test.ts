// sagemaker mode through the built CLI, against a local stand-in for the SageMaker and CloudWatch Logs JSON APIs
// (selected with AWS_ENDPOINT_URL, as a user would point the SDK elsewhere): the job is created from the
// configuration, watched, its logs read, and its result reported. Proves the bundled SDK clients work from dist/.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import type { TrainingResult } from '../../src/result.js';
import { ensureBuilt, runCliProcess } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';

let aws: AwsStandin;

beforeAll(async () => {
  await ensureBuilt();
  aws = await startAwsStandin({ job: 'completes' });
}, 120_000);

afterAll(() => aws.close());

describe('dist/cli.js in sagemaker mode', () => {
  it('creates the job from the configuration, follows it and its logs, and reports the result', async () => {
    const ws = await mkdtemp(join(tmpdir(), 'smt-bb-sm-'));
    onTestFinished(() => rm(ws, { recursive: true, force: true }));
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
      env: aws.env,
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

    const create = aws.callsTo('CreateTrainingJob')[0];
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
    expect(aws.callsTo('DescribeTrainingJob').length).toBeGreaterThan(0);
  }, 60_000);
});
