// The action's main step (dist/main.js) in sagemaker mode, run as the runner runs it, against a local stand-in for the
// SageMaker and CloudWatch Logs JSON APIs (AWS_ENDPOINT_URL): outputs, job summary and saved state of a completed job,
// and a cancelled one — SIGINT mid-wait reaches SageMaker as StopTrainingJob within 5 s and the step reports Stopped.
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import {
  cleanEnv,
  DIST,
  ensureBuilt,
  inputVariable,
  parseFileCommands,
  runAction,
  runNode,
} from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:abc';
const CONFIG = [
  'mode: sagemaker',
  'region: us-east-1',
  `image: { uri: ${IMAGE} }`,
  "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: bb }",
  'channels: { training: s3://bucket/data/ }',
  'output: s3://bucket/models/',
  "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
  '',
].join('\n');

let aws: AwsStandin | undefined;

beforeAll(() => ensureBuilt(), 120_000);

afterEach(async () => {
  await aws?.close();
  aws = undefined;
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-sm-main-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), CONFIG);
  return dir;
}

describe('dist/main.js in sagemaker mode', () => {
  it('creates the job, follows it to Completed, and writes outputs, summary and state', async () => {
    aws = await startAwsStandin({ job: 'completes' });
    const run = await runAction('main', { workspace: await workspace(), env: aws.env, timeoutMs: 60_000 });
    expect(run.code, run.stdout + run.stderr).toBe(0);

    const create = aws.callsTo('CreateTrainingJob');
    expect(create).toHaveLength(1);
    const jobName = String(create[0]?.body.TrainingJobName);
    expect(jobName).toMatch(/^bb-/);
    expect(create[0]?.body).toMatchObject({
      AlgorithmSpecification: { TrainingImage: IMAGE, MetricDefinitions: [{ Name: 'accuracy' }] },
      OutputDataConfig: { S3OutputPath: 's3://bucket/models/' },
      ResourceConfig: { InstanceType: 'ml.g5.xlarge', InstanceCount: 1 },
    });
    expect(aws.callsTo('StopTrainingJob')).toEqual([]);

    expect(run.outputs).toMatchObject({
      status: 'Completed',
      'job-name': jobName,
      'model-artifacts': `s3://bucket/models/${jobName}/output/model.tar.gz`,
      'image-uri': IMAGE,
      'image-built': 'false',
    });
    // The service's final value wins over the last log line's.
    expect(JSON.parse(run.outputs.metrics ?? '')).toEqual({ accuracy: 0.93 });
    expect(run.state).toMatchObject({ 'job-name': jobName, 'sagemaker-region': 'us-east-1', finished: 'true' });
    expect(run.summary).toMatch(/^## ✅ (Training completed|Gate passed)/);
    expect(run.summary).toContain(`- **Job:** \`${jobName}\``);
    expect(run.summary).toContain('accuracy');
    expect(run.stdout).toContain('algo-1 | epoch=2 accuracy=0.88');
    expect(run.stdout).toMatch(/Starting: Launching requested ML instances/);

    // The post step sees a finished main step: it stops nothing.
    const post = await runAction('post', { workspace: await workspace(), state: run.state, env: aws.env });
    expect(post.code, post.stdout).toBe(0);
    expect(aws.callsTo('StopTrainingJob')).toEqual([]);
  }, 60_000);

  it('stops the job within 5 s of SIGINT mid-wait, exits, and reports Stopped', async () => {
    const standin = await startAwsStandin({ job: 'runs-until-stopped' });
    aws = standin;
    // Run as runAction does, but holding the process so SIGINT can come once the job is being waited on.
    const files = await mkdtemp(join(tmpdir(), 'smt-runner-'));
    onTestFinished(() => rm(files, { recursive: true, force: true }));
    const paths = {
      GITHUB_OUTPUT: join(files, 'output'),
      GITHUB_STATE: join(files, 'state'),
      GITHUB_STEP_SUMMARY: join(files, 'summary.md'),
      GITHUB_ENV: join(files, 'env'),
      GITHUB_EVENT_PATH: join(files, 'event.json'),
    };
    for (const path of Object.values(paths)) await writeFile(path, '');
    await writeFile(paths.GITHUB_EVENT_PATH, '{}');
    const ws = await workspace();
    let child: ChildProcess | undefined;
    const exited = runNode([join(DIST, 'main.js')], {
      cwd: ws,
      timeoutMs: 60_000,
      onStart: (c) => (child = c),
      env: {
        ...cleanEnv(),
        ...paths,
        ...standin.env,
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ws,
        RUNNER_TEMP: files,
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_RUN_ID: '4343',
        GITHUB_RUN_ATTEMPT: '1',
        GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
        GITHUB_EVENT_NAME: 'push',
        // No token: this test is about AWS, and nothing may wait on GitHub.
        [inputVariable('config')]: '.github/sagemaker-training.yml',
      },
    });

    // The job is InProgress and its logs are being read: the step is in its wait loop.
    await standin.waitForCall('DescribeTrainingJob', 30_000);
    await standin.waitForCall('GetLogEvents', 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(standin.callsTo('StopTrainingJob')).toEqual([]);
    const sentAt = Date.now();
    child?.kill('SIGINT');
    const stop = await standin.waitForCall('StopTrainingJob', 5_000);
    expect(stop.at - sentAt).toBeLessThanOrEqual(5_000);

    const run = await exited;
    const jobName = String(standin.callsTo('CreateTrainingJob')[0]?.body.TrainingJobName);
    expect(stop.body).toEqual({ TrainingJobName: jobName });
    expect(run.signal, run.stdout).toBeNull();
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toContain('Received SIGINT: stopping the training job');
    expect(run.stdout).toMatch(new RegExp(`::error::Training job ${jobName} was stopped`));

    const outputs = parseFileCommands(await readFile(paths.GITHUB_OUTPUT, 'utf8'));
    expect(outputs).toMatchObject({ status: 'Stopped', 'job-name': jobName, 'model-artifacts': '' });
    expect(outputs['failure-reason']).toMatch(/cancelled/);
    const state = parseFileCommands(await readFile(paths.GITHUB_STATE, 'utf8'));
    expect(state).toMatchObject({ 'job-name': jobName, 'sagemaker-region': 'us-east-1', finished: 'true' });
    const summary = await readFile(paths.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toMatch(/^## ⏹️ Training stopped: /);
    expect(summary).toContain(`- **Job:** \`${jobName}\``);
    expect(summary).toMatch(/- \*\*Status:\*\* Stopped/);
    expect(standin.callsTo('StopTrainingJob')).toHaveLength(1);
  }, 60_000);
});
