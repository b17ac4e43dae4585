// The checkpoint folder of a local run: a host folder mounted at the container's checkpoint path, given back to the
// invoking user at the end (a root container leaves root-owned files).
import type Dockerode from 'dockerode';

import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { CheckpointSpec } from '../../request.js';
import { chownWithHelperContainer, findForeignOwned, type HostUser } from './ownership.js';

export async function giveBackCheckpoints(opts: {
  checkpoint: CheckpointSpec;
  docker: Dockerode;
  hostUser: HostUser;
  image: string;
  jobName: string;
  logger: Logger;
  onCreated: (id: string) => void;
}): Promise<void> {
  const { checkpoint, hostUser: user, logger } = opts;
  if (user.uid === 0) return;
  try {
    const foreign = await findForeignOwned(checkpoint.hostPath, user);
    if (!foreign) return;
    logger.info(`Giving the checkpoint files in ${checkpoint.hostPath} back to uid ${user.uid}`);
    await chownWithHelperContainer({
      docker: opts.docker,
      image: opts.image,
      hostPath: checkpoint.hostPath,
      user,
      jobName: opts.jobName,
      logger,
      onCreated: opts.onCreated,
    });
  } catch (err) {
    logger.warning(`Checkpoint files in ${checkpoint.hostPath} may still be owned by root: ${messageOf(err)}`);
  }
}
