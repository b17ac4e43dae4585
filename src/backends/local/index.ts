// Local mode: trains the image on the local Docker engine exactly as SageMaker would run it (docs/local-mode.md).
import { tmpdir } from 'node:os';

import type { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';

import { createS3Client } from '../../aws/s3.js';
import type { TrainingResult } from '../../result.js';
import type { SavedState } from '../../state.js';
import type { Backend, CleanupContext, RunContext } from '../backend.js';
import { cleanupLocalRun } from './cleanup.js';
import type { LocalRequest } from '../../request.js';
import { type CredentialSource, defaultCredentialSource } from './container-credentials.js';
import { processUser } from './ownership.js';
import { LocalRun } from './run.js';
import { messageOf } from '../../error-message.js';

export { cleanupLocalRun } from './cleanup.js';
export { JOB_LABEL } from './containers.js';
export { instanceTypeHasGpu } from './gpu.js';

export interface LocalBackendDeps {
  /** The engine, or how to connect to it on first use (a run that fails validation never connects). */
  docker: Dockerode | (() => Promise<Dockerode>);
  /** Default: createS3Client from src/aws/s3.ts (the SDK is loaded only when an s3:// channel or output is used). */
  s3?: (region: string) => Promise<S3Client>;
  /** Default: this process's uid/gid. Files the run leaves on the host are owned by this user. */
  hostUser?: { uid: number; gid: number };
  /** Default: os.tmpdir(). Host folders (config files, downloaded channels) live here during the run. */
  tmpDir?: string;
  now?: () => Date;
  /** Default: the process's own credentials (only read with local.aws-credentials). */
  credentials?: CredentialSource;
}

export class LocalBackend implements Backend<LocalRequest> {
  constructor(private readonly deps: LocalBackendDeps) {}

  /** The engine; an object is never wrapped in a promise (a test's recording proxy would look thenable). */
  private async engine(): Promise<{ docker: Dockerode }> {
    const { docker } = this.deps;
    return { docker: typeof docker === 'function' ? await docker() : docker };
  }

  async run(ctx: RunContext<LocalRequest>): Promise<TrainingResult> {
    const run = new LocalRun(
      {
        docker: (await this.engine()).docker,
        s3: this.deps.s3 ?? createS3Client,
        hostUser: this.deps.hostUser ?? processUser(),
        tmpDir: this.deps.tmpDir ?? tmpdir(),
        now: this.deps.now ?? (() => new Date()),
        credentials: this.deps.credentials ?? defaultCredentialSource,
      },
      ctx,
    );
    return run.execute();
  }

  /** Removes the containers (with their volumes) and the network a killed run recorded. */
  async cleanup(saved: SavedState, ctx: CleanupContext): Promise<void> {
    if (saved.containers.length === 0 && saved.network === undefined) {
      ctx.logger.debug('No containers or network were recorded: nothing to clean up.');
      return;
    }
    const what = [`${saved.containers.length} container(s)`, ...(saved.network ? ['a network'] : [])].join(' and ');
    ctx.logger.info(`The run did not finish${saved.jobName ? ` job ${saved.jobName}` : ''}: removing ${what}.`);
    let docker: Dockerode;
    try {
      ({ docker } = await this.engine());
    } catch (err) {
      ctx.logger.warning(`Cleanup failed: ${messageOf(err)}`);
      return;
    }
    await cleanupLocalRun(
      docker,
      { containers: saved.containers, ...(saved.network ? { network: saved.network } : {}) },
      ctx.logger,
    );
  }
}
