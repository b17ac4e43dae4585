// The backend of each mode, built from the clients the entry point has. The one place that knows which class runs
// which mode: the pipeline runs through it, and the post step and the CLI clean up through it.
import type { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';

import type { Mode } from '../request.js';
import type { RunIdentity } from '../run-identity.js';
import type { SavedState } from '../state.js';
import { forMode, type Backend } from './backend.js';
import { lazyFargateBackend, type FargateCleanupSeams } from './fargate/index.js';
import { LocalBackend } from './local/index.js';
import { lazySageMakerBackend, type StopSavedJob } from './sagemaker/index.js';

export interface BackendClients extends FargateCleanupSeams {
  /** The Docker engine, or how to connect to it on first use: only local mode runs (or cleans up) with it. */
  docker: Dockerode | (() => Promise<Dockerode>);
  /** The run: job tags, the Fargate hand-off, and which remote job is this run's. */
  identity: RunIdentity;
  /** S3 client of a region (default: created on first use). */
  s3?: (region: string) => Promise<S3Client>;
  now?: () => Date;
  stopSavedJob?: StopSavedJob;
}

/** The backend that runs a mode. Remote backends create their AWS clients on the first call, in its region. */
export function createBackend(mode: Mode, clients: BackendClients): Backend {
  const common = {
    ...(clients.s3 ? { s3: clients.s3 } : {}),
    ...(clients.now ? { now: clients.now } : {}),
  };
  switch (mode) {
    case 'local':
      return forMode('local', new LocalBackend({ docker: clients.docker, ...common }));
    case 'sagemaker':
      return forMode<'sagemaker'>(
        'sagemaker',
        lazySageMakerBackend({
          identity: clients.identity,
          ...common,
          ...(clients.stopSavedJob ? { stopSavedJob: clients.stopSavedJob } : {}),
        }),
      );
    case 'fargate':
      return forMode(
        'fargate',
        lazyFargateBackend({
          identity: clients.identity,
          ...common,
          ...(clients.stopSavedTask ? { stopSavedTask: clients.stopSavedTask } : {}),
          ...(clients.stopSavedJob ? { stopSavedJob: clients.stopSavedJob } : {}),
        }),
      );
  }
}

/**
 * The mode of a run that did not finish, from what it saved: a runner task is fargate's, a job's region is a remote
 * job's, anything else (containers, a network) is local mode's.
 */
export function modeOfSavedState(saved: SavedState): Mode {
  if (saved.taskArn || saved.fargateCluster) return 'fargate';
  if (saved.sagemakerRegion) return 'sagemaker';
  return 'local';
}
