// The action's post step: after a cancelled or crashed main step, complete a check run left in progress as
// cancelled, stop a Fargate runner task and a SageMaker job it left running, and remove what the local run left
// behind. It never fails the job: every problem is a warning.
import type Dockerode from 'dockerode';

import { useRoleCredentials } from '../aws/credentials.js';
import { cleanupLocalRun } from '../backends/local/index.js';
import { cancelCheckRun } from '../github/check-run.js';
import {
  createGithub,
  describeGithubError,
  errorText,
  type CreateGithubOptions,
  type GitHub,
} from '../github/client.js';
import type { Logger } from '../logger.js';
import { readState, type SavedState } from '../state.js';
import { createDocker } from './clients.js';
import { messageOf, type ActionsCore } from './core.js';
import { Input, readRoleInputs } from './inputs.js';
import { ActionLogger } from './logger.js';

export interface PostStepDeps {
  core: ActionsCore;
  /** Default process.env. */
  env?: Record<string, string | undefined>;
  createDocker?: () => Promise<Dockerode>;
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** Stops a SageMaker job the main step left running (default: the SageMaker backend's, loaded only when needed). */
  stopTrainingJob?: (opts: { jobName: string; region: string; logger: Logger; env: Env }) => Promise<boolean>;
  /**
   * Stops a Fargate runner task the main step left running, and the job it runs (default: the fargate backend's,
   * loaded only when needed).
   */
  stopTask?: (opts: {
    taskArn: string;
    cluster?: string;
    jobName?: string;
    sagemakerRegion?: string;
    logger: Logger;
    env: Env;
  }) => Promise<unknown>;
}

type Env = Record<string, string | undefined>;

/** A SageMaker job the main step created and did not see to its end keeps billing: stop it (idempotent). */
async function stopLeftTrainingJob(deps: PostStepDeps, state: SavedState): Promise<void> {
  if (!state.jobName || !state.sagemakerRegion) return;
  const { core } = deps;
  core.info(`The main step did not finish: stopping training job ${state.jobName} (${state.sagemakerRegion}).`);
  const stop = deps.stopTrainingJob ?? (await import('../backends/sagemaker/cleanup.js')).stopSavedTrainingJob;
  await stop({
    jobName: state.jobName,
    region: state.sagemakerRegion,
    logger: new ActionLogger(core),
    env: deps.env ?? process.env,
  });
}

/** Stops what the main step left running in AWS (a runner task, or a training job), as the main step's role. */
async function stopLeftAwsWork(deps: PostStepDeps, state: SavedState): Promise<void> {
  if (!state.sagemakerRegion) return;
  const removeCredentials = postStepCredentials(
    deps.core,
    deps.env ?? process.env,
    state.sagemakerRegion,
    new ActionLogger(deps.core),
  );
  try {
    // Fargate: the job is the runner's, stopped with the task.
    if (state.taskArn) await stopLeftTask(deps, { ...state, taskArn: state.taskArn });
    else await stopLeftTrainingJob(deps, state);
  } finally {
    removeCredentials();
  }
}

/** The main step's role-to-assume, when it had one: this process starts without its credentials. */
function postStepCredentials(core: ActionsCore, env: Env, region: string, logger: Logger): () => void {
  try {
    const role = readRoleInputs(core, env);
    return role ? useRoleCredentials({ role, region, env, logger }) : () => undefined;
  } catch (err) {
    core.warning(`Using the default AWS credentials: ${messageOf(err)}`);
    return () => undefined;
  }
}

/**
 * A runner task the main step started and did not see to its end: StopTask (the runner then stops its job on SIGTERM)
 * and StopTrainingJob on the saved job name, for a runner killed before it could. Idempotent.
 */
async function stopLeftTask(deps: PostStepDeps, state: SavedState & { taskArn: string }): Promise<void> {
  const { core } = deps;
  core.info(`The main step did not finish: stopping runner task ${state.taskArn}.`);
  const stop = deps.stopTask ?? (await import('../backends/fargate/stop.js')).stopSavedTask;
  try {
    await stop({
      taskArn: state.taskArn,
      ...(state.fargateCluster ? { cluster: state.fargateCluster } : {}),
      ...(state.jobName && state.sagemakerRegion
        ? { jobName: state.jobName, sagemakerRegion: state.sagemakerRegion }
        : {}),
      logger: new ActionLogger(core),
      env: deps.env ?? process.env,
    });
  } catch (err) {
    core.warning(`Could not stop runner task ${state.taskArn}: ${messageOf(err)}`);
  }
}

async function cancelLeftCheckRun(deps: PostStepDeps, state: SavedState): Promise<void> {
  const { core } = deps;
  if (state.checkRunId === undefined || state.checkRunDone) return;
  const env = deps.env ?? process.env;
  const token = core.getInput(Input.GithubToken).trim();
  if (token) core.setSecret(token);
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!token || !owner || !repo) {
    core.warning(
      `Check run ${state.checkRunId} was left in progress and cannot be completed (no token or repository).`,
    );
    return;
  }
  const conclusion = state.checkRunConclusion ?? 'cancelled';
  try {
    const logger = new ActionLogger(core);
    const github = await (deps.createGithub ?? createGithub)({
      token,
      baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
      logger,
    });
    await cancelCheckRun({ github, owner, repo, checkRunId: state.checkRunId, conclusion });
    core.info(`Check run ${state.checkRunId} completed as ${conclusion}.`);
  } catch (err) {
    core.warning(
      `Could not complete check run ${state.checkRunId} as ${conclusion}: ${errorText(describeGithubError(err))}`,
    );
  }
}

export async function runPostStep(deps: PostStepDeps): Promise<void> {
  const { core } = deps;
  try {
    const state = readState((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not well-formed: ${ignored}`);
    await cancelLeftCheckRun(deps, state);
    if (state.finished) {
      core.debug('The main step finished: nothing to clean up.');
      return;
    }
    await stopLeftAwsWork(deps, state);
    if (state.containers.length === 0 && state.network === undefined) {
      core.debug('No containers or network were recorded: nothing to clean up.');
      return;
    }
    const what = [`${state.containers.length} container(s)`, ...(state.network ? ['a network'] : [])].join(' and ');
    core.info(`The main step did not finish${state.jobName ? ` job ${state.jobName}` : ''}: removing ${what}.`);
    const docker = await (deps.createDocker ?? createDocker)();
    await cleanupLocalRun(
      docker,
      { containers: state.containers, ...(state.network ? { network: state.network } : {}) },
      new ActionLogger(core),
    );
  } catch (err) {
    core.warning(`Cleanup failed: ${messageOf(err)}`);
  }
}
