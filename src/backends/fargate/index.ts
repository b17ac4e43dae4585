// Fargate mode, the GitHub side: start the runner's ECS task (which launches and watches the SageMaker job from inside
// AWS), follow it or hand off to it, and stop both when cancelled.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import { createCloudWatchLogsClient, createEcsClient, createSageMakerClient } from '../../aws/clients.js';
import { createS3Client } from '../../aws/s3.js';
import { messageOf } from '../../error-message.js';
import type { TrainingResult } from '../../result.js';
import type { SavedState } from '../../state.js';
import { sleep } from '../../wait/abortable.js';
import type { Backend, CleanupContext, RunContext } from '../backend.js';
import { cleanupSavedJob, type StopSavedJob } from '../sagemaker/index.js';
import { stopSavedTask, type StopSavedTaskOptions } from './stop.js';
import type { FargateRequest } from '../../request.js';
import { NO_RUN_IDENTITY, type RunIdentity } from '../../run-identity.js';

export { stopSavedTask, type StopSavedTaskOptions } from './stop.js';

/** Stops a saved runner task and the job it runs. */
export type StopSavedTask = (
  options: Pick<StopSavedTaskOptions, 'taskArn' | 'cluster' | 'jobName' | 'sagemakerRegion' | 'logger' | 'identity'>,
) => Promise<unknown>;

export interface FargateCleanupSeams {
  stopSavedTask?: StopSavedTask;
  /** A run killed before its task existed may still have named its job. */
  stopSavedJob?: StopSavedJob;
}

/**
 * A runner task the run started and did not see to its end: StopTask (the runner then stops its job on SIGTERM) and
 * StopTrainingJob on the saved job name, for a runner killed before it could. Idempotent; never throws.
 */
export async function cleanupSavedTask(
  saved: SavedState,
  ctx: CleanupContext,
  seams: FargateCleanupSeams = {},
): Promise<void> {
  if (!saved.sagemakerRegion) return;
  if (!saved.taskArn) return cleanupSavedJob(saved, ctx, seams.stopSavedJob);
  ctx.logger.info(`The main step did not finish: stopping runner task ${saved.taskArn}.`);
  try {
    await (seams.stopSavedTask ?? stopSavedTask)({
      taskArn: saved.taskArn,
      ...(saved.fargateCluster ? { cluster: saved.fargateCluster } : {}),
      ...(saved.jobName ? { jobName: saved.jobName, sagemakerRegion: saved.sagemakerRegion } : {}),
      logger: ctx.logger,
      identity: ctx.identity,
    });
  } catch (err) {
    ctx.logger.warning(`Could not stop runner task ${saved.taskArn}: ${messageOf(err)}`);
  }
}

export interface FargateBackendDeps {
  ecs: ECSClient;
  s3: S3Client;
  /** The client of the request's region; another region's (awslogs-region) is created with `logsFor`. */
  logs: CloudWatchLogsClient;
  /** For cancellation only: StopTrainingJob on the job the runner created. */
  sagemaker: SageMakerClient;
  /** Default: createCloudWatchLogsClient. */
  logsFor?: (region: string) => Promise<CloudWatchLogsClient>;
  /** Default: src/wait/abortable.ts's sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => Date;
  /** Jitter source. Default: Math.random. */
  random?: () => number;
  /** The run: the envelope hands it to the runner, and it names this run's job. Default: no GitHub Actions run. */
  identity?: RunIdentity;
  /** Default: DescribeTasks every 15 s (never more often), the runner's logs every 10 s. */
  pollIntervalMs?: { describe?: number; logs?: number };
  /** RunTask calls while ECS reports no capacity (default 6). */
  runTaskAttempts?: number;
}

/** docs/service-rules.md: never more than one DescribeTasks per 15 s. */
export const MIN_DESCRIBE_TASKS_INTERVAL_MS = 15_000;
export const DEFAULT_RUN_TASK_ATTEMPTS = 6;

export class FargateBackend implements Backend<FargateRequest> {
  constructor(private readonly deps: FargateBackendDeps) {}

  cleanup(saved: SavedState, ctx: CleanupContext): Promise<void> {
    return cleanupSavedTask(saved, ctx);
  }

  async run(ctx: RunContext<FargateRequest>): Promise<TrainingResult> {
    const { FargateRun } = await import('./run.js');
    const { logs, logsFor, request } = { ...this.deps, request: ctx.request };
    const describe = Math.max(
      this.deps.pollIntervalMs?.describe ?? MIN_DESCRIBE_TASKS_INTERVAL_MS,
      MIN_DESCRIBE_TASKS_INTERVAL_MS,
    );
    return new FargateRun(
      {
        ecs: this.deps.ecs,
        s3: this.deps.s3,
        sagemaker: this.deps.sagemaker,
        logs: (region) =>
          region === request.region ? Promise.resolve(logs) : (logsFor ?? createCloudWatchLogsClient)(region),
        sleep: this.deps.sleep ?? sleep,
        now: this.deps.now ?? (() => new Date()),
        random: this.deps.random ?? Math.random,
        identity: this.deps.identity ?? NO_RUN_IDENTITY,
        pollIntervalMs: { describe, logs: this.deps.pollIntervalMs?.logs ?? 10_000 },
        runTaskAttempts: this.deps.runTaskAttempts ?? DEFAULT_RUN_TASK_ATTEMPTS,
      },
      ctx,
    ).execute();
  }
}

export type LazyFargateDeps = Omit<FargateBackendDeps, 'ecs' | 's3' | 'logs' | 'sagemaker'> &
  FargateCleanupSeams & {
    ecs?: (region: string) => Promise<ECSClient>;
    s3?: (region: string) => Promise<S3Client>;
    logs?: (region: string) => Promise<CloudWatchLogsClient>;
    sagemaker?: (region: string) => Promise<SageMakerClient>;
  };

/** A FargateBackend whose clients are created on the first run, in the request's region (for the pipeline). */
export function lazyFargateBackend(deps: LazyFargateDeps = {}): Backend<FargateRequest> {
  return {
    async run(ctx: RunContext<FargateRequest>): Promise<TrainingResult> {
      const region = ctx.request.region;
      const [ecs, s3, logs, sagemaker] = await Promise.all([
        (deps.ecs ?? createEcsClient)(region),
        (deps.s3 ?? createS3Client)(region),
        (deps.logs ?? createCloudWatchLogsClient)(region),
        (deps.sagemaker ?? createSageMakerClient)(region),
      ]);
      return new FargateBackend({
        ...deps,
        ecs,
        s3,
        logs,
        sagemaker,
        logsFor: deps.logs ?? createCloudWatchLogsClient,
      }).run(ctx);
    },
    cleanup: (saved, ctx) => cleanupSavedTask(saved, ctx, deps),
  };
}
