// `sagemaker-train runner` as a whole, with the AWS clients mocked at their boundary and a fake clock: where the
// envelope comes from, what is launched, what result.json says, and the exit code of each ending.
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { StopTrainingJobCommand } from '@aws-sdk/client-sagemaker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ENVELOPE_VERSION, RunnerEnv, RunnerExit, type RunnerEnvelope } from '../../src/backends/fargate/contract.js';
import { exitCodeOf } from '../../src/runner/index.js';
import { awsError, resetMocks, smMock } from '../backends/sagemaker/fake-aws.js';
import { envelope, GITHUB_ENV, IMAGE, JOB } from './envelope.js';
import { body, completed, harness, inline, s3Mock, training, writtenResult } from './harness.js';

beforeEach(() => {
  s3Mock.reset();
  resetMocks();
});
afterEach(() => {
  s3Mock.reset();
  resetMocks();
});

describe('exitCodeOf', () => {
  it.each([
    ['Completed', RunnerExit.Completed],
    ['Failed', RunnerExit.JobFailed],
    ['Stopped', RunnerExit.JobStopped],
    ['InProgress', RunnerExit.Error],
  ] as const)('%s → %i', (status, code) => {
    expect(exitCodeOf({ status })).toBe(code);
  });
});

describe('runner: a job that completes', () => {
  it('runs the inline request on SageMaker as the action named it, writes result.json and exits 0', async () => {
    const h = harness({
      states: [training, completed(60)],
      logs: [{ at: 10, stream: `${JOB}/algo-1-1`, lines: ['accuracy=0.91'] }],
    });
    const code = await h.run(inline());
    expect(code, h.out.text).toBe(RunnerExit.Completed);
    // The inline request needs no GetObject.
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
    expect(h.recorded.created).toHaveLength(1);
    const created = h.recorded.created[0];
    expect(created).toMatchObject({
      TrainingJobName: JOB,
      AlgorithmSpecification: { TrainingImage: IMAGE },
      OutputDataConfig: { S3OutputPath: 's3://bucket/out/' },
    });
    // The job's tags tie it to the workflow run that started the task.
    expect(created?.Tags).toEqual(
      expect.arrayContaining([
        { Key: 'sagemaker-train:repository', Value: GITHUB_ENV.GITHUB_REPOSITORY },
        { Key: 'sagemaker-train:run', Value: '42-1' },
      ]),
    );
    const result = writtenResult(h);
    expect(result).toMatchObject({
      mode: 'fargate',
      jobName: JOB,
      status: 'Completed',
      imageUri: IMAGE,
      imageTag: 'ctx-0123456789ab',
      imageBuilt: true,
      metrics: { accuracy: 0.95 },
      modelArtifacts: `s3://bucket/out/${JOB}/output/model.tar.gz`,
    });
    expect(result.metricSeries.accuracy?.map((p) => p.value)).toEqual([0.91]);
    // The job's log lines reach stdout (the task's awslogs stream).
    expect(h.out.text).toContain('algo-1 | accuracy=0.91');
    expect(h.out.text).toContain(`Result written to s3://bucket/out/${JOB}/result.json`);
  });

  it('reads request.json from S3 at TRAINING_REQUEST_URI when it is not inline', async () => {
    const h = harness({ states: [completed(0)] });
    s3Mock.on(GetObjectCommand).callsFake(() => {
      h.order.push('GetObject');
      return { Body: body(JSON.stringify(envelope())), ContentLength: 10 };
    });
    const code = await h.run({
      [RunnerEnv.RequestUri]: `s3://bucket/out/${JOB}/request.json`,
      AWS_REGION: 'eu-west-1',
    });
    expect(code, h.out.text).toBe(RunnerExit.Completed);
    expect(s3Mock.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: 'bucket',
      Key: `out/${JOB}/request.json`,
    });
    expect(h.recorded.created[0]?.TrainingJobName).toBe(JOB);
    expect(writtenResult(h).status).toBe('Completed');
  });

  it('adds its own task ARN from the ECS metadata endpoint', async () => {
    const h = harness({ states: [completed(0)] });
    const arn = 'arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/0123456789abcdef';
    const code = await h.run(
      { ...inline(), ECS_CONTAINER_METADATA_URI_V4: 'http://169.254.170.2/v4/abc' },
      {
        fetch: (url) => {
          expect(url).toBe('http://169.254.170.2/v4/abc/task');
          return Promise.resolve(new Response(JSON.stringify({ TaskARN: arn })));
        },
      },
    );
    expect(code).toBe(0);
    expect(writtenResult(h).taskArn).toBe(arn);
  });
});

describe('runner: a bad request launches nothing and exits 2', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    ['no variable', {}, /Neither TRAINING_REQUEST_JSON nor TRAINING_REQUEST_URI is set/],
    ['not JSON', inline('{"version": 1,'), /TRAINING_REQUEST_JSON is not valid JSON/],
    ['another version', inline({ ...envelope(), version: 2 }), /envelope version 2; this runner reads version 1/],
    ['a bad job name', inline(envelope({ jobName: 'bad_name' })), /jobName must be a SageMaker job name/],
    [
      'a local channel',
      inline(
        envelope({
          request: {
            ...envelope().request,
            channels: [{ ...envelope().request.channels[0]!, source: { kind: 'local', path: '/data' } }],
          },
        }),
      ),
      /request.channels\[0\] must read from S3/,
    ],
    [
      'no role',
      inline(
        envelope({
          request: {
            ...envelope().request,
            job: { ...envelope().request.job, roleArn: undefined as unknown as string },
          },
        }),
      ),
      /job.role-arn is required/,
    ],
    [
      'a bad report',
      inline(envelope({ report: { apiUrl: 'api.github.com' } as unknown as RunnerEnvelope['report'] })),
      /report.apiUrl must be an http\(s\) URL/,
    ],
    ['a bad URI', { [RunnerEnv.RequestUri]: 'https://bucket/request.json' }, /TRAINING_REQUEST_URI must be an S3 URI/],
  ];
  it.each(cases)('%s', async (_name, env, message) => {
    const h = harness({ states: [completed(0)] });
    const code = await h.run(env);
    expect(code).toBe(RunnerExit.BadRequest);
    expect(h.out.text).toMatch(message);
    expect(h.out.text).toContain('Nothing was launched.');
    expect(h.recorded.created).toHaveLength(0);
    expect(h.puts).toHaveLength(0);
  });

  it('an object S3 cannot give (NoSuchKey) names the URI and the permission', async () => {
    const h = harness({ states: [completed(0)] });
    s3Mock.on(GetObjectCommand).rejects(awsError('NoSuchKey', 404, 'The specified key does not exist.'));
    const code = await h.run({ [RunnerEnv.RequestUri]: 's3://bucket/out/x/request.json', AWS_REGION: 'eu-west-1' });
    expect(code).toBe(RunnerExit.BadRequest);
    expect(h.out.text).toMatch(/Could not read the request s3:\/\/bucket\/out\/x\/request.json \(The specified key/);
    expect(h.out.text).toContain('s3:GetObject');
    expect(h.recorded.created).toHaveLength(0);
  });

  it('the envelope version is the one the contract names', () => {
    expect(ENVELOPE_VERSION).toBe(1);
  });
});

describe('runner: endings other than Completed', () => {
  it('a failed job: result.json says why, exit 10', async () => {
    const h = harness({
      states: [
        training,
        { at: 30, status: 'Failed', secondary: 'Failed', extra: { FailureReason: 'AlgorithmError: boom' } },
      ],
    });
    const code = await h.run(inline());
    expect(code).toBe(RunnerExit.JobFailed);
    expect(writtenResult(h)).toMatchObject({
      status: 'Failed',
      mode: 'fargate',
    });
    expect(writtenResult(h).failureReason).toContain('boom');
  });

  it('an error the run cannot survive (CreateTrainingJob denied): a Failed result.json, exit 1', async () => {
    const h = harness({
      states: [completed(0)],
      createError: awsError('AccessDeniedException', 400, 'not authorized to perform: sagemaker:CreateTrainingJob'),
    });
    const code = await h.run(inline());
    expect(code).toBe(RunnerExit.Error);
    const result = writtenResult(h);
    expect(result).toMatchObject({ status: 'Failed', jobName: JOB, mode: 'fargate', imageUri: IMAGE });
    expect(result.failureReason).toMatch(/^The runner failed: CreateTrainingJob .* not authorized/);
  });

  it('result.json that cannot be written: exit 1, and the result is printed instead', async () => {
    const h = harness({ states: [completed(0)] });
    s3Mock.on(PutObjectCommand).rejects(awsError('AccessDenied', 403, 'Access Denied'));
    const code = await h.run(inline());
    expect(code).toBe(RunnerExit.Error);
    expect(h.out.text).toMatch(/Could not write s3:\/\/bucket\/out\/.*\/result.json \(Access Denied\)/);
    expect(h.out.text).toContain(`"jobName":"${JOB}","status":"Completed"`);
  });

  it('SIGTERM (ECS StopTask): StopTrainingJob, then a Stopped result.json, exit 11', async () => {
    const h = harness({ states: [training] });
    h.clock.onSleep = (t) => {
      if (t >= Date.parse('2026-03-01T12:00:40Z') && h.signals.listenerCount('SIGTERM') > 0) {
        h.signals.emit('SIGTERM', 'SIGTERM');
        h.clock.onSleep = undefined;
      }
    };
    smMock.on(StopTrainingJobCommand).callsFake(() => {
      h.order.push('StopTrainingJob');
      return {};
    });
    const code = await h.run(inline());
    expect(code).toBe(RunnerExit.JobStopped);
    expect(h.order).toEqual(['StopTrainingJob', 'PutObject']);
    expect(writtenResult(h)).toMatchObject({ status: 'Stopped', mode: 'fargate' });
    expect(h.out.text).toContain('Received SIGTERM');
    // The handlers are gone once the runner returns.
    expect(h.signals.listenerCount('SIGTERM')).toBe(0);
  });

  it('a signal before the request is read still exits cleanly (nothing to stop)', async () => {
    const h = harness({ states: [completed(0)] });
    const controller = new AbortController();
    controller.abort(new Error('stopped by SIGTERM'));
    const code = await h.run(inline(), { signal: controller.signal });
    expect(code).toBe(RunnerExit.JobStopped);
    expect(h.recorded.created).toHaveLength(0);
    expect(writtenResult(h).status).toBe('Stopped');
  });
});
