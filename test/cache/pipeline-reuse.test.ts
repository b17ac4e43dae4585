// The run cache in the pipeline, fargate mode, with the real S3 client against the S3 stand-in: the fingerprint
// reaches the backend (the runner records the run, so the pipeline does not); once the runner's entry and the
// artifacts exist, the next run is the recorded result and the backend is never asked to run (no RunTask). A remote
// build whose content tag is not pushed yet trains, and is fingerprinted by the digest the image step pushed. The image
// step gets the content tag the look-up computed (local and pushed builds): the context is hashed once per run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import type { RunContext, RunsTraining } from '../../src/backends/backend.js';
import { recordRunResult } from '../../src/cache/reuse.js';
import { hashBuildContext } from '../../src/image/content-hash.js';
import type { EnsureImageOptions } from '../../src/image/ensure.js';
import { runTraining, type PipelineDeps } from '../../src/pipeline/run-training.js';
import type { BuildImageSpec, DraftRequest, TrainingRequest } from '../../src/request.js';
import type { TrainingResult } from '../../src/result.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';
import { MemoryLogger } from '../helpers/docker.js';
import { makeRequest } from '../report/fixtures.js';

const DIGEST = `sha256:${'9'.repeat(64)}`;
const COMMIT = '1'.repeat(40);
let aws: AwsStandin;
let s3: S3Client;

class RecordingBackend implements RunsTraining<DraftRequest> {
  contexts: RunContext<DraftRequest>[] = [];
  run(ctx: RunContext<DraftRequest>): Promise<TrainingResult> {
    this.contexts.push(ctx);
    return Promise.resolve({
      mode: 'fargate',
      jobName: ctx.jobName,
      status: 'Completed',
      metrics: { accuracy: 0.9 },
      metricSeries: {},
      modelArtifacts: `s3://bucket/out/${ctx.jobName}/output/model.tar.gz`,
      imageUri: ctx.imageUri,
      instanceType: 'ml.m5.xlarge',
      instanceCount: 1,
      startedAt: '2026-01-01T00:00:00.000Z',
      endedAt: '2026-01-01T00:10:00.000Z',
      durationSeconds: 600,
      logTail: [],
      links: [],
    });
  }
}

function request(image: TrainingRequest['image']): TrainingRequest {
  return makeRequest({
    mode: 'fargate',
    image,
    job: { ...makeRequest().job, instanceType: 'ml.m5.xlarge', roleArn: 'arn:aws:iam::123456789012:role/R' },
    channels: [
      {
        ...makeRequest().channels[0]!,
        source: { kind: 's3', uri: 's3://bucket/data/', bucket: 'bucket', key: 'data/' },
      },
    ],
    output: { kind: 's3', uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' },
  });
}

function deps(backend: RunsTraining<DraftRequest>, extra: Partial<PipelineDeps> = {}): PipelineDeps {
  return {
    docker: {} as Dockerode,
    logger: new MemoryLogger(),
    signal: new AbortController().signal,
    backendFor: () => backend,
    s3: () => Promise.resolve(s3),
    runCache: { commit: COMMIT },
    ...extra,
  };
}

beforeAll(async () => {
  aws = await startAwsStandin();
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: aws.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
});
afterAll(() => aws.close());
beforeEach(() => {
  aws.s3.buckets.set('bucket', new Map());
  aws.s3.put('bucket', 'data/a.csv', '1,2\n');
});

describe('the run cache in the pipeline', () => {
  it('hands the fingerprint to the backend, then reuses the runner’s entry without running the backend', async () => {
    const req = request({ kind: 'prebuilt', uri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/t@${DIGEST}` });
    const first = new RecordingBackend();
    const trained = await runTraining(req, deps(first));
    expect(trained.reused).toBeUndefined();
    const context = first.contexts[0]?.runCache;
    expect(context?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(context?.commit).toBe(COMMIT);
    // Fargate: the runner writes the entry, not the pipeline.
    expect([...aws.s3.buckets.get('bucket')!.keys()].some((k) => k.includes('_results'))).toBe(false);

    // What the runner does when the job completes (SageMaker wrote the artifact).
    aws.s3.put('bucket', `out/${trained.jobName}/output/model.tar.gz`, 'model');
    const logger = new MemoryLogger();
    await recordRunResult({
      request: req,
      fingerprint: context!,
      result: trained,
      deps: { s3: () => Promise.resolve(s3), logger, commit: COMMIT },
    });

    const second = new RecordingBackend();
    const reused = await runTraining(req, deps(second));
    expect(second.contexts).toHaveLength(0);
    expect(reused).toMatchObject({
      status: 'Completed',
      jobName: trained.jobName,
      metrics: { accuracy: 0.9 },
      reused: { jobName: trained.jobName, commit: COMMIT, fingerprint: context!.fingerprint },
    });
  });

  it('trains a build whose content tag is not pushed yet, fingerprinted by the digest the image step pushed', async () => {
    const context = await mkdtemp(join(tmpdir(), 'smt-cache-ctx-'));
    onTestFinished(() => rm(context, { recursive: true, force: true }));
    await writeFile(join(context, 'Dockerfile'), 'FROM scratch\n');
    const req = request({
      kind: 'build',
      dockerfile: join(context, 'Dockerfile'),
      context,
      buildArgs: {},
      platform: 'linux/amd64',
      repository: '127.0.0.1:1/t',
    });
    const backend = new RecordingBackend();
    const registryAsked: string[] = [];
    const given: EnsureImageOptions[] = [];
    const result = await runTraining(
      req,
      deps(backend, {
        runCache: {
          commit: COMMIT,
          // The registry has no such tag yet.
          fetch: (url) => {
            registryAsked.push(url instanceof Request ? url.url : url.toString());
            return Promise.resolve(new Response(null, { status: 404 }));
          },
        },
        prepareImage: (opts) => {
          given.push(opts);
          return Promise.resolve({
            uri: `127.0.0.1:1/t@${DIGEST}`,
            tag: 'ctx-0123456789abcdef',
            built: true,
            pushed: true,
            digest: DIGEST,
          });
        },
      }),
    );
    expect(result.status).toBe('Completed');
    expect(registryAsked.some((u) => /\/v2\/t\/manifests\/ctx-[0-9a-f]{16}$/.test(u))).toBe(true);
    // The image step gets the content tag the look-up hashed, and the registry's answer: nothing is hashed twice.
    const hashed = await hashBuildContext(req.image as BuildImageSpec);
    expect(given[0]?.lookedUp).toEqual({ content: hashed, registry: {} });
    const handed = backend.contexts[0]?.runCache;
    expect(handed?.parts).toContainEqual({ name: 'image', value: `digest ${DIGEST}` });
  });

  it('hashes a local build once: the image step gets the content tag the fingerprint used', async () => {
    const context = await mkdtemp(join(tmpdir(), 'smt-cache-local-'));
    // The run writes its output next to the context, in `${context}-out`.
    onTestFinished(async () => {
      await Promise.all([context, `${context}-out`].map((dir) => rm(dir, { recursive: true, force: true })));
    });
    await writeFile(join(context, 'Dockerfile'), 'FROM scratch\nCOPY app.py /\n');
    await writeFile(join(context, 'app.py'), 'print(1)\n');
    const spec: BuildImageSpec = {
      kind: 'build',
      dockerfile: join(context, 'Dockerfile'),
      context,
      buildArgs: {},
      platform: 'linux/amd64',
    };
    const req = makeRequest({
      image: spec,
      channels: [],
      output: { kind: 'local', path: `${context}-out` },
    });
    const given: EnsureImageOptions[] = [];
    const backend = new RecordingBackend();
    await runTraining(
      req,
      deps(backend, {
        prepareImage: (opts) => {
          given.push(opts);
          const tag = opts.lookedUp?.content.tag ?? 'ctx-none';
          return Promise.resolve({ uri: `smt/local:${tag}`, tag, built: true, pushed: false });
        },
      }),
    );
    const hashed = await hashBuildContext(spec);
    expect(given).toHaveLength(1);
    expect(given[0]?.lookedUp).toEqual({ content: hashed });
    expect(backend.contexts[0]?.runCache?.parts).toContainEqual({ name: 'image', value: `content-tag ${hashed.tag}` });
  });
});
