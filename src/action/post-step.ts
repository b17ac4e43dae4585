// The action's post step: after a cancelled or crashed main step, complete a check run left in progress as
// cancelled, and let the run's backend stop or remove what it left behind (a runner task, a SageMaker job, local
// containers). It never fails the job: every problem is a warning.
import type Dockerode from 'dockerode';

import { useRoleCredentials } from '../aws/credentials.js';
import type { CleanupContext } from '../backends/backend.js';
import { createBackend, modeOfSavedState, type BackendClients } from '../backends/factory.js';
import { cancelCheckRun } from '../github/check-run.js';
import {
  createGithub,
  describeGithubError,
  errorText,
  type CreateGithubOptions,
  type GitHub,
} from '../github/client.js';
import type { Logger } from '../logger.js';
import { readRunIdentity, type RunIdentity } from '../run-identity.js';
import { readState, type SavedState } from '../state.js';
import { createDocker } from '../docker-client.js';
import { cleanupServe } from '../serve/cleanup.js';
import { messageOf, type ActionsCore } from './core.js';
import { Input, readRoleInputs } from './inputs.js';
import { ActionLogger } from './logger.js';

export interface PostStepDeps {
  core: ActionsCore;
  /** Default process.env. */
  env?: Record<string, string | undefined>;
  createDocker?: () => Promise<Dockerode>;
  createGithub?: (options: CreateGithubOptions) => Promise<GitHub>;
  /** Stops a SageMaker job the main step left running (default: the SageMaker backend's). */
  stopTrainingJob?: BackendClients['stopSavedJob'];
  /** Stops a Fargate runner task the main step left running, and the job it runs (default: the fargate backend's). */
  stopTask?: BackendClients['stopSavedTask'];
}

type Env = Record<string, string | undefined>;

/** The post step's environment, and the run's identity read from it once. */
interface PostRun {
  env: Env;
  identity: RunIdentity;
}

/** The main step's role-to-assume, when it had one: this process starts without its credentials. */
function postStepCredentials(core: ActionsCore, run: PostRun, region: string, logger: Logger): () => void {
  const { env, identity } = run;
  try {
    const role = readRoleInputs(core, identity);
    return role ? useRoleCredentials({ role, region, env, logger }) : () => undefined;
  } catch (err) {
    core.warning(`Using the default AWS credentials: ${messageOf(err)}`);
    return () => undefined;
  }
}

async function cancelLeftCheckRun(deps: PostStepDeps, { identity }: PostRun, state: SavedState): Promise<void> {
  const { core } = deps;
  if (state.checkRunId === undefined || state.checkRunDone) return;
  const token = core.getInput(Input.GithubToken).trim();
  if (token) core.setSecret(token);
  const [owner, repo] = (identity.repository ?? '').split('/');
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
      baseUrl: identity.apiUrl,
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

/** The backend of the run that did not finish cleans up after it (remote work as the main step's role). */
async function cleanUpLeftWork(deps: PostStepDeps, run: PostRun, state: SavedState): Promise<void> {
  const { core } = deps;
  const { identity } = run;
  const logger = new ActionLogger(core);
  const mode = modeOfSavedState(state);
  const backend = createBackend(mode, {
    docker: deps.createDocker ?? createDocker,
    identity,
    ...(deps.stopTrainingJob ? { stopSavedJob: deps.stopTrainingJob } : {}),
    ...(deps.stopTask ? { stopSavedTask: deps.stopTask } : {}),
  });
  const ctx: CleanupContext = { logger, identity };
  if (mode === 'local' || !state.sagemakerRegion) return backend.cleanup(state, ctx);
  const removeCredentials = postStepCredentials(core, run, state.sagemakerRegion, logger);
  try {
    await backend.cleanup(state, ctx);
  } finally {
    removeCredentials();
  }
}

export async function runPostStep(deps: PostStepDeps): Promise<void> {
  const { core } = deps;
  const env = deps.env ?? process.env;
  const run: PostRun = { env, identity: readRunIdentity(env) };
  try {
    const state = readState((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not well-formed: ${ignored}`);
    await cancelLeftCheckRun(deps, run, state);
    // The serve test runs after training, so a kill there leaves its container whatever else finished.
    await cleanupServe(state, deps.createDocker ?? createDocker, new ActionLogger(core));
    if (state.finished) {
      core.debug('The main step finished: nothing to clean up.');
      return;
    }
    await cleanUpLeftWork(deps, run, state);
  } catch (err) {
    core.warning(`Cleanup failed: ${messageOf(err)}`);
  }
}
