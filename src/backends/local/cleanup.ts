// Removal of what a local run created. Used by the run itself and by the post step after a hard kill.
import type Dockerode from 'dockerode';

import type { Logger } from '../../logger.js';
import { messageOf } from '../../error-message.js';

function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null ? (err as { statusCode?: number }).statusCode : undefined;
}

/** Removes a container and its anonymous volumes; a container already gone (or being removed) is not an error. */
export async function removeContainer(docker: Dockerode, id: string, logger: Logger): Promise<void> {
  try {
    await docker.getContainer(id).remove({ force: true, v: true });
    logger.debug(`Removed container ${id.slice(0, 12)}`);
  } catch (err) {
    const status = statusOf(err);
    if (status === 404 || status === 409) return;
    logger.warning(`Could not remove container ${id.slice(0, 12)}: ${(err as Error).message}`);
  }
}

/** Removes a network; a network already gone is not an error. */
export async function removeNetwork(docker: Dockerode, id: string, logger: Logger): Promise<void> {
  try {
    await docker.getNetwork(id).remove();
    logger.debug(`Removed network ${id.slice(0, 12)}`);
  } catch (err) {
    if (statusOf(err) === 404) return;
    logger.warning(`Could not remove network ${id.slice(0, 12)}: ${(err as Error).message}`);
  }
}

/**
 * Post step: removes the containers (running or not, with their volumes) and then the network a local run recorded.
 * Idempotent, and never throws: problems become warnings.
 */
export async function cleanupLocalRun(
  docker: Dockerode,
  state: { containers?: string[]; network?: string },
  logger: Logger,
): Promise<void> {
  try {
    const containers = (state.containers ?? []).map((id) => id.trim()).filter((id) => id !== '');
    await Promise.all(containers.map((id) => removeContainer(docker, id, logger)));
    if (state.network) await removeNetwork(docker, state.network, logger);
  } catch (err) {
    logger.warning(`Cleanup of the local run failed: ${messageOf(err)}`);
  }
}
