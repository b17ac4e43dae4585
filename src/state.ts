// What the post step needs to clean up after a cancelled or crashed main step. Saved the moment each thing exists.
// Only these keys are ever saved, and none of them can hold a secret.

import { CLUSTER_PATTERN, TASK_ARN_PATTERN } from './patterns.js';

export enum State {
  JobName = 'job-name',
  Containers = 'containers',
  Network = 'network',
  Finished = 'finished',
  /** The check run created in_progress; the post step completes it as cancelled if the main step could not. */
  CheckRunId = 'check-run-id',
  /** Set once the main step completed the check run. */
  CheckRunDone = 'check-run-done',
  /** The conclusion the main step reached, saved before it tries to complete the check run. */
  CheckRunConclusion = 'check-run-conclusion',
  /** The region of a SageMaker job the main step created: the post step stops it if the main step was killed. */
  SageMakerRegion = 'sagemaker-region',
  /** Fargate mode: the runner task the post step stops if the main step was killed. */
  TaskArn = 'task-arn',
  /** Fargate mode: the cluster of that task (StopTask needs it). */
  FargateCluster = 'fargate-cluster',
  /** The serve test's container while it runs ('' once removed): the post step removes one left behind. */
  ServeContainer = 'serve-container',
}

const CONCLUSIONS = ['success', 'failure', 'neutral', 'cancelled', 'action_required'] as const;

const STATE_KEYS: ReadonlySet<string> = new Set(Object.values(State));

export function isStateKey(key: string): key is State {
  return STATE_KEYS.has(key);
}

export interface SavedState {
  jobName?: string;
  containers: string[];
  network?: string;
  /** True once the main step got a result: everything it started was already cleaned up. */
  finished: boolean;
  checkRunId?: number;
  checkRunDone: boolean;
  /** The conclusion the main step reached but could not post, when it got that far. */
  checkRunConclusion?: (typeof CONCLUSIONS)[number];
  /** Set when a SageMaker job was created (with jobName): where to stop it. */
  sagemakerRegion?: string;
  /** Fargate mode: the runner task to stop, and its cluster. */
  taskArn?: string;
  fargateCluster?: string;
  /** The serve test's container, when a killed main step left it. */
  serveContainer?: string;
  /** Saved values that were ignored because they do not look like what they should be. */
  ignored: string[];
}

// Docker ids and names: what the engine accepts, nothing that could be read as an option or a path.
const DOCKER_REF = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,127}$/;

/** Splits a comma-separated list of container ids (as backends report them). */
export function splitIds(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
}

function conclusionOf(value: string): { checkRunConclusion?: (typeof CONCLUSIONS)[number] } {
  const found = CONCLUSIONS.find((c) => c === value);
  return found ? { checkRunConclusion: found } : {};
}

/** Reads what the main step saved. Tolerates anything: the post step must never fail on odd state. */
export function readState(getState: (key: State) => string): SavedState {
  const ignored: string[] = [];
  const containers: string[] = [];
  for (const id of splitIds(getState(State.Containers))) {
    if (DOCKER_REF.test(id)) containers.push(id);
    else ignored.push(`${State.Containers}: ${JSON.stringify(id)}`);
  }
  const network = getState(State.Network).trim();
  if (network && !DOCKER_REF.test(network)) ignored.push(`${State.Network}: ${JSON.stringify(network)}`);
  const jobName = getState(State.JobName).trim();
  const checkRunRaw = getState(State.CheckRunId).trim();
  const checkRunId = /^[1-9][0-9]{0,15}$/.test(checkRunRaw) ? Number(checkRunRaw) : undefined;
  if (checkRunRaw && checkRunId === undefined) ignored.push(`${State.CheckRunId}: ${JSON.stringify(checkRunRaw)}`);
  const region = getState(State.SageMakerRegion).trim();
  const regionValid = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region);
  if (region && !regionValid) ignored.push(`${State.SageMakerRegion}: ${JSON.stringify(region)}`);
  const taskArn = getState(State.TaskArn).trim();
  if (taskArn && !TASK_ARN_PATTERN.test(taskArn)) ignored.push(`${State.TaskArn}: ${JSON.stringify(taskArn)}`);
  const cluster = getState(State.FargateCluster).trim();
  if (cluster && !CLUSTER_PATTERN.test(cluster)) ignored.push(`${State.FargateCluster}: ${JSON.stringify(cluster)}`);
  const serve = getState(State.ServeContainer).trim();
  if (serve && !DOCKER_REF.test(serve)) ignored.push(`${State.ServeContainer}: ${JSON.stringify(serve)}`);
  return {
    ...(jobName ? { jobName } : {}),
    containers,
    ...(network && DOCKER_REF.test(network) ? { network } : {}),
    finished: getState(State.Finished).trim() === 'true',
    ...(checkRunId !== undefined ? { checkRunId } : {}),
    checkRunDone: getState(State.CheckRunDone).trim() === 'true',
    ...conclusionOf(getState(State.CheckRunConclusion).trim()),
    ...(regionValid ? { sagemakerRegion: region } : {}),
    ...(taskArn && TASK_ARN_PATTERN.test(taskArn) ? { taskArn } : {}),
    ...(cluster && CLUSTER_PATTERN.test(cluster) ? { fargateCluster: cluster } : {}),
    ...(serve && DOCKER_REF.test(serve) ? { serveContainer: serve } : {}),
    ignored,
  };
}
