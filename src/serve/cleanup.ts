// After a main step killed during the serve test: remove the container it saved. Never throws.
import type Dockerode from 'dockerode';

import { messageOf } from '../error-message.js';
import type { Logger } from '../logger.js';
import type { SavedState } from '../state.js';
import { removeServing } from './container.js';

export async function cleanupServe(
  saved: Pick<SavedState, 'serveContainer'>,
  docker: () => Promise<Dockerode>,
  logger: Logger,
): Promise<void> {
  if (!saved.serveContainer) return;
  try {
    await removeServing(await docker(), saved.serveContainer, logger);
    logger.info(`Removed the serve test's container ${saved.serveContainer.slice(0, 12)}`);
  } catch (err) {
    logger.warning(`Could not remove the serve test's container: ${messageOf(err)}`);
  }
}
