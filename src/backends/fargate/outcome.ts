// How a fargate run ended: the runner's result checked against its task's end, or, when the runner wrote none, an
// outcome of our own (never started, stopped, failed).
import type { Task } from '@aws-sdk/client-ecs';

import type { Logger } from '../../logger.js';
import type { TrainingResult, TrainingStatus } from '../../result.js';
import { describeExit, isRunnerExitCode, type TaskEnd } from './task.js';

export interface Outcome {
  status: TrainingStatus;
  failureReason?: string;
  secondaryStatus?: string;
}

export function stopped(reason: string): Outcome {
  return { status: 'Stopped', failureReason: reason };
}

export function neverStarted(reason: string): Outcome {
  return { status: 'Failed', secondaryStatus: 'TaskFailedToStart', failureReason: reason };
}

/**
 * The runner's own result, checked against how its task ended: a completed job whose task did not end cleanly is a
 * failure, and a stop that ECS caused (not the runner's exit) says why.
 */
export function runnerVerdict(
  runner: TrainingResult,
  end: Extract<TaskEnd, { kind: 'exited' }>,
  task: Task,
  logger: Logger,
): TrainingResult {
  if (!isRunnerExitCode(end.exitCode)) {
    logger.warning(`The runner ended with ${describeExit(end.exitCode)} but wrote its result: using it.`);
  }
  let verdict = runner;
  if (runner.status === 'Completed' && !end.succeeded) {
    verdict = {
      ...runner,
      status: 'Failed',
      failureReason: `The training job completed, but the runner task did not end cleanly: ${end.problems.join('; ')}.`,
    };
  } else if (runner.status === 'Stopped' && task.stopCode && task.stopCode !== 'EssentialContainerExited') {
    const why = `runner task ${task.stopCode}: ${task.stoppedReason ?? 'no reason given'}`;
    verdict = { ...runner, failureReason: runner.failureReason ? `${runner.failureReason} (${why})` : why };
  }
  return verdict;
}
