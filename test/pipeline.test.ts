import type Dockerode from 'dockerode';
import { describe, expect, it, vi } from 'vitest';

import type { RunsTraining as Backend, RunContext } from '../src/backends/backend.js';
import { createBackend, modeOfSavedState } from '../src/backends/factory.js';
import { localImageTag, runTraining, type PipelineDeps, type PrepareImage } from '../src/pipeline/run-training.js';
import { MODES, type TrainingRequest } from '../src/request.js';
import type { TrainingResult } from '../src/result.js';
import { NO_RUN_IDENTITY, readRunIdentity } from '../src/run-identity.js';
import { State } from '../src/state.js';
import { MemoryLogger } from './helpers/docker.js';
import { makeRequest } from './report/fixtures.js';

const docker = {} as Dockerode;
const NOW = new Date('2025-03-04T05:06:07Z');

/** A backend that replays log lines and records what it was given. */
class FakeBackend implements Backend {
  contexts: RunContext[] = [];
  constructor(
    private readonly lines: [string, string][] = [],
    private readonly outcome: Partial<TrainingResult> = {},
  ) {}
  async run(ctx: RunContext): Promise<TrainingResult> {
    this.contexts.push(ctx);
    ctx.onState?.(State.Containers, 'c1,c2');
    ctx.onState?.(State.Network, 'n1');
    for (const [host, line] of this.lines) ctx.onLogLine?.(host, line);
    await Promise.resolve();
    return {
      mode: 'local',
      jobName: ctx.jobName,
      status: 'Completed',
      metrics: {},
      metricSeries: {},
      imageUri: ctx.imageUri,
      instanceType: ctx.request.job.instanceType,
      instanceCount: ctx.request.job.instanceCount,
      startedAt: NOW.toISOString(),
      endedAt: NOW.toISOString(),
      durationSeconds: 1,
      logTail: this.lines.map(([, l]) => l),
      links: [],
      ...this.outcome,
    };
  }
}

function setup(options: { backend?: Backend; buildImage?: PrepareImage; signal?: AbortSignal } = {}) {
  const events: string[] = [];
  const logger = new MemoryLogger();
  const backend = options.backend ?? new FakeBackend();
  const buildImage: PrepareImage =
    options.buildImage ??
    vi.fn<PrepareImage>(({ localRepository, localAlias }) => {
      const uri = `${localRepository}:${localAlias}`;
      events.push(`build ${uri}`);
      return Promise.resolve({ uri, tag: 'ctx-0123456789abcdef', built: true, pushed: false });
    });
  const deps: PipelineDeps = {
    docker,
    logger,
    signal: options.signal ?? new AbortController().signal,
    onState: (k, v) => events.push(`state ${k}=${v}`),
    env: {},
    now: () => NOW,
    random: () => 0.5,
    backendFor: (mode) => {
      events.push(`backend ${mode}`);
      return backend;
    },
    prepareImage: buildImage,
  };
  return { deps, events, logger, backend, buildImage };
}

describe('runTraining', () => {
  it('names the job and saves it before building or launching, then records what the backend reports', async () => {
    const { deps, events } = setup();
    const result = await runTraining(makeRequest(), deps);
    expect(result.jobName).toBe('iris-20250304-050607-8000');
    expect(events).toEqual([
      'backend local',
      'state job-name=iris-20250304-050607-8000',
      'build sagemaker-train/iris:local',
      'state containers=c1,c2',
      'state network=n1',
    ]);
  });

  it('uses an explicit job name as it is', async () => {
    const { deps } = setup();
    const request = makeRequest();
    request.job.name = 'my-explicit-job';
    expect((await runTraining(request, deps)).jobName).toBe('my-explicit-job');
  });

  it('derives the job name from the Actions run when there is one', async () => {
    const { deps } = setup();
    deps.identity = readRunIdentity({
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_JOB: 'train',
    });
    expect((await runTraining(makeRequest(), deps)).jobName).toMatch(/^iris-123-2-[0-9a-f]{6}$/);
  });

  it('gives matrix legs that train differently (same run, attempt and job id) their own job names', async () => {
    const { deps } = setup();
    deps.identity = readRunIdentity({
      GITHUB_RUN_ID: '123',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_REPOSITORY: 'o/r',
      GITHUB_JOB: 'train',
    });
    const leg = async (lr: string): Promise<string> =>
      (await runTraining(makeRequest({ hyperparameters: { lr } }), deps)).jobName;
    const [a, b, again] = [await leg('0.1'), await leg('0.01'), await leg('0.1')];
    expect(a).not.toBe(b);
    expect(again).toBe(a);
  });

  it('builds the image in local mode and runs the backend with the built tag', async () => {
    const backend = new FakeBackend();
    const { deps, buildImage } = setup({ backend });
    const request = makeRequest();
    const result = await runTraining(request, deps);
    expect(buildImage).toHaveBeenCalledWith(
      expect.objectContaining({
        docker,
        spec: request.image,
        push: false,
        localRepository: 'sagemaker-train/iris',
        localAlias: 'local',
        signal: deps.signal,
      }),
    );
    expect(backend.contexts[0]?.imageUri).toBe('sagemaker-train/iris:local');
    expect(result).toMatchObject({ imageTag: 'ctx-0123456789abcdef', imageBuilt: true });
    expect(backend.contexts[0]?.signal).toBe(deps.signal);
  });

  it('uses a prebuilt image without building', async () => {
    const backend = new FakeBackend();
    const { deps, buildImage } = setup({ backend });
    const result = await runTraining(makeRequest({ image: { kind: 'prebuilt', uri: 'repo/img:1' } }), deps);
    expect(buildImage).not.toHaveBeenCalled();
    expect(backend.contexts[0]?.imageUri).toBe('repo/img:1');
    expect(result.imageUri).toBe('repo/img:1');
    expect(result.imageBuilt).toBe(false);
    expect(result.imageTag).toBeUndefined();
  });

  it('fills metrics and series from the log lines of every host', async () => {
    const backend = new FakeBackend([
      ['algo-1', 'epoch 1 accuracy=0.5 loss=0.9'],
      ['algo-2', 'noise'],
      ['algo-1', 'epoch 2 accuracy=0.9 loss=0.1'],
    ]);
    const { deps } = setup({ backend });
    const result = await runTraining(makeRequest(), deps);
    expect(result.metrics).toEqual({ accuracy: 0.9, loss: 0.1 });
    expect(result.metricSeries.accuracy).toEqual([
      { timestamp: NOW.getTime(), value: 0.5, epoch: 1 },
      { timestamp: NOW.getTime(), value: 0.9, epoch: 2 },
    ]);
  });

  it('lets metrics the backend reports win over parsed ones', async () => {
    const backend = new FakeBackend([['algo-1', 'accuracy=0.5']], { metrics: { accuracy: 0.7 } });
    const { deps } = setup({ backend });
    expect((await runTraining(makeRequest(), deps)).metrics).toEqual({ accuracy: 0.7 });
  });

  it('returns a Failed result, naming the cause, when the image cannot be built', async () => {
    const backend = new FakeBackend();
    const { deps } = setup({
      backend,
      buildImage: () => Promise.reject(new Error('step 2/3: RUN false: exit code 1')),
    });
    const result = await runTraining(makeRequest(), deps);
    expect(result).toMatchObject({
      status: 'Failed',
      failureReason: 'The image could not be built: step 2/3: RUN false: exit code 1',
      jobName: 'iris-20250304-050607-8000',
      imageUri: 'sagemaker-train/iris:local',
      metrics: {},
    });
    expect(backend.contexts).toHaveLength(0);
  });

  it('returns a Stopped result when a signal comes during the build', async () => {
    const controller = new AbortController();
    const backend = new FakeBackend();
    const { deps } = setup({
      backend,
      signal: controller.signal,
      buildImage: () => {
        controller.abort();
        return Promise.reject(new Error('aborted'));
      },
    });
    const result = await runTraining(makeRequest(), deps);
    expect(result.status).toBe('Stopped');
    expect(backend.contexts).toHaveLength(0);
  });

  it('does not launch when the signal came before the backend started', async () => {
    const controller = new AbortController();
    controller.abort();
    const backend = new FakeBackend();
    const { deps } = setup({ backend, signal: controller.signal });
    const result = await runTraining(makeRequest({ image: { kind: 'prebuilt', uri: 'x' } }), deps);
    expect(result.status).toBe('Stopped');
    expect(backend.contexts).toHaveLength(0);
  });

  it('lets an error the backend throws propagate', async () => {
    const { deps } = setup({
      backend: { run: () => Promise.reject(new Error('connect ENOENT /var/run/docker.sock')) },
    });
    await expect(runTraining(makeRequest(), deps)).rejects.toThrow('ENOENT');
  });

  it('in local mode, asks the engine for its info (a GPU run needs it) before the run cache is consulted', async () => {
    const calls: string[] = [];
    const engine = {
      info: () => {
        calls.push('info');
        return Promise.resolve({ Runtimes: { runc: {} }, MemTotal: 8 * 1024 ** 3 });
      },
      createContainer: () => {
        calls.push('createContainer');
        return Promise.reject(new Error('stop here'));
      },
    } as unknown as Dockerode;
    const { deps } = setup();
    delete deps.backendFor;
    const logger = deps.logger;
    deps.logger = Object.assign(Object.create(logger) as MemoryLogger, {
      warning: (m: string) => {
        calls.push(`warning ${m.slice(0, 9)}`);
        logger.warning(m);
      },
    });
    const base = makeRequest({ mode: 'local', image: { kind: 'prebuilt', uri: 'local/train:1' }, channels: [] });
    const request = { ...base, job: { ...base.job, instanceType: 'local_gpu' } };
    await expect(runTraining(request, { ...deps, docker: engine, runCache: {} })).rejects.toThrow('stop here');
    expect(calls).toEqual(['info', 'warning Run cache', 'createContainer']);
    // A CPU run needs no docker info: nothing is asked before its container.
    calls.length = 0;
    await expect(runTraining(base, { ...deps, docker: engine, runCache: {} })).rejects.toThrow('stop here');
    expect(calls).toEqual(['warning Run cache', 'createContainer']);
  });

  it('tells at once that a tag-addressed image is neither reused nor recorded, and asks the cache nothing', async () => {
    const asked: string[] = [];
    const backend = new FakeBackend();
    const { deps, logger } = setup({ backend });
    const runCache = {
      s3: () => {
        asked.push('s3');
        return Promise.reject(new Error('no S3 here'));
      },
      commit: 'abc',
    };
    const result = await runTraining(makeRequest({ image: { kind: 'prebuilt', uri: 'local/train:1' } }), {
      ...deps,
      runCache,
    });
    expect(result.status).toBe('Completed');
    expect(result.fingerprint).toBeUndefined();
    expect(logger.warnings).toEqual([
      'Run cache: not reused and not recorded, because image.uri local/train:1 names a tag, which can move: pin it ' +
        'by digest (…@sha256:…) to reuse results.',
    ]);
    expect(asked).toEqual([]);
  });

  it('runs mode sagemaker on the SageMaker backend by default (its own image check speaks first)', async () => {
    const { deps } = setup();
    delete deps.backendFor;
    const request: TrainingRequest = makeRequest({
      mode: 'sagemaker',
      image: { kind: 'prebuilt', uri: 'local/train:1' },
      job: { ...makeRequest().job, roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining' },
      output: { kind: 's3', uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' },
    });
    await expect(runTraining(request, deps)).rejects.toThrow('The image local/train:1 is not in a registry');
  });

  it('hands the detached report to the backend as is', async () => {
    const backend = new FakeBackend();
    const { deps } = setup({ backend });
    const report = {
      apiUrl: 'https://api.github.com',
      owner: 'o',
      repo: 'r',
      sha: 'a'.repeat(40),
      checkRunId: 5,
      checkName: 'sagemaker-training',
      baselineDepth: 20,
      appSecret: 'app',
    };
    await runTraining(makeRequest(), { ...deps, detachedReport: report });
    expect(backend.contexts[0]?.detachedReport).toEqual(report);
    await runTraining(makeRequest(), deps);
    expect(backend.contexts[1]?.detachedReport).toBeUndefined();
  });

  it('runs mode fargate on the Fargate backend by default (its own image check speaks first)', async () => {
    const { deps } = setup();
    delete deps.backendFor;
    const request: TrainingRequest = makeRequest({
      mode: 'fargate',
      image: { kind: 'prebuilt', uri: 'local/train:2' },
      job: { ...makeRequest().job, roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining' },
      output: { kind: 's3', uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' },
      fargate: {
        cluster: 'training',
        taskDefinition: 'runner',
        container: 'runner',
        subnets: ['subnet-0abc'],
        securityGroups: [],
        assignPublicIp: false,
        capacity: 'FARGATE',
      },
    });
    await expect(runTraining(request, deps)).rejects.toThrow(
      'The image local/train:2 is not in a registry: SageMaker pulls the training image from ECR.',
    );
  });

  it('has a backend for every mode, and tells the mode of a run from what it saved', () => {
    for (const mode of MODES) {
      const backend = createBackend(mode, {
        docker: () => Promise.reject(new Error('not connected')),
        identity: NO_RUN_IDENTITY,
      });
      expect(typeof backend.run).toBe('function');
      expect(typeof backend.cleanup).toBe('function');
    }
    const saved = { containers: [], finished: false, checkRunDone: false, ignored: [] };
    expect(modeOfSavedState(saved)).toBe('local');
    expect(modeOfSavedState({ ...saved, sagemakerRegion: 'eu-west-1' })).toBe('sagemaker');
    expect(modeOfSavedState({ ...saved, sagemakerRegion: 'eu-west-1', taskArn: 'arn' })).toBe('fargate');
  });
});

describe('localImageTag', () => {
  it.each([
    ['iris', 'sagemaker-train/iris:local'],
    ['My-Model', 'sagemaker-train/my-model:local'],
    ['a_b.c', 'sagemaker-train/a-b-c:local'],
    ['--x--', 'sagemaker-train/x:local'],
    ['', 'sagemaker-train/job:local'],
  ])('%j → %s', (prefix, tag) => expect(localImageTag(prefix)).toBe(tag));
});
