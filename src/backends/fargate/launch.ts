// Starting the runner task: RunTask, tried again with back-off while ECS reports no capacity (or a transient
// placement problem), and given up on with a message that says what to change.
import { type ECSClient, type KeyValuePair, RunTaskCommand, type Task } from '@aws-sdk/client-ecs';

import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { FargateSpec } from '../../request.js';
import { isAbortError } from '../../wait/abortable.js';
import { awsErrorName, backoffDelay } from '../../wait/backoff.js';
import { neverStarted, type Outcome } from './outcome.js';
import { runTaskInput } from './task.js';

/** Capacity back-off: 10 s, 20 s, 40 s, then 60 s (with jitter). */
const RUN_TASK_BACKOFF = { baseMs: 10_000, capMs: 60_000 };

/** RunTask failures worth another try: capacity and transient placement problems. */
const RETRYABLE_FAILURE = /capacity|unavailable|RESOURCE:|throttl|try again|AGENT/i;

export type Launch = { kind: 'started'; task: Task } | { kind: 'aborted' } | { kind: 'failed'; outcome: Outcome };

export interface LaunchOptions {
  ecs: ECSClient;
  spec: FargateSpec;
  jobName: string;
  environment: KeyValuePair[];
  runTag?: string;
  /** RunTask calls before giving up on capacity. */
  runTaskAttempts: number;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  logger: Logger;
}

/** RunTask until a task starts, ECS refuses for good, the attempts run out or the run is cancelled. */
export async function launchRunner(o: LaunchOptions): Promise<Launch> {
  const attempts = Math.max(1, o.runTaskAttempts);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (o.signal.aborted) return { kind: 'aborted' };
    const input = runTaskInput({
      spec: o.spec,
      jobName: o.jobName,
      attempt,
      environment: o.environment,
      ...(o.runTag !== undefined ? { runTag: o.runTag } : {}),
    });
    o.logger.debug(`RunTask ${JSON.stringify({ ...input, overrides: '…' })}`);
    let response;
    try {
      // Not abortable: once sent, the task may exist, and cancelling needs its ARN.
      response = await o.ecs.send(new RunTaskCommand(input));
    } catch (err) {
      throw new Error(`RunTask on cluster ${o.spec.cluster} failed: ${messageOf(err)}${runTaskHint(err)}`, {
        cause: err,
      });
    }
    const task = response.tasks?.find((t) => t.taskArn);
    if (task?.taskArn) return { kind: 'started', task };
    const reasons =
      (response.failures ?? []).map((f) => `${f.reason ?? 'unknown'}${f.detail ? ` (${f.detail})` : ''}`).join('; ') ||
      'RunTask returned neither a task nor a failure';
    const failed = giveUp(reasons, attempt, attempts, o.spec);
    if (failed) return failed;
    if (!(await backOff(o, attempt, attempts, reasons))) return { kind: 'aborted' };
  }
  return { kind: 'aborted' };
}

/** The failure to report when this refusal is final (not about capacity, or the last attempt). */
function giveUp(reasons: string, attempt: number, attempts: number, spec: FargateSpec): Launch | undefined {
  if (!RETRYABLE_FAILURE.test(reasons)) {
    return { kind: 'failed', outcome: neverStarted(`RunTask started no task: ${reasons}`) };
  }
  if (attempt < attempts) return undefined;
  return {
    kind: 'failed',
    outcome: neverStarted(
      `RunTask started no task after ${attempts} attempts: ${reasons}. Try again later, add subnets in other ` +
        `availability zones to fargate.subnets${spec.capacity === 'FARGATE_SPOT' ? ', or use capacity: FARGATE' : ''}.`,
    ),
  };
}

/** Waits before the next attempt; false when the run was cancelled meanwhile. */
async function backOff(o: LaunchOptions, attempt: number, attempts: number, reasons: string): Promise<boolean> {
  const delay = backoffDelay(attempt - 1, { ...RUN_TASK_BACKOFF, random: o.random });
  o.logger.warning(
    `RunTask started no task (${reasons}); trying again in ${Math.round(delay / 1000)} s (attempt ${attempt + 1} of ${attempts})`,
  );
  try {
    await o.sleep(delay, o.signal);
    return true;
  } catch (err) {
    if (isAbortError(err) || o.signal.aborted) return false;
    throw err;
  }
}

/** What to change after RunTask itself was refused. */
function runTaskHint(err: unknown): string {
  switch (awsErrorName(err)) {
    case 'ClusterNotFoundException':
      return ' — check fargate.cluster (the cluster must exist in the request region).';
    case 'AccessDeniedException':
      return ' — the role needs ecs:RunTask on the task definition and iam:PassRole on its two roles (see infra/).';
    case 'InvalidParameterException':
    case 'ClientException':
      return ' — check fargate.task-definition, fargate.subnets, fargate.security-groups and fargate.container.';
    case 'PlatformUnknownException':
    case 'UnsupportedFeatureException':
      return ' — the task definition must be compatible with FARGATE.';
    default:
      return '';
  }
}
