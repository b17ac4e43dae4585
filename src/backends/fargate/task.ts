// The ECS side of fargate mode as pure functions: the RunTask input, its idempotency token, where the runner's logs
// are, and what a stopped task means. Kept apart from the run loop so each rule has its own table-driven test.
import { createHash } from 'node:crypto';

import type { ContainerDefinition, KeyValuePair, RunTaskCommandInput, Task, TaskDefinition } from '@aws-sdk/client-ecs';

import type { FargateSpec } from '../../request.js';
import { regionInArn } from '../../patterns.js';
import type { Link } from '../../result.js';
import { RunnerExit } from './contract.js';

/** ECS's limit on a RunTask's overrides (docs/service-rules.md): past it, the request travels through S3 only. */
export const MAX_OVERRIDES_BYTES = 8 * 1024;
/** RunTask's clientToken: up to 64 ASCII characters. */
export const MAX_CLIENT_TOKEN = 64;
/** RunTask's startedBy: up to 36 letters, digits, `-`, `/` and `_`. */
export const MAX_STARTED_BY = 36;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The clientToken of RunTask attempt `attempt` for a job: the same call retried by the SDK (same attempt) never starts
 * a second task, while a capacity retry (next attempt) gets a new token, since ECS answers a reused token with the
 * original response, failures included. The run's identity goes into the hash so a re-run of a workflow with an
 * explicit job name is a new request.
 */
export function clientToken(jobName: string, attempt: number, runTag = ''): string {
  return `${jobName.slice(0, 40)}-${sha256(`${jobName}\0${runTag}`).slice(0, 12)}-${attempt}`.slice(
    0,
    MAX_CLIENT_TOKEN,
  );
}

/** startedBy: the job name when it fits, else its start and a hash of the whole (so two long names stay apart). */
export function startedBy(jobName: string): string {
  const clean = jobName.replace(/[^A-Za-z0-9_/-]/g, '-');
  if (clean.length <= MAX_STARTED_BY) return clean;
  return `${clean.slice(0, MAX_STARTED_BY - 9)}-${sha256(jobName).slice(0, 8)}`;
}

/** Bytes of the overrides as ECS measures them (their JSON). */
export function overridesBytes(overrides: NonNullable<RunTaskCommandInput['overrides']>): number {
  return Buffer.byteLength(JSON.stringify(overrides), 'utf8');
}

export interface RunTaskInputOptions {
  spec: FargateSpec;
  jobName: string;
  attempt: number;
  runTag?: string;
  environment: KeyValuePair[];
}

export function runTaskInput(o: RunTaskInputOptions): RunTaskCommandInput {
  const { spec } = o;
  return {
    cluster: spec.cluster,
    taskDefinition: spec.taskDefinition,
    // Not launchType: the two are exclusive, and only a strategy can ask for FARGATE_SPOT.
    capacityProviderStrategy: [{ capacityProvider: spec.capacity, weight: 1 }],
    count: 1,
    networkConfiguration: {
      awsvpcConfiguration: {
        subnets: [...spec.subnets],
        securityGroups: [...spec.securityGroups],
        assignPublicIp: spec.assignPublicIp ? 'ENABLED' : 'DISABLED',
      },
    },
    overrides: { containerOverrides: [{ name: spec.container, environment: o.environment }] },
    clientToken: clientToken(o.jobName, o.attempt, o.runTag),
    startedBy: startedBy(o.jobName),
  };
}

/** `abc123` from `arn:aws:ecs:eu-west-1:123456789012:task/ml-ci/abc123` (and from an old-style ARN without cluster). */
export function taskIdOf(taskArn: string): string {
  return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

/** The cluster's name from a cluster ARN, a task ARN or a bare name. */
export function clusterNameOf(clusterOrArn: string): string {
  const task = /:task\/([^/]+)\/[^/]+$/.exec(clusterOrArn);
  if (task) return task[1] as string;
  return clusterOrArn.slice(clusterOrArn.lastIndexOf('/') + 1);
}

/** The region of an ECS ARN. */
export function regionOfArn(arn: string): string | undefined {
  return regionInArn(arn, 'ecs');
}

export interface RunnerLogLocation {
  group: string;
  region?: string;
  /** `<awslogs-stream-prefix>/<container>/<task id>`. */
  stream: string;
}

/** The runner container of a task definition, or an error naming the containers there are. */
export function runnerContainer(def: TaskDefinition, name: string): ContainerDefinition {
  const container = def.containerDefinitions?.find((c) => c.name === name);
  if (container) return container;
  const names = (def.containerDefinitions ?? []).map((c) => c.name ?? '?').join(', ') || 'none';
  throw new Error(
    `fargate.container: task definition ${def.taskDefinitionArn ?? '?'} has no container named "${name}" ` +
      `(its containers: ${names}). Set fargate.container to the runner's container.`,
  );
}

/** Where the awslogs driver writes the runner's output; undefined when it uses another driver (or none). */
export function runnerLogLocation(container: ContainerDefinition, taskArn: string): RunnerLogLocation | undefined {
  const config = container.logConfiguration;
  const options = config?.options ?? {};
  const group = options['awslogs-group'];
  const prefix = options['awslogs-stream-prefix'];
  if (config?.logDriver !== 'awslogs' || !group || !prefix || !container.name) return undefined;
  return {
    group,
    ...(options['awslogs-region'] ? { region: options['awslogs-region'] } : {}),
    stream: `${prefix}/${container.name}/${taskIdOf(taskArn)}`,
  };
}

/** Names of the containers a task needs (essential defaults to true). */
export function essentialContainers(def: TaskDefinition | undefined, runner: string): Set<string> {
  const names = (def?.containerDefinitions ?? []).filter((c) => c.essential !== false).map((c) => c.name ?? '');
  return new Set(names.length > 0 ? names : [runner]);
}

/** What a STOPPED task says about itself, before result.json is read. */
export type TaskEnd =
  /** No container ever ran: the task could not be placed, pulled or started. */
  | { kind: 'never-started'; reason: string }
  /** The runner's container ran and exited (code undefined when ECS did not report one). */
  | { kind: 'exited'; exitCode: number | undefined; succeeded: boolean; problems: string[] };

function stopped(task: Task): string {
  const code = task.stopCode ?? 'no stop code';
  return `${code}: ${task.stoppedReason ?? 'no reason given'}`;
}

/**
 * ECS's rule: a task succeeded only if it is STOPPED, its stopCode is not TaskFailedToStart, and every essential
 * container exited 0. `problems` lists every essential container that did not.
 */
export function taskEnd(task: Task, runner: string, essential: Set<string>): TaskEnd {
  const containers = task.containers ?? [];
  const runnerContainer = containers.find((c) => c.name === runner);
  const anyStarted = containers.some((c) => c.exitCode !== undefined || c.runtimeId !== undefined);
  if (task.stopCode === 'TaskFailedToStart' || !anyStarted) {
    const details = containers
      .filter((c) => c.reason)
      .map((c) => `${c.name ?? '?'}: ${c.reason ?? ''}`)
      .join('; ');
    return { kind: 'never-started', reason: `${stopped(task)}${details ? ` (${details})` : ''}` };
  }
  const problems: string[] = [];
  for (const c of containers) {
    if (!essential.has(c.name ?? '') || c.exitCode === 0) continue;
    problems.push(
      `essential container ${c.name ?? '?'} ${c.exitCode === undefined ? 'reported no exit code' : `exited ${c.exitCode}`}` +
        (c.reason ? ` (${c.reason})` : ''),
    );
  }
  return {
    kind: 'exited',
    exitCode: runnerContainer?.exitCode,
    succeeded: task.lastStatus === 'STOPPED' && problems.length === 0,
    problems,
  };
}

const EXIT_MEANINGS: Record<number, string> = {
  [RunnerExit.Completed]: 'the job completed',
  [RunnerExit.Error]: 'the runner failed',
  [RunnerExit.BadRequest]: 'the request could not be read or is not valid; nothing was launched',
  [RunnerExit.JobFailed]: 'the job failed',
  [RunnerExit.JobStopped]: 'the job was stopped',
  137: 'killed (SIGKILL: out of memory, or it did not stop within stopTimeout)',
  139: 'segmentation fault',
  143: 'terminated (SIGTERM)',
};

/** `exit code 2 (the request could not be read or is not valid; …)`. */
export function describeExit(exitCode: number | undefined): string {
  if (exitCode === undefined) return 'no exit code';
  const meaning = EXIT_MEANINGS[exitCode];
  return `exit code ${exitCode}${meaning ? ` (${meaning})` : ''}`;
}

export function isRunnerExitCode(exitCode: number | undefined): boolean {
  return exitCode !== undefined && (Object.values(RunnerExit) as number[]).includes(exitCode);
}

/** CloudWatch's console encodes its URL fragment: `/` → `$252F`. */
function cloudWatchFragment(value: string): string {
  return encodeURIComponent(value).replace(/%/g, '$25');
}

export function taskLinks(region: string, taskArn: string, log?: RunnerLogLocation): Link[] {
  const host = `https://${region}.console.aws.amazon.com`;
  const cluster = encodeURIComponent(clusterNameOf(taskArn));
  const links: Link[] = [
    {
      label: 'Fargate runner task',
      url: `${host}/ecs/v2/clusters/${cluster}/tasks/${encodeURIComponent(taskIdOf(taskArn))}?region=${region}`,
    },
  ];
  if (log) {
    const logRegion = log.region ?? region;
    links.push({
      label: 'Runner logs',
      url:
        `https://${logRegion}.console.aws.amazon.com/cloudwatch/home?region=${logRegion}#logsV2:log-groups/log-group/` +
        `${cloudWatchFragment(log.group)}/log-events/${cloudWatchFragment(log.stream)}`,
    });
  }
  return links;
}
