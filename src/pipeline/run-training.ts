// One training run, whatever the mode: pick the backend, name the job, resolve the image, run, and turn the log
// lines into metrics. Every client comes in through deps; nothing is created deep inside.
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { S3Client } from '@aws-sdk/client-s3';

import type { RunsTraining } from '../backends/backend.js';
import { createBackend } from '../backends/factory.js';
import { messageOf } from '../error-message.js';
import { asksEngineInfo, memoizeDocker, prefetchEngineInfo, type DockerProvider } from './docker.js';
import type { buildLocalImage } from '../image/build-local.js';
import type { ensureImage, LookedUpImage } from '../image/ensure.js';
import { localImageTag, resolveImage, type ResolvedImage } from '../image/resolve.js';
import type { Logger } from '../logger.js';
import { createMetricParser } from '../metrics/index.js';
import { generateJobName, requestFingerprint } from '../naming.js';
import { NO_RUN_IDENTITY, type RunIdentity } from '../run-identity.js';
import type { DraftRequest, Mode } from '../request.js';
import type { TrainingResult, TrainingStatus } from '../result.js';
import type { DetachedReport } from '../backends/fargate/contract.js';
import { State } from '../state.js';
import type { RunCacheContext } from '../cache/pipeline-hook.js';
import type { RunCacheDeps } from '../cache/reuse.js';
import { notRecordedWarning, unpinnedImageReason } from '../cache/unpinned.js';

export type BuildImage = typeof buildLocalImage;
export type PrepareImage = typeof ensureImage;
export { localImageTag, resolveImage, type ResolvedImage };

export interface PipelineDeps {
  /** The engine, or how to connect to it: only an image build and local mode connect (default createDocker). */
  docker?: DockerProvider;
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: the run stops and still returns a result. */
  signal: AbortSignal;
  /** Called the moment something the post step must clean up exists. */
  onState?: (key: State, value: string) => void;
  /** The run (repository, run id, attempt, …): job names and remote jobs' tags (default: no GitHub Actions run). */
  identity?: RunIdentity;
  /** The process environment: the image step reads the registry password variable the configuration names. */
  env?: Record<string, string | undefined>;
  now?: () => Date;
  random?: () => number;
  /** S3 client factory (default: src/aws/s3.ts, loaded only when a run touches S3). */
  s3?: (region: string) => Promise<S3Client>;
  /** Told when the run enters a phase (building, training, …), for progress reports such as the check run. */
  onPhase?: (phase: string) => void;
  /** The backend of a mode (default: createBackend, with these deps' clients). */
  backendFor?: (mode: Mode) => RunsTraining<DraftRequest>;
  /** The engine build used by the image step (default buildLocalImage). */
  buildImage?: BuildImage;
  /** The whole image step: content tag, skip, build, push (default ensureImage). */
  prepareImage?: PrepareImage;
  /** ECR client of a region, for an ECR repository (default: created on first use). */
  ecr?: (region: string) => Promise<ECRClient>;
  /** The image, when it is already resolved (the Fargate runner runs the image the action built): no image step. */
  image?: ResolvedImage;
  /** Fargate mode with wait: false: the check run the runner completes (passed to the backend as is). */
  detachedReport?: DetachedReport;
  /**
   * The run cache (src/cache/): when given, an earlier completed run with the same fingerprint is reported instead of
   * training, and a completed run is recorded. The commit to record, and test seams; logger, env, s3, ecr and signal
   * default to the pipeline's.
   */
  runCache?: Partial<RunCacheDeps>;
}

function defaultBackendFor(deps: PipelineDeps, docker: DockerProvider): (mode: Mode) => RunsTraining<DraftRequest> {
  return (mode) => {
    return createBackend(mode, {
      docker,
      identity: deps.identity ?? NO_RUN_IDENTITY,
      ...(deps.s3 ? { s3: deps.s3 } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    });
  };
}

interface NotStartedOptions {
  request: DraftRequest;
  jobName: string;
  imageUri: string;
  startedAt: Date;
  endedAt: Date;
  status: TrainingStatus;
  failureReason: string;
}

/** The result of a run that ended before any container started (the image could not be built, or a signal came). */
function notStartedResult(o: NotStartedOptions): TrainingResult {
  return {
    mode: o.request.mode,
    jobName: o.jobName,
    status: o.status,
    failureReason: o.failureReason,
    metrics: {},
    metricSeries: {},
    imageUri: o.imageUri,
    instanceType: o.request.job.instanceType,
    instanceCount: o.request.job.instanceCount,
    startedAt: o.startedAt.toISOString(),
    endedAt: o.endedAt.toISOString(),
    durationSeconds: Math.max(0, (o.endedAt.getTime() - o.startedAt.getTime()) / 1000),
    logTail: [],
    links: [],
  };
}

/** The job's name: the configured one, or one generated from the run's identity and the request's content. */
function jobNameOf(request: DraftRequest, deps: PipelineDeps, startedAt: Date): string {
  return (
    request.job.name ??
    generateJobName({
      prefix: request.job.namePrefix,
      identity: deps.identity ?? NO_RUN_IDENTITY,
      now: startedAt,
      random: deps.random ?? Math.random,
      fingerprint: () => requestFingerprint(request),
    })
  );
}

type ImageStep = { image: ResolvedImage } | { ended: TrainingResult };

/** The image step: the given image, or one resolved (found, built, pushed). A failure or a stop ends the run here. */
async function imageStep(
  request: DraftRequest,
  deps: PipelineDeps & { docker: DockerProvider; lookedUp?: LookedUpImage },
  notStarted: (status: TrainingStatus, reason: string) => TrainingResult,
): Promise<ImageStep> {
  if (deps.image) return { image: deps.image };
  deps.onPhase?.(request.image.kind === 'build' ? 'building' : 'preparing');
  try {
    const image = await resolveImage(request, deps);
    if (deps.signal.aborted) return { ended: notStarted('Stopped', 'Stopped before training started.') };
    return { image };
  } catch (err) {
    if (deps.signal.aborted)
      return { ended: notStarted('Stopped', 'Stopped before training started (while building the image).') };
    deps.logger.debug(err instanceof Error && err.stack ? err.stack : messageOf(err));
    return { ended: notStarted('Failed', `The image could not be built: ${messageOf(err)}`) };
  }
}

/**
 * Runs one training job and returns its result, Completed, Failed or Stopped. A failed or aborted image build is a
 * Failed or Stopped result, not an exception; an error the backend throws (an unreachable engine) propagates.
 */
export async function runTraining(request: DraftRequest, pipelineDeps: PipelineDeps): Promise<TrainingResult> {
  const docker = memoizeDocker(pipelineDeps.docker);
  const deps = { ...pipelineDeps, docker };
  const now = deps.now ?? (() => new Date());
  const backend = (deps.backendFor ?? defaultBackendFor(deps, docker))(request.mode);
  // A local run that needs the engine's info asks now: the answer travels while the run cache and the image step load.
  if (!deps.backendFor && asksEngineInfo(request)) void prefetchEngineInfo(docker);

  // Before anything is built or named: an earlier run with the same fingerprint is the result.
  // A tag-addressed image can be neither reused nor recorded: said at once, and the cache is not even loaded.
  const unpinned = deps.runCache && !deps.image ? unpinnedImageReason(request) : undefined;
  if (unpinned) deps.logger.warning(notRecordedWarning(unpinned));
  const cache = deps.runCache && !deps.image && !unpinned ? await import('../cache/pipeline-hook.js') : undefined;
  const verdict = cache ? await cache.checkRunCache(request, deps) : undefined;
  if (verdict?.kind === 'reuse') return verdict.result;

  const startedAt = now();
  const jobName = jobNameOf(request, deps, startedAt);
  deps.onState?.(State.JobName, jobName);
  deps.logger.info(`Training job ${jobName} (${request.mode} mode)`);

  const fallbackImage = request.image.kind === 'prebuilt' ? request.image.uri : localImageTag(request.job.namePrefix);
  const notStarted = (status: TrainingStatus, failureReason: string): TrainingResult =>
    notStartedResult({
      request,
      jobName,
      imageUri: deps.image?.uri ?? fallbackImage,
      startedAt,
      endedAt: now(),
      status,
      failureReason,
    });
  // The content tag the cache's look-up computed: the context is hashed once per run.
  const lookedUp = verdict?.kind === 'train' ? verdict.lookedUp : undefined;
  const step = await imageStep(request, { ...deps, ...(lookedUp ? { lookedUp } : {}) }, notStarted);
  if ('ended' in step) return step.ended;
  const runCache = await cache?.runCacheContext(verdict, request, step.image, deps);
  const trained = await train({ request, deps, backend, jobName, image: step.image, now, runCache });
  const result = runCache ? { ...trained, fingerprint: runCache.fingerprint } : trained;
  // Fargate: the runner records the run (it sees the end, even of a detached run).
  if (runCache && request.mode !== 'fargate') await cache?.recordRun(request, runCache, result, deps);
  return result;
}

interface TrainOptions {
  request: DraftRequest;
  deps: PipelineDeps;
  backend: RunsTraining<DraftRequest>;
  jobName: string;
  image: ResolvedImage;
  now: () => Date;
  runCache?: RunCacheContext;
}

/** The backend's run, with the metrics the log lines carried. */
async function train({ request, deps, backend, jobName, image, now, runCache }: TrainOptions): Promise<TrainingResult> {
  deps.onPhase?.('training');
  const parser = createMetricParser(request.metrics, () => now().getTime());
  const result = await deps.logger.group(`Train ${jobName}`, () =>
    backend.run({
      request,
      imageUri: image.uri,
      ...(image.tag !== undefined ? { imageTag: image.tag } : {}),
      imageBuilt: image.built,
      jobName,
      logger: deps.logger,
      signal: deps.signal,
      ...(deps.onState ? { onState: deps.onState } : {}),
      ...(deps.onPhase ? { onPhase: deps.onPhase } : {}),
      ...(deps.detachedReport ? { detachedReport: deps.detachedReport } : {}),
      ...(runCache ? { runCache } : {}),
      onLogLine: (_host, line) => parser.feed(line),
    }),
  );
  // What the service reports (remote modes) wins over what the log lines said.
  return {
    ...result,
    metrics: { ...parser.finals(), ...result.metrics },
    metricSeries: { ...parser.series(), ...result.metricSeries },
    ...(image.tag !== undefined ? { imageTag: image.tag } : {}),
    imageBuilt: image.built,
    ...(image.source ? { imageSource: image.source } : {}),
    ...(image.note ? { imageNote: image.note } : {}),
    ...(image.digest ? { imageDigest: image.digest } : {}),
  };
}
