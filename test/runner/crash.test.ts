// The runner's last resort, in the real process (dist/cli.js): an error nothing caught, thrown while the job runs,
// still stops the job (nobody would watch it, and it would bill until max runtime) and writes a Failed result.json
// before the process exits 1. The error is injected from outside the code under test: a preloaded module throws from
// a SIGUSR2 listener, which Node reports as an uncaught exception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { TrainingResult } from '../../src/result.js';
import { RunnerEnv, RunnerExit } from '../../src/backends/fargate/contract.js';
import { cleanEnv, DIST, ensureBuilt, runNode } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from './aws-standin.js';
import { envelope, JOB } from './envelope.js';

const THROW_ON_SIGUSR2 =
  "data:text/javascript,process.on('SIGUSR2', () => { throw new Error('injected crash: out of luck'); });";

let aws: AwsStandin;
beforeAll(async () => {
  await ensureBuilt();
  aws = await startAwsStandin();
});
afterAll(() => aws.close());

describe('a runner that crashes mid-job', () => {
  it('stops the training job, writes a Failed result.json naming the crash, and exits 1', async () => {
    aws.job = 'hold';
    const run = runNode(['--import', THROW_ON_SIGUSR2, `${DIST}/cli.js`, 'runner'], {
      env: {
        ...cleanEnv(),
        AWS_ENDPOINT_URL: aws.endpoint,
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'not-a-secret',
        AWS_REGION: 'eu-west-1',
        [RunnerEnv.RequestJson]: JSON.stringify(envelope()),
      },
      timeoutMs: 60_000,
      onStart: (child) => {
        // Once the job exists and is being watched: the crash comes mid-wait.
        void aws.waitFor('SageMaker.DescribeTrainingJob', { timeoutMs: 30_000 }).then(() => child.kill('SIGUSR2'));
      },
    });
    const { code, stdout, stderr } = await run;
    const output = stdout + stderr;
    expect(code, output).toBe(RunnerExit.Error);
    expect(output).toContain('The runner crashed: Error: injected crash: out of luck');

    const ops = aws.ops();
    const created = ops.indexOf('SageMaker.CreateTrainingJob');
    const stop = ops.indexOf('SageMaker.StopTrainingJob');
    const write = ops.indexOf(`S3.PutObject /bucket/out/${JOB}/result.json`);
    expect(created, ops.join('\n')).toBeGreaterThanOrEqual(0);
    expect(stop, ops.join('\n')).toBeGreaterThan(created);
    expect(write, ops.join('\n')).toBeGreaterThan(stop);

    const result = JSON.parse(aws.objects.get(`bucket/out/${JOB}/result.json`) ?? '{}') as TrainingResult;
    expect(result).toMatchObject({ mode: 'fargate', jobName: JOB, status: 'Failed' });
    expect(result.failureReason).toBe(
      `The runner failed: injected crash: out of luck (training job ${JOB} was stopped)`,
    );
  });
});
