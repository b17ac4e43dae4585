// The action's post step: after a cancelled or crashed main step, remove what the local run left behind.
// It never fails the job: every problem is a warning.
import type Dockerode from 'dockerode';

import { cleanupLocalRun } from '../backends/local/index.js';
import { readState } from '../state.js';
import { createDocker } from './clients.js';
import { messageOf, type ActionsCore } from './core.js';
import { ActionLogger } from './logger.js';

export interface PostStepDeps {
  core: ActionsCore;
  createDocker?: () => Promise<Dockerode>;
}

export async function runPostStep(deps: PostStepDeps): Promise<void> {
  const { core } = deps;
  try {
    const state = readState((key) => core.getState(key));
    for (const ignored of state.ignored) core.warning(`Ignoring saved state that is not a Docker id: ${ignored}`);
    if (state.finished) {
      core.debug('The main step finished: nothing to clean up.');
      return;
    }
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
