// The backend of each mode, built from the clients the entry point has. The one place that knows which class runs
// which mode: the pipeline runs through it, and the post step and the CLI clean up through it. Each mode's modules load
// on its backend's first call, so that a local run never loads the remote modes' code, nor they local mode's.
import type { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';

import type { DraftRequest, Mode } from '../request.js';
import type { RunIdentity } from '../run-identity.js';
import type { SavedState } from '../state.js';
import { forMode, type Backend } from './backend.js';
import type { FargateCleanupSeams } from './fargate/index.js';
import type { StopSavedJob } from './sagemaker/index.js';

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
      return forMode(
        'local',
        loadedOnFirstCall(async () => {
          const { LocalBackend } = await import('./local/index.js');
          return new LocalBackend({ docker: clients.docker, ...common });
        }),
      );
    case 'sagemaker':
      return forMode<'sagemaker'>(
        'sagemaker',
        loadedOnFirstCall(async () =>
          (await import('./sagemaker/index.js')).lazySageMakerBackend({
            identity: clients.identity,
            ...common,
            ...(clients.stopSavedJob ? { stopSavedJob: clients.stopSavedJob } : {}),
          }),
        ),
      );
    case 'fargate':
      return forMode(
        'fargate',
        loadedOnFirstCall(async () =>
          (await import('./fargate/index.js')).lazyFargateBackend({
            identity: clients.identity,
            ...common,
            ...(clients.stopSavedTask ? { stopSavedTask: clients.stopSavedTask } : {}),
            ...(clients.stopSavedJob ? { stopSavedJob: clients.stopSavedJob } : {}),
          }),
        ),
      );
  }
}

/** A backend whose module is imported (once) when it is first run or asked to clean up. */
function loadedOnFirstCall<R extends DraftRequest>(load: () => Promise<Backend<R>>): Backend<R> {
  let backend: Promise<Backend<R>> | undefined;
  const loaded = (): Promise<Backend<R>> => (backend ??= load());
  return {
    run: async (ctx) => (await loaded()).run(ctx),
    cleanup: async (saved, ctx) => (await loaded()).cleanup(saved, ctx),
  };
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
