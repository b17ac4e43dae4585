// `sagemaker-train runner` through the command line's dispatch: logs on stdout (the task's awslogs stream), the
// RunnerExit code returned as the process's exit code, a stop that came during start-up honoured.
import { PassThrough } from 'node:stream';

import { PutObjectCommand } from '@aws-sdk/client-s3';
import { CreateTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { afterEach, describe, expect, it } from 'vitest';

import { helpText, runCli } from '../../src/cli.js';
import { RunnerEnv, RunnerExit } from '../../src/backends/fargate/contract.js';
import type { TrainingResult } from '../../src/result.js';
import { resetMocks, smMock } from '../backends/sagemaker/fake-aws.js';
import { envelope } from './envelope.js';
import { s3Mock } from './harness.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

afterEach(() => {
  s3Mock.reset();
  resetMocks();
});

describe('sagemaker-train runner', () => {
  it('is listed in the help with its exit codes', () => {
    expect(helpText()).toMatch(
      /sagemaker-train runner .*\n.*\n.*exit 0 completed, 10 failed, 11 stopped, 2 bad request/,
    );
  });

  it('without a request: exit 2, the reason on stdout', async () => {
    const stdout = capture();
    const stderr = capture();
    const code = await runCli(['runner'], { stdout: stdout.stream, stderr: stderr.stream, env: {}, cwd: '/' });
    expect(code).toBe(RunnerExit.BadRequest);
    expect(stdout.text()).toContain('error: Neither TRAINING_REQUEST_JSON nor TRAINING_REQUEST_URI is set');
    expect(stderr.text()).toBe('');
  });

  it('stopped before the job was created: nothing launched, a Stopped result.json, exit 11', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const controller = new AbortController();
    controller.abort(new Error('stopped by SIGTERM'));
    const stdout = capture();
    const code = await runCli(['runner'], {
      stdout: stdout.stream,
      stderr: capture().stream,
      env: { [RunnerEnv.RequestJson]: JSON.stringify(envelope()) },
      cwd: '/',
      signal: controller.signal,
    });
    expect(code, stdout.text()).toBe(RunnerExit.JobStopped);
    expect(smMock.commandCalls(CreateTrainingJobCommand)).toHaveLength(0);
    const put = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(put?.Key).toBe(`out/${envelope().jobName}/result.json`);
    expect((JSON.parse(put?.Body as string) as TrainingResult).status).toBe('Stopped');
  });
});
