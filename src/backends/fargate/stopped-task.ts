// A runner task that stopped on its own: it never started, it crashed without a result, or it wrote result.json,
// which is then checked against how the task ended.
import type { S3Client } from '@aws-sdk/client-s3';
import type { Task } from '@aws-sdk/client-ecs';

import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { TrainingResult } from '../../result.js';
import { readResult } from './envelope-io.js';
import { neverStarted, runnerVerdict, type Outcome } from './outcome.js';
import { describeExit, taskEnd } from './task.js';

/** Runner log lines quoted in a crash report. */
const CRASH_LINES = 20;

export interface StoppedTaskOptions {
  s3: S3Client;
  resultUri: string;
  task: Task;
  /** fargate.container, and the task definition's essential containers. */
  container: string;
  essential: Set<string>;
  /** The runner's last log lines, for a crash report. */
  lastLines: string[];
  signal: AbortSignal;
  logger: Logger;
}

/** The runner's result checked against the task's end, or an outcome of our own that says what went wrong. */
export async function stoppedTaskOutcome(o: StoppedTaskOptions): Promise<Outcome | TrainingResult> {
  const { task, resultUri } = o;
  const end = taskEnd(task, o.container, o.essential);
  if (end.kind === 'never-started') return neverStarted(`The runner task never started: ${end.reason}`);
  let read;
  try {
    read = await readResult(o.s3, resultUri, {
      ...(task.createdAt ? { notBefore: task.createdAt } : {}),
      signal: o.signal,
    });
  } catch (err) {
    read = { kind: 'invalid' as const, problem: `it could not be read (${messageOf(err)})` };
  }
  if (read.kind === 'found') return runnerVerdict(read.result, end, task, o.logger);
  const why =
    read.kind === 'missing'
      ? `without writing ${resultUri}`
      : read.kind === 'stale'
        ? `without writing ${resultUri} (the one there is from ${read.lastModified.toISOString()}, before this task)`
        : `and ${resultUri} is not a result: ${read.problem}`;
  const lines = o.lastLines.slice(-CRASH_LINES);
  const stopInfo = task.stoppedReason ? ` Task stopped: ${task.stopCode ?? '?'}: ${task.stoppedReason}.` : '';
  return {
    status: 'Failed',
    failureReason:
      `The runner crashed: ${describeExit(end.exitCode)}, ${why}.${stopInfo}` +
      (lines.length > 0 ? `\nLast runner log lines:\n${lines.join('\n')}` : ' No runner log lines were read.'),
  };
}
