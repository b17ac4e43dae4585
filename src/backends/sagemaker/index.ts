// Direct SageMaker mode: CreateTrainingJob, an abortable wait with every host's CloudWatch logs, stop on cancel.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import { createCloudWatchLogsClient, createSageMakerClient } from '../../aws/clients.js';
import { createS3Client } from '../../aws/s3.js';
import type { TrainingResult } from '../../result.js';
import { NO_RUN_IDENTITY, type RunIdentity } from '../../run-identity.js';
import type { SavedState } from '../../state.js';
import { sleep } from '../../wait/abortable.js';
import type { Backend, CleanupContext, RunContext } from '../backend.js';
import { stopSavedTrainingJob, type StopSavedJobOptions } from './cleanup.js';

export { stopSavedTrainingJob, type StopSavedJobOptions };
export { createTrainingJobInput, runTags, runTagValue, TagKey } from './input.js';
import type { RemoteJobRequest } from '../../request.js';
export { jobLinks, LOG_GROUP, outcomeOf } from './outcome.js';
export { stopTrainingJob, type StopOptions } from './stop.js';

export interface SageMakerBackendDeps {
  sagemaker: SageMakerClient;
  logs: CloudWatchLogsClient;
  /** For local-folder channels. Default: createS3Client from src/aws/s3.ts. */
  s3?: (region: string) => Promise<S3Client>;
  /** Default: src/wait/abortable.ts's sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => Date;
  /** Jitter source. Default: Math.random. */
  random?: () => number;
  /** The run, for the tags that tie the job to it. Default: no GitHub Actions run. */
  identity?: RunIdentity;
  /** Default: DescribeTrainingJob every 30 s (never more often), logs every 10 s. */
  pollIntervalMs?: { describe?: number; logs?: number };
}

/** docs/service-rules.md: never more than one DescribeTrainingJob per 30 s per job. */
export const MIN_DESCRIBE_INTERVAL_MS = 30_000;

/** Stops the job a run saved (State.JobName, State.SageMakerRegion) and did not see to its end. */
export type StopSavedJob = (
  options: Pick<StopSavedJobOptions, 'jobName' | 'region' | 'logger' | 'identity'>,
) => Promise<boolean>;

/** The SageMaker job a killed run left running keeps billing: stop it, if this run created it (its run tag). */
export async function cleanupSavedJob(
  saved: SavedState,
  ctx: CleanupContext,
  stop: StopSavedJob = stopSavedTrainingJob,
): Promise<void> {
  if (!saved.jobName || !saved.sagemakerRegion) return;
  ctx.logger.info(`The main step did not finish: stopping training job ${saved.jobName} (${saved.sagemakerRegion}).`);
  await stop({ jobName: saved.jobName, region: saved.sagemakerRegion, logger: ctx.logger, identity: ctx.identity });
}

export class SageMakerBackend implements Backend<RemoteJobRequest> {
  constructor(private readonly deps: SageMakerBackendDeps) {}

  cleanup(saved: SavedState, ctx: CleanupContext): Promise<void> {
    return cleanupSavedJob(saved, ctx);
  }

  async run(ctx: RunContext<RemoteJobRequest>): Promise<TrainingResult> {
    // Loaded here, not at start-up: a local run never loads the SageMaker SDK.
    const { SageMakerRun } = await import('./run.js');
    const describe = Math.max(this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_INTERVAL_MS, MIN_DESCRIBE_INTERVAL_MS);
    return new SageMakerRun(
      {
        sagemaker: this.deps.sagemaker,
        logs: this.deps.logs,
        s3: this.deps.s3 ?? createS3Client,
        sleep: this.deps.sleep ?? sleep,
        now: this.deps.now ?? (() => new Date()),
        random: this.deps.random ?? Math.random,
        identity: this.deps.identity ?? NO_RUN_IDENTITY,
        pollIntervalMs: { describe, logs: this.deps.pollIntervalMs?.logs ?? 10_000 },
      },
      ctx,
    ).execute();
  }
}

export type LazySageMakerDeps = Omit<SageMakerBackendDeps, 'sagemaker' | 'logs'> & {
  /** Default: createSageMakerClient from src/aws/clients.ts. */
  sagemaker?: (region: string) => Promise<SageMakerClient>;
  /** Default: createCloudWatchLogsClient from src/aws/clients.ts. */
  logs?: (region: string) => Promise<CloudWatchLogsClient>;
  /** How cleanup stops a saved job (default stopSavedTrainingJob). */
  stopSavedJob?: StopSavedJob;
};

/** A SageMakerBackend whose clients are created on the first run, in the request's region (for the pipeline). */
export function lazySageMakerBackend(deps: LazySageMakerDeps = {}): Backend<RemoteJobRequest> {
  return {
    async run(ctx: RunContext<RemoteJobRequest>): Promise<TrainingResult> {
      const region = ctx.request.region;
      const [sagemaker, logs] = await Promise.all([
        (deps.sagemaker ?? createSageMakerClient)(region),
        (deps.logs ?? createCloudWatchLogsClient)(region),
      ]);
      return new SageMakerBackend({ ...deps, sagemaker, logs }).run(ctx);
    },
    cleanup: (saved, ctx) => cleanupSavedJob(saved, ctx, deps.stopSavedJob),
  };
}
