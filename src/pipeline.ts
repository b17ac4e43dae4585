// One training run, whatever the mode: pick the backend, name the job, resolve the image, run, and turn the log
// lines into metrics. Every client comes in through deps; nothing is created deep inside.
import type Dockerode from 'dockerode';
import type { S3Client } from '@aws-sdk/client-s3';

import type { Backend } from './backends/backend.js';
import { LocalBackend } from './backends/local/index.js';
import { lazyFargateBackend } from './backends/fargate/index.js';
import { lazySageMakerBackend } from './backends/sagemaker/index.js';
import type { ECRClient } from '@aws-sdk/client-ecr';

import type { buildLocalImage } from './image/build-local.js';
import type { ensureImage } from './image/ensure.js';
import { localImageTag, resolveImage, type ResolvedImage } from './image/resolve.js';
import type { Logger } from './logger.js';
import { createMetricParser } from './metrics/index.js';
import { generateJobName, requestFingerprint } from './naming.js';
import type { Mode, TrainingRequest } from './request.js';
import type { TrainingResult, TrainingStatus } from './result.js';
import type { DetachedReport } from './runner/envelope.js';
import { State } from './state.js';
import { messageOf } from './error-message.js';

export type BuildImage = typeof buildLocalImage;
export type PrepareImage = typeof ensureImage;
export { localImageTag, resolveImage, type ResolvedImage };

export interface PipelineDeps {
  docker: Dockerode;
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: the run stops and still returns a result. */
  signal: AbortSignal;
  /** Called the moment something the post step must clean up exists (State keys). */
  onState?: (key: string, value: string) => void;
  /** Environment the job name is derived from (GITHUB_RUN_ID, …); defaults to none. */
  env?: Record<string, string | undefined>;
  now?: () => Date;
  random?: () => number;
  /** S3 client factory for the local backend (default: src/aws/s3.ts, loaded only when a run touches S3). */
  s3?: (region: string) => Promise<S3Client>;
  /** Told when the run enters a phase (building, training, …), for progress reports such as the check run. */
  onPhase?: (phase: string) => void;
  /** The backend of a mode; by default local mode's, and a clear error for the modes not available yet. */
  backendFor?: (mode: Mode) => Backend;
  /** The engine build used by the image step (default buildLocalImage). */
  buildImage?: BuildImage;
  /** The whole image step: content tag, skip, build, push (default ensureImage). */
  prepareImage?: PrepareImage;
  /** ECR client of a region, for an ECR repository (default: created on first use). */
  ecr?: (region: string) => Promise<ECRClient>;
  /** Fargate mode with wait: false: the check run the runner completes (passed to the backend as is). */
  detachedReport?: DetachedReport;
}

/** Thrown for a mode this version cannot run yet (its configuration still validates). */
export class ModeNotAvailableError extends Error {
  constructor(readonly mode: Mode) {
    super(`mode "${mode}" is not available in this version yet; use mode: local`);
    this.name = 'ModeNotAvailableError';
  }
}

/** The modes this version can run; the others validate but stop here. */
export const AVAILABLE_MODES: readonly Mode[] = ['local', 'sagemaker', 'fargate'];

/** Throws ModeNotAvailableError for a mode this version cannot run, before any client is created. */
export function assertModeAvailable(mode: Mode): void {
  if (!AVAILABLE_MODES.includes(mode)) throw new ModeNotAvailableError(mode);
}

export function defaultBackendFor(deps: Pick<PipelineDeps, 'docker' | 's3' | 'now' | 'env'>): (mode: Mode) => Backend {
  return (mode) => {
    assertModeAvailable(mode);
    if (mode === 'local') {
      return new LocalBackend({
        docker: deps.docker,
        ...(deps.s3 ? { s3: deps.s3 } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      });
    }
    if (mode === 'sagemaker') {
      // Clients are created on the first run, in the request's region: a local run never loads the SageMaker SDK.
      return lazySageMakerBackend({
        env: deps.env ?? {},
        ...(deps.s3 ? { s3: deps.s3 } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      });
    }
    if (mode === 'fargate') {
      // Like sagemaker: the ECS, S3, logs and SageMaker clients are created on the first run, in its region.
      return lazyFargateBackend({
        env: deps.env ?? {},
        ...(deps.s3 ? { s3: deps.s3 } : {}),
        ...(deps.now ? { now: deps.now } : {}),
      });
    }
    throw new ModeNotAvailableError(mode);
  };
}

interface NotStartedOptions {
  request: TrainingRequest;
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

/**
 * Runs one training job and returns its result, Completed, Failed or Stopped. A failed or aborted image build is a
 * Failed or Stopped result, not an exception; an error the backend throws (an unreachable engine) propagates.
 */
export async function runTraining(request: TrainingRequest, deps: PipelineDeps): Promise<TrainingResult> {
  const now = deps.now ?? (() => new Date());
  const { logger, signal } = deps;

  // An unavailable mode fails before anything is built.
  const backend = (deps.backendFor ?? defaultBackendFor(deps))(request.mode);

  const startedAt = now();
  const jobName =
    request.job.name ??
    generateJobName({
      prefix: request.job.namePrefix,
      env: deps.env ?? {},
      now: startedAt,
      random: deps.random ?? Math.random,
      fingerprint: requestFingerprint(request),
    });
  deps.onState?.(State.JobName, jobName);
  logger.info(`Training job ${jobName} (${request.mode} mode)`);

  const fallbackImage = request.image.kind === 'prebuilt' ? request.image.uri : localImageTag(request.job.namePrefix);
  const stopped = (reason: string): TrainingResult =>
    notStartedResult({
      request,
      jobName,
      imageUri: fallbackImage,
      startedAt,
      endedAt: now(),
      status: 'Stopped',
      failureReason: reason,
    });

  let image: ResolvedImage;
  deps.onPhase?.(request.image.kind === 'build' ? 'building' : 'preparing');
  try {
    image = await resolveImage(request, deps);
  } catch (err) {
    if (signal.aborted) return stopped('Stopped before training started (while building the image).');
    logger.debug(err instanceof Error && err.stack ? err.stack : messageOf(err));
    return notStartedResult({
      request,
      jobName,
      imageUri: fallbackImage,
      startedAt,
      endedAt: now(),
      status: 'Failed',
      failureReason: `The image could not be built: ${messageOf(err)}`,
    });
  }
  if (signal.aborted) return stopped('Stopped before training started.');

  const imageUri = image.uri;
  deps.onPhase?.('training');
  const parser = createMetricParser(request.metrics, () => now().getTime());
  const result = await logger.group(`Train ${jobName}`, () =>
    backend.run({
      request,
      imageUri,
      ...(image.tag !== undefined ? { imageTag: image.tag } : {}),
      imageBuilt: image.built,
      jobName,
      logger,
      signal,
      ...(deps.onState ? { onState: deps.onState } : {}),
      ...(deps.onPhase ? { onPhase: deps.onPhase } : {}),
      ...(deps.detachedReport ? { detachedReport: deps.detachedReport } : {}),
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
  };
}
