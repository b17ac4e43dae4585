// Stopping a training job: used when a run is cancelled, and by the post step with the job name the main step saved.
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import type { Logger } from '../../logger.js';
import { awsErrorName } from '../../wait/backoff.js';
import { TagKey } from './input.js';
import { messageOf } from '../../error-message.js';

export interface StopOptions {
  /**
   * When set, the job is stopped only if its `sagemaker-train:run` tag has this value: the post step must never stop
   * a job of the same name that another run created.
   */
  runTag?: string;
  signal?: AbortSignal;
}

/**
 * Asks SageMaker to stop `jobName`. Idempotent and never throws: a job that already ended (ValidationException) or
 * does not exist is fine; anything else is a warning. Returns true when a stop was requested.
 */
export async function stopTrainingJob(
  client: SageMakerClient,
  jobName: string,
  logger: Logger,
  opts: StopOptions = {},
): Promise<boolean> {
  try {
    const { StopTrainingJobCommand, DescribeTrainingJobCommand, ListTagsCommand } =
      await import('@aws-sdk/client-sagemaker');
    if (opts.runTag !== undefined) {
      const job = await client.send(new DescribeTrainingJobCommand({ TrainingJobName: jobName }), {
        abortSignal: opts.signal,
      });
      if (job.TrainingJobStatus !== 'InProgress') {
        logger.info(`Training job ${jobName} is already ${job.TrainingJobStatus ?? 'ended'}: nothing to stop`);
        return false;
      }
      const tags = await client.send(new ListTagsCommand({ ResourceArn: job.TrainingJobArn }), {
        abortSignal: opts.signal,
      });
      const run = tags.Tags?.find((t) => t.Key === TagKey.Run)?.Value;
      if (run !== opts.runTag) {
        logger.warning(
          `Training job ${jobName} was not created by this run (${TagKey.Run}=${run ?? 'none'}): left running`,
        );
        return false;
      }
    }
    await client.send(new StopTrainingJobCommand({ TrainingJobName: jobName }), { abortSignal: opts.signal });
    logger.info(`Stop requested for training job ${jobName}`);
    return true;
  } catch (err) {
    const name = awsErrorName(err);
    if (name === 'ValidationException' || name === 'ResourceNotFound') {
      logger.info(`Training job ${jobName} is not running: nothing to stop (${messageOf(err)})`);
    } else {
      logger.warning(`Could not stop training job ${jobName}: ${messageOf(err)}`);
    }
    return false;
  }
}
