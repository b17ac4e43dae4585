// For the post step: stop the training job the main step saved, when the main step did not get to finish. Creates its
// client lazily, and only stops a job this run created (its `sagemaker-train:run` tag), so a reused name is safe.
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import { createSageMakerClient } from '../../aws/clients.js';
import type { Logger } from '../../logger.js';
import { NO_RUN_IDENTITY, type RunIdentity } from '../../run-identity.js';
import { runTagValue } from './input.js';
import { stopTrainingJob } from './stop.js';
import { messageOf } from '../../error-message.js';

export interface StopSavedJobOptions {
  /** The job name the main step saved (State.JobName). */
  jobName: string;
  /** The job's region (the request's `region`; AWS_REGION when the post step cannot read the request). */
  region: string;
  logger: Logger;
  /** The run: its run id and attempt identify the job it created. Default: no GitHub Actions run. */
  identity?: RunIdentity;
  /** Default: a client from src/aws/clients.ts. */
  sagemaker?: (region: string) => Promise<SageMakerClient>;
  signal?: AbortSignal;
}

/** Stops the saved job if it is still running and was created by this run. Never throws; true when a stop was sent. */
export async function stopSavedTrainingJob(opts: StopSavedJobOptions): Promise<boolean> {
  try {
    const client = await (opts.sagemaker ?? createSageMakerClient)(opts.region);
    const runTag = runTagValue(opts.identity ?? NO_RUN_IDENTITY);
    return await stopTrainingJob(client, opts.jobName, opts.logger, {
      ...(runTag !== undefined ? { runTag } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    opts.logger.warning(`Could not stop training job ${opts.jobName}: ${messageOf(err)}`);
    return false;
  }
}
