// Stopping the runner task: when a run is cancelled, and by the post step with the ARN the main step saved. ECS sends
// the runner SIGTERM (and gives it the task definition's stopTimeout) so it stops the training job itself.
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

import { createEcsClient, createSageMakerClient } from '../../aws/clients.js';
import type { Logger } from '../../logger.js';
import { NO_RUN_IDENTITY, type RunIdentity } from '../../run-identity.js';
import { awsErrorName } from '../../wait/backoff.js';
import { runTagValue } from '../sagemaker/input.js';
import { stopTrainingJob } from '../sagemaker/stop.js';
import { regionOfArn } from './task.js';
import { messageOf } from '../../error-message.js';

export interface StopTaskOptions {
  ecs: ECSClient;
  cluster: string;
  taskArn: string;
  /** Shown as the task's stoppedReason (at most 255 characters). */
  reason: string;
  logger: Logger;
  signal?: AbortSignal;
}

/** StopTask. Idempotent and never throws: a task already stopped or gone is fine. True when a stop was sent. */
export async function stopTask(o: StopTaskOptions): Promise<boolean> {
  if (!o.taskArn) return false;
  try {
    const { StopTaskCommand } = await import('@aws-sdk/client-ecs');
    await o.ecs.send(new StopTaskCommand({ cluster: o.cluster, task: o.taskArn, reason: o.reason.slice(0, 255) }), {
      ...(o.signal ? { abortSignal: o.signal } : {}),
    });
    o.logger.info(`Stop requested for runner task ${o.taskArn}`);
    return true;
  } catch (err) {
    const name = awsErrorName(err);
    if (name === 'InvalidParameterException' || name === 'ClusterNotFoundException') {
      o.logger.info(`Runner task ${o.taskArn} is not running: nothing to stop (${messageOf(err)})`);
    } else {
      o.logger.warning(`Could not stop runner task ${o.taskArn}: ${messageOf(err)}`);
    }
    return false;
  }
}

export interface StopSavedTaskOptions {
  /** State.TaskArn. */
  taskArn: string;
  /** State.FargateCluster; the cluster in the task ARN when absent. */
  cluster?: string;
  /** State.JobName and State.SageMakerRegion: the job the runner may have created. */
  jobName?: string;
  sagemakerRegion?: string;
  logger: Logger;
  /** The run: its run id and attempt identify the job it created. Default: no GitHub Actions run. */
  identity?: RunIdentity;
  ecs?: (region: string) => Promise<ECSClient>;
  sagemaker?: (region: string) => Promise<SageMakerClient>;
  signal?: AbortSignal;
}

/**
 * For the post step: StopTask, then StopTrainingJob on the job name the main step saved (the runner stops it too on
 * SIGTERM; this covers a runner killed before it could). As in sagemaker mode, a job is stopped only when its run tag
 * says this workflow run created it (the runner tags it with the run's variables), so an explicit job.name that
 * clashes with another run's job is left alone. Never throws; the result says what was sent.
 */
export async function stopSavedTask(o: StopSavedTaskOptions): Promise<{ task: boolean; job: boolean }> {
  const done = { task: false, job: false };
  const region = regionOfArn(o.taskArn) ?? o.sagemakerRegion;
  const cluster = o.cluster || /:task\/([^/]+)\//.exec(o.taskArn)?.[1] || 'default';
  try {
    if (!region) throw new Error(`no region in ${o.taskArn}`);
    const ecs = await (o.ecs ?? createEcsClient)(region);
    done.task = await stopTask({
      ecs,
      cluster,
      taskArn: o.taskArn,
      reason: 'cancelled: the workflow step ended before the run',
      logger: o.logger,
      ...(o.signal ? { signal: o.signal } : {}),
    });
  } catch (err) {
    o.logger.warning(`Could not stop runner task ${o.taskArn}: ${messageOf(err)}`);
  }
  if (o.jobName && o.sagemakerRegion) {
    try {
      const sagemaker = await (o.sagemaker ?? createSageMakerClient)(o.sagemakerRegion);
      const runTag = runTagValue(o.identity ?? NO_RUN_IDENTITY);
      done.job = await stopTrainingJob(sagemaker, o.jobName, o.logger, {
        ...(runTag !== undefined ? { runTag } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
      });
    } catch (err) {
      o.logger.warning(`Could not stop training job ${o.jobName}: ${messageOf(err)}`);
    }
  }
  return done;
}
