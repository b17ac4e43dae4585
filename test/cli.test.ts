import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import type Dockerode from 'dockerode';
import { afterAll, describe, expect, it } from 'vitest';

import type { RunsTraining as Backend, RunContext } from '../src/backends/backend.js';
import { runCli, type CliDeps } from '../src/cli.js';
import type { TrainingResult } from '../src/result.js';
import { State } from '../src/state.js';
import pkg from '../package.json' with { type: 'json' };

const CONFIG = `
image:
  uri: local/img:1
job:
  name-prefix: cli
  instance-type: local
hyperparameters:
  epochs: 3
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize }
`;

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(yaml: string | undefined = CONFIG, file = '.github/sagemaker-training.yml'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-cli-'));
  tempDirs.push(dir);
  if (yaml !== undefined) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), yaml);
  }
  return dir;
}

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

class RecordingBackend implements Backend {
  contexts: RunContext[] = [];
  constructor(private readonly outcome: (ctx: RunContext) => Partial<TrainingResult> = () => ({})) {}
  run(ctx: RunContext): Promise<TrainingResult> {
    this.contexts.push(ctx);
    ctx.onLogLine?.('algo-1', 'accuracy=0.875');
    return Promise.resolve({
      mode: 'local',
      jobName: ctx.jobName,
      status: 'Completed',
      metrics: {},
      metricSeries: {},
      imageUri: ctx.imageUri,
      instanceType: 'local',
      instanceCount: 1,
      startedAt: '2025-01-01T00:00:00Z',
      endedAt: '2025-01-01T00:00:02Z',
      durationSeconds: 2,
      logTail: [],
      links: [],
      ...this.outcome(ctx),
    });
  }
}

async function cli(argv: string[], cwd: string, extra: Partial<CliDeps> = {}) {
  const stdout = capture();
  const stderr = capture();
  let dockerCreated = 0;
  const code = await runCli(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    cwd,
    docker: () => {
      dockerCreated++;
      return Promise.resolve({} as Dockerode);
    },
    ...extra,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text(), dockerCreated };
}

describe('sagemaker-train: usage', () => {
  it.each([['--help'], ['-h'], ['help'], ['run', '--help']])('%s prints help on stdout', async (...argv) => {
    const r = await cli(argv, '/');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage:');
    expect(r.stdout).toContain('--instance-type VALUE');
    expect(r.stdout).toContain('--hyperparameter K=V');
  });

  it('prints the version', async () => {
    const r = await cli(['--version'], '/');
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it.each([
    { argv: [], message: /a command is required/ },
    { argv: ['rnu'], message: /unknown command "rnu"; did you mean run\?/ },
    { argv: ['validte'], message: /did you mean validate\?/ },
    { argv: ['run', '--instance-typ', 'x'], message: /unknown option --instance-typ; did you mean --instance-type\?/ },
    { argv: ['run', '--nope'], message: /unknown option --nope\n/ },
    { argv: ['run', 'extra'], message: /unexpected argument "extra"/ },
    { argv: ['run', '--config'], message: /option '-c, --config <value>' argument missing/ },
  ])('$argv → exit 2, $message', async ({ argv, message }) => {
    const r = await cli(argv, '/');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(r.dockerCreated).toBe(0);
  });
});

describe('sagemaker-train validate', () => {
  it('prints a short summary of the validated request without touching Docker', async () => {
    const ws = await workspace();
    const r = await cli(['validate', '--hyperparameter', 'eta=0.1'], ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${join(ws, '.github/sagemaker-training.yml')} is valid.`);
    expect(r.stdout).toMatch(/Hyperparameters\s+epochs=3, eta=0.1/);
    expect(r.stdout).toMatch(/Image\s+local\/img:1/);
    expect(r.dockerCreated).toBe(0);
  });

  it('prints the request as JSON', async () => {
    const ws = await workspace();
    const r = await cli(['validate', '--json', '--instance-type', 'local'], ws);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout) as { valid: boolean; request: { job: { namePrefix: string } } };
    expect(parsed.valid).toBe(true);
    expect(parsed.request.job.namePrefix).toBe('cli');
  });

  it('lists every problem and exits 2', async () => {
    const ws = await workspace('mode: nowhere\njob:\n  instance-count: zero\n');
    const r = await cli(['validate'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Invalid configuration \(\d+ problems\)/);
    expect(r.stderr).toMatch(/mode/);
    expect(r.stderr).toMatch(/instance-count/);
  });

  it('gives the issues as JSON with --json', async () => {
    const ws = await workspace('mode: nowhere\n');
    const r = await cli(['validate', '--json'], ws);
    expect(r.code).toBe(2);
    const parsed = JSON.parse(r.stdout) as { valid: boolean; issues: { where: string; message: string }[] };
    expect(parsed.valid).toBe(false);
    expect(parsed.issues.some((i) => i.where.startsWith('mode'))).toBe(true);
  });

  it('needs a named --config file to exist, relative to --workspace', async () => {
    const ws = await workspace(CONFIG, 'ml/train.yml');
    expect((await cli(['validate', '--config', 'ml/train.yml', '--workspace', ws], '/')).code).toBe(0);
    const missing = await cli(['validate', '--config', 'ml/missing.yml', '--workspace', ws], '/');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing\.yml/);
  });

  it('resolves a relative --workspace against the current folder', async () => {
    const ws = await workspace();
    const r = await cli(['validate', '--workspace', '.'], ws);
    expect(r.code).toBe(0);
  });

  it('validates a sagemaker-mode configuration (a mode that runs: no note)', async () => {
    const ws = await workspace();
    const r = await cli(
      [
        'validate',
        '--mode',
        'sagemaker',
        '--instance-type',
        'ml.m5.large',
        '--role-arn',
        'arn:aws:iam::123456789012:role/R',
        '--image-uri',
        '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1',
        '--output',
        's3://bucket/models/',
      ],
      ws,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Mode\s+sagemaker/);
    expect(r.stderr).not.toContain('is not available');
  });
});

describe('sagemaker-train run', () => {
  it('trains and prints the result table on stdout, exit 0', async () => {
    const ws = await workspace();
    const backend = new RecordingBackend();
    const r = await cli(['run', '--set', 'job.max-runtime=5m', '--hyperparameter', 'eta=0.5'], ws, {
      pipeline: { backendFor: () => backend },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Status\s+Completed$/m);
    expect(r.stdout).toMatch(/^accuracy\s+0.875$/m);
    expect(backend.contexts[0]?.request.hyperparameters).toEqual({ epochs: '3', eta: '0.5' });
    expect(backend.contexts[0]?.request.job.maxRuntimeSeconds).toBe(300);
    expect(r.stderr).toContain('Training job cli-');
    // The engine is connected on first use: a prebuilt image and a backend that never touches it never connect.
    expect(r.dockerCreated).toBe(0);
  });

  it('prints the TrainingResult as JSON with --json', async () => {
    const ws = await workspace();
    const r = await cli(['run', '--json'], ws, { pipeline: { backendFor: () => new RecordingBackend() } });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as TrainingResult;
    expect(result).toMatchObject({ status: 'Completed', metrics: { accuracy: 0.875 }, imageUri: 'local/img:1' });
  });

  it('exits 1 when the job failed', async () => {
    const ws = await workspace();
    const backend = new RecordingBackend(() => ({ status: 'Failed', failureReason: 'exit code 3' }));
    const r = await cli(['run'], ws, { pipeline: { backendFor: () => backend } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Failure reason\s+exit code 3$/m);
  });

  it('exits 130 when a signal stopped it', async () => {
    const ws = await workspace();
    const controller = new AbortController();
    const backend = new RecordingBackend((ctx) => {
      controller.abort();
      return { status: ctx.signal.aborted ? 'Stopped' : 'Completed' };
    });
    const r = await cli(['run'], ws, { signal: controller.signal, pipeline: { backendFor: () => backend } });
    expect(r.code).toBe(130);
  });

  it('exits 2 on invalid configuration without creating a Docker client', async () => {
    const ws = await workspace('job:\n  instance-count: -1\n');
    const r = await cli(['run'], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/instance-count/);
    expect(r.dockerCreated).toBe(0);
  });

  const FARGATE_ARGS = [
    '--mode',
    'fargate',
    '--instance-type',
    'ml.m5.large',
    '--role-arn',
    'arn:aws:iam::123456789012:role/R',
    '--image-uri',
    '123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1',
    '--output',
    's3://bucket/models/',
  ];
  const TASK = 'arn:aws:ecs:us-east-1:123456789012:task/ml-ci/0123456789abcdef0123456789abcdef';

  function fargateBackend(outcome: Partial<TrainingResult>): Backend {
    return {
      run: (ctx) =>
        Promise.resolve({
          mode: 'fargate',
          jobName: ctx.jobName,
          status: 'Completed',
          metrics: {},
          metricSeries: {},
          imageUri: ctx.imageUri,
          instanceType: 'ml.m5.large',
          instanceCount: 1,
          startedAt: '2025-01-01T00:00:00Z',
          endedAt: '2025-01-01T00:00:10Z',
          durationSeconds: 10,
          taskArn: TASK,
          logTail: [],
          links: [],
          ...outcome,
        }),
    };
  }

  const FARGATE_BLOCK = `
fargate:
  cluster: ml-ci
  task-definition: sagemaker-training-runner
  subnets: [subnet-0abc1234]
`;

  it('prints the runner task of a fargate run, and exits 0 when the run was handed off', async () => {
    const ws = await workspace(CONFIG + FARGATE_BLOCK);
    const resultUri = 's3://bucket/models/j/result.json';
    const detached = await cli(['run', ...FARGATE_ARGS], ws, {
      pipeline: { backendFor: () => fargateBackend({ status: 'InProgress', detached: { resultUri } }) },
    });
    expect(detached.code).toBe(0);
    expect(detached.stdout).toMatch(/Status\s+InProgress/);
    expect(detached.stdout).toContain(`Runner task: ${TASK}`);
    expect(detached.stdout).toContain(`Handed off: the runner writes the result to ${resultUri}`);

    const failed = await cli(['run', ...FARGATE_ARGS], ws, {
      pipeline: {
        backendFor: () => fargateBackend({ status: 'Failed', failureReason: 'The runner crashed: exit code 137' }),
      },
    });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain(`Runner task: ${TASK}`);
  });

  it('warns in a remote mode when the default credentials expire before the run may end, with advice for a shell', async () => {
    const ws = await workspace(CONFIG + FARGATE_BLOCK);
    let resolved = 0;
    const soon = new Date(Date.now() + 15 * 60_000);
    const r = await cli(['run', ...FARGATE_ARGS, '--set', 'job.max-runtime=2h'], ws, {
      awsCredentials: () => {
        resolved++;
        return Promise.resolve({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 's', expiration: soon });
      },
      pipeline: { backendFor: () => fargateBackend({}) },
    });
    expect(r.code).toBe(0);
    expect(resolved).toBe(1);
    expect(r.stderr).toContain(`The AWS credentials expire at ${soon.toISOString()}, before this run may end`);
    expect(r.stderr).toContain('Use a profile the SDK renews itself (role_arn with source_profile');
    expect(r.stderr).not.toContain('role-to-assume');

    // Local mode talks to no AWS service while it waits: nothing to check.
    resolved = 0;
    const local = await cli(['run'], await workspace(), {
      awsCredentials: () => {
        resolved++;
        return Promise.reject(new Error('must not be asked'));
      },
      pipeline: { backendFor: () => new RecordingBackend() },
    });
    expect([local.code, resolved, local.stderr.includes('expire')]).toEqual([0, 0, false]);
  });

  it('runs mode fargate by default, refusing it without its settings before anything runs', async () => {
    const ws = await workspace();
    const r = await cli(['run', ...FARGATE_ARGS], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fargate.cluster');
    expect(r.stderr).toContain('fargate.subnets');
    expect(r.stderr).not.toContain('is not available');
  });

  it('exits 1 with the message when the backend throws, removing what it had started', async () => {
    const ws = await workspace();
    const removed: string[] = [];
    const docker = {
      getContainer: (id: string) => ({ remove: () => (removed.push(id), Promise.resolve()) }),
      getNetwork: (id: string) => ({ remove: () => (removed.push(id), Promise.resolve()) }),
    } as unknown as Dockerode;
    const backend: Backend = {
      run: (ctx) => {
        ctx.onState?.(State.Containers, 'c1,c2');
        ctx.onState?.(State.Network, 'n1');
        return Promise.reject(new Error('engine went away'));
      },
    };
    const r = await cli(['run'], ws, { docker, pipeline: { backendFor: () => backend } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: engine went away');
    expect(removed).toEqual(['c1', 'c2', 'n1']);
  });
});

describe('sagemaker-train build', () => {
  const BUILD_CONFIG = `
mode: sagemaker
image: { context: ., repository: 127.0.0.1:5000/team/iris }
job: { role-arn: 'arn:aws:iam::123456789012:role/R', instance-type: ml.m5.large }
output: s3://bucket/models/
`;
  const outcome = { uri: `127.0.0.1:5000/team/iris@sha256:${'b'.repeat(64)}`, tag: 'ctx-0123456789abcdef' };

  async function buildWorkspace(yaml = BUILD_CONFIG): Promise<string> {
    const ws = await workspace(yaml);
    await writeFile(join(ws, 'Dockerfile'), 'FROM scratch\n');
    return ws;
  }

  it('pushes in the remote modes and prints the image by digest and whether it was built', async () => {
    const ws = await buildWorkspace();
    const calls: { push: boolean; repository?: string }[] = [];
    const r = await cli(['build'], ws, {
      pipeline: {
        prepareImage: (o) => {
          calls.push({ push: o.push, ...(o.spec.repository ? { repository: o.spec.repository } : {}) });
          return Promise.resolve({ ...outcome, built: false, pushed: false });
        },
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(calls).toEqual([{ push: true, repository: '127.0.0.1:5000/team/iris' }]);
    expect(r.stdout).toBe(`Image   ${outcome.uri}\nTag     ${outcome.tag}\nBuilt   no (already there)\n`);
  });

  it('builds only in local mode; --json prints the three values', async () => {
    const ws = await buildWorkspace();
    const r = await cli(['build', '--mode', 'local', '--json', '--force-build', 'true'], ws, {
      pipeline: {
        prepareImage: (o) => {
          expect(o.push).toBe(false);
          expect(o.spec.forceBuild).toBe(true);
          return Promise.resolve({
            uri: 'sagemaker-train/training:local',
            tag: outcome.tag,
            built: true,
            pushed: false,
          });
        },
      },
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      imageUri: 'sagemaker-train/training:local',
      imageTag: outcome.tag,
      imageBuilt: true,
      imageSource: 'built',
    });
  });

  it('prints a prebuilt image as it is, without Docker', async () => {
    const r = await cli(['build', '--json'], await workspace());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      imageUri: 'local/img:1',
      imageTag: null,
      imageBuilt: false,
      imageSource: null,
    });
    expect(r.dockerCreated).toBe(0);
  });

  it('exits 1 with the reason when the image step fails, 2 on an invalid configuration', async () => {
    const ws = await buildWorkspace();
    const r = await cli(['build'], ws, {
      pipeline: { prepareImage: () => Promise.reject(new Error('The registry refused the push of x: denied')) },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('error: The registry refused the push of x: denied');
    const bad = await cli(['build', '--set', 'image.force-build=maybe'], ws);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('image.force-build');
  });
});
