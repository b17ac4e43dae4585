// Direct SageMaker mode: CreateTrainingJob, an abortable wait with every host's CloudWatch logs, stop on cancel.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import { createCloudWatchLogsClient, createSageMakerClient } from '../../aws/clients.js';
import { createS3Client } from '../../aws/s3.js';
import type { TrainingResult } from '../../result.js';
import { sleep } from '../../wait/abortable.js';
import type { Backend, RunContext } from '../backend.js';

export { stopSavedTrainingJob, type StopSavedJobOptions } from './cleanup.js';
export { createTrainingJobInput, runTags, runTagValue, sageMakerRequestProblems, TagKey } from './input.js';
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
  /** GitHub's variables, for the tags that tie the job to its run. Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Default: DescribeTrainingJob every 30 s (never more often), logs every 10 s. */
  pollIntervalMs?: { describe?: number; logs?: number };
}

/** docs/service-rules.md: never more than one DescribeTrainingJob per 30 s per job. */
export const MIN_DESCRIBE_INTERVAL_MS = 30_000;

export class SageMakerBackend implements Backend {
  constructor(private readonly deps: SageMakerBackendDeps) {}

  async run(ctx: RunContext): Promise<TrainingResult> {
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
        env: this.deps.env ?? process.env,
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
};

/** A SageMakerBackend whose clients are created on the first run, in the request's region (for the pipeline). */
export function lazySageMakerBackend(deps: LazySageMakerDeps = {}): Backend {
  return {
    async run(ctx: RunContext): Promise<TrainingResult> {
      const region = ctx.request.region;
      const [sagemaker, logs] = await Promise.all([
        (deps.sagemaker ?? createSageMakerClient)(region),
        (deps.logs ?? createCloudWatchLogsClient)(region),
      ]);
      return new SageMakerBackend({ ...deps, sagemaker, logs }).run(ctx);
    },
  };
}
