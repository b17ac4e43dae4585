// Following the runner task after RunTask: DescribeTasks every poll interval (never more often), the runner's log
// stream tailed in between, until the task stops, hands off (wait: false) or the deadline passes.
import { DescribeTasksCommand, type ECSClient, type Task } from '@aws-sdk/client-ecs';

import type { Logger } from '../../logger.js';
import { pollUntil } from '../../wait/poll-loop.js';
import type { RunnerLogTail } from './runner-log.js';

/** A freshly started task can be MISSING from DescribeTasks for a moment (eventual consistency). */
const MISSING_GRACE_MS = 2 * 60_000;

export type WaitEnd =
  { kind: 'stopped'; task: Task } | { kind: 'running'; task: Task } | { kind: 'aborted' } | { kind: 'deadline' };

export interface FollowTaskOptions {
  ecs: ECSClient;
  cluster: string;
  /** RunTask's answer: the first look at the task. */
  first: Task;
  /** Whether the action waits for the end (wait: true), or hands off once the runner runs. */
  wait: boolean;
  /** Epoch milliseconds after which the action gives up. */
  deadline: number;
  pollIntervalMs: { describe: number; logs: number };
  now: () => Date;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  signal: AbortSignal;
  logger: Logger;
  tail?: RunnerLogTail;
  /** Each newer look at the task. */
  onTask: (task: Task) => void;
  onPhase?: (phase: string) => void;
  onLogsError: (err: unknown) => void;
}

/** Polls the task until it stops, runs (when not waiting), the deadline passes or the run is cancelled. */
export async function followTask(o: FollowTaskOptions): Promise<WaitEnd> {
  const { describe: describeMs, logs: logsMs } = o.pollIntervalMs;
  const start = o.now().getTime();
  const taskArn = o.first.taskArn ?? '';
  let lastStatus = o.first.lastStatus;
  o.logger.info(`Runner task: ${lastStatus ?? 'PROVISIONING'}`);
  const { tail } = o;
  const end = await pollUntil<WaitEnd>({
    signal: o.signal,
    now: o.now,
    sleep: o.sleep,
    random: o.random,
    logger: o.logger,
    deadline: o.deadline,
    // RunTask's answer was the first look.
    firstLookAt: start + describeMs,
    lookEveryMs: describeMs,
    lookName: 'DescribeTasks',
    look: async (signal) => {
      const task = await describeTask(o, taskArn, signal, o.now().getTime() - start);
      if (!task) return undefined;
      o.onTask(task);
      if (task.lastStatus !== lastStatus) {
        lastStatus = task.lastStatus;
        o.logger.info(`Runner task: ${lastStatus ?? '?'}`);
        if (lastStatus === 'RUNNING') o.onPhase?.('training');
      }
      if (task.lastStatus === 'STOPPED') return { kind: 'stopped', task };
      if (!o.wait && (task.lastStatus === 'RUNNING' || task.startedAt !== undefined)) return { kind: 'running', task };
      return undefined;
    },
    ...(tail ? { readLogs: () => tail.poll() } : {}),
    readLogsEveryMs: logsMs,
    onLogsError: o.onLogsError,
  });
  return end.kind === 'done' ? end.value : end;
}

/** The task, or undefined while it is MISSING for a moment after RunTask. */
async function describeTask(
  o: Pick<FollowTaskOptions, 'ecs' | 'cluster' | 'logger'>,
  taskArn: string,
  signal: AbortSignal | undefined,
  sinceStartMs: number,
): Promise<Task | undefined> {
  const response = await o.ecs.send(
    new DescribeTasksCommand({ cluster: o.cluster, tasks: [taskArn] }),
    signal ? { abortSignal: signal } : {},
  );
  const task = response.tasks?.find((t) => t.taskArn === taskArn) ?? response.tasks?.[0];
  if (task) return task;
  const reasons = (response.failures ?? []).map((f) => f.reason ?? '?').join('; ') || 'no task returned';
  if (sinceStartMs < MISSING_GRACE_MS) {
    o.logger.debug(`DescribeTasks: ${reasons}; the task may not be visible yet`);
    return undefined;
  }
  throw new Error(`DescribeTasks cannot find runner task ${taskArn}: ${reasons}`);
}
