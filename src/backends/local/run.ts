// One local-mode run: prepare host folders and channels, create algo-1..N, run them (lifecycle.ts), then always
// collect artifacts (collect.ts) and remove everything that was created.
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';

import { createContainer, engineInfo } from '../../docker-client.js';
import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { CheckpointSpec } from '../../request.js';
import type { TrainingResult } from '../../result.js';
import { State } from '../../state.js';
import { isAbortError } from '../../wait/abortable.js';
import type { RunContext } from '../backend.js';
import type { LocalRequest } from '../../request.js';
import { HostLog } from '../host-log.js';
import { artifactDirsOf, makeArtifactDirs, makeArtifactsRemovable } from './artifact-dirs.js';
import type * as Artifacts from './artifacts.js';
import { CheckpointSync } from './checkpoint-sync.js';
import { giveBackCheckpoints } from './checkpoints.js';
import { removeContainer, removeNetwork } from './cleanup.js';
import { type CollectedArtifacts, collectArtifacts } from './collect.js';
import { hostNames } from './config-files.js';
import { containerCredentials, type CredentialSource, SECRET_CREDENTIAL_VARIABLES } from './container-credentials.js';
import { type ArtifactDirs, containerCommand, trainingContainerOptions } from './containers.js';
import { type EngineInfo, needsEngineInfo } from './gpu.js';
import { allSettledOrThrow, type HostRun, statusOf } from './host-run.js';
import { type HostSettings, resolveHostSettings } from './host-settings.js';
import { HostLifecycle } from './lifecycle.js';
import { explainUlimitRefusal, isUlimitRefusal, memlockKeptWarning, withoutDefaultMemlock } from './resources.js';
import { isolationLimit, jobNetworkOptions } from './network.js';
import { localOutcome, localResult } from './outcome.js';
import { ensureDir, type HostUser, processUser } from './ownership.js';
import { prepareChannels, writeConfigFiles } from './prepare.js';

export { MAX_RUNTIME_GRACE_SECONDS } from './lifecycle.js';

export interface LocalRunDeps {
  docker: Dockerode;
  s3: (region: string) => Promise<S3Client>;
  hostUser: HostUser;
  tmpDir: string;
  now: () => Date;
  /** Where local.aws-credentials takes the credentials from. */
  credentials: CredentialSource;
  /** How many GPUs the engine has, when that can be told. */
  engineGpuCount: (info: EngineInfo) => Promise<number | undefined>;
  /** How often checkpoints with an s3:// location are uploaded while the job runs. */
  checkpointUploadIntervalMs: number;
}

/** Bound on the last checkpoint upload, which also runs after a failure or a cancellation. */
const FINAL_CHECKPOINT_UPLOAD_MS = 60_000;

export class LocalRun {
  private readonly request: LocalRequest;
  private readonly logger: Logger;
  private readonly hosts: HostRun[];
  /** Containers not yet removed. */
  private readonly containerIds: string[] = [];
  private readonly recordedIds: string[] = [];
  private readonly hostLog: HostLog;
  private workDir?: string;
  private networkId?: string;
  private s3Client?: Promise<S3Client>;
  private lifecycle?: HostLifecycle;
  private checkpointSync?: CheckpointSync;
  private aborted = false;
  private artifactError?: string;
  /** The packer (tar-stream) loads while the containers start and run, not before the first engine call. */
  private packer?: Promise<typeof Artifacts>;

  constructor(
    private readonly deps: LocalRunDeps,
    private readonly ctx: RunContext<LocalRequest>,
  ) {
    this.request = ctx.request;
    this.logger = ctx.logger;
    this.hostLog = new HostLog(ctx.logger, ctx.onLogLine);
    this.hosts = hostNames(this.request.job.instanceCount).map((host, index) => ({
      host,
      index,
      mounts: [],
      started: false,
    }));
  }

  async execute(): Promise<TrainingResult> {
    const startedAt = this.deps.now();
    let error: unknown;
    let artifacts: CollectedArtifacts = {};
    try {
      this.validate();
      if (this.ctx.signal.aborted) this.aborted = true;
      else await this.train();
    } catch (err) {
      error = err;
    } finally {
      await this.lifecycle?.stopRunning();
      // The hosts have exited and their output is drained: their containers go while the artifacts are packed.
      const removing = this.removeContainers();
      artifacts = await this.collect();
      await this.checkpointSync?.finish();
      await this.afterRun();
      await this.teardown(removing);
    }
    if (error !== undefined) {
      if (!this.ctx.signal.aborted) throw error instanceof Error ? error : new Error(messageOf(error));
      if (!isAbortError(error)) this.logger.debug(`After cancellation: ${messageOf(error)}`);
      this.aborted = true;
    }
    return this.result(startedAt, artifacts);
  }

  private async train(): Promise<void> {
    // The engine's info (GPUs, its version for isolation), when needed, comes while the work folder and channels are
    // prepared; all three settle before anything is decided, so a failure leaves nothing half-made behind the teardown.
    let asked: Promise<EngineInfo> | undefined;
    const info = (): Promise<EngineInfo> => (asked ??= engineInfo(this.deps.docker) as Promise<EngineInfo>);
    if (needsEngineInfo(this.request.job)) info().catch(() => undefined); // its reader sees a failure
    const settings = resolveHostSettings({
      request: this.request,
      info,
      engineGpuCount: this.deps.engineGpuCount,
      logger: this.logger,
    });
    const credentials = this.resolveCredentials();
    await allSettledOrThrow([settings, credentials, this.prepare(info)]);
    this.checkpointSync?.start();
    try {
      await this.createAndRun(await settings, await credentials);
    } catch (err) {
      const defaultMemlock = this.request.local.ulimits?.memlock === undefined;
      if (!isUlimitRefusal(err) || !defaultMemlock || this.hosts.some((h) => h.started)) {
        throw explainUlimitRefusal(err, this.request.local.ulimits);
      }
      // The default memlock only: an engine that cannot raise it runs the job with its own, as it is told once.
      this.logger.warning(memlockKeptWarning(err));
      await this.removeContainers();
      const ulimits = withoutDefaultMemlock((await settings).ulimits);
      await this.createAndRun({ ...(await settings), ulimits }, await credentials).catch((again: unknown) => {
        throw explainUlimitRefusal(again, this.request.local.ulimits);
      });
    }
  }

  private async createAndRun(settings: HostSettings, credentials: Record<string, string> | undefined): Promise<void> {
    await this.createContainers(settings, credentials);
    this.lifecycle = new HostLifecycle({
      hosts: this.hosts,
      logger: this.logger,
      hostLog: this.hostLog,
      signal: this.ctx.signal,
      imageUri: this.ctx.imageUri,
      maxRuntimeSeconds: this.request.job.maxRuntimeSeconds,
      cancelGraceSeconds: this.request.local.cancelGraceSeconds,
      now: this.deps.now,
      ...(settings.gpuRefusal ? { gpuRefusal: settings.gpuRefusal } : {}),
      // The packer loads while the engine starts the containers, not between its requests.
      whileStarting: () => void this.artifactsModule().catch(() => undefined), // its error is seen when packing
    });
    await this.lifecycle.run();
  }

  /** Removes the containers not yet removed (a helper recorded later is removed by the next call). */
  private async removeContainers(): Promise<void> {
    const ids = this.containerIds.splice(0);
    await Promise.all(ids.map((id) => removeContainer(this.deps.docker, id, this.logger)));
    for (const h of this.hosts) if (h.container && ids.includes(h.container.id)) delete h.container;
  }

  private artifactsModule(): Promise<typeof Artifacts> {
    this.packer ??= import('./artifacts.js');
    return this.packer;
  }

  private validate(): void {
    const { ignoredArguments } = containerCommand(this.request.job);
    if (ignoredArguments) {
      this.logger.warning(
        `job.arguments (${ignoredArguments.join(' ')}) are not passed: without job.entrypoint the image runs with the ` +
          'single argument "train", as on SageMaker. Set job.entrypoint to pass arguments.',
      );
    }
  }

  private async resolveCredentials(): Promise<Record<string, string> | undefined> {
    if (!this.request.local.awsCredentials) return undefined;
    const variables = await containerCredentials({
      region: this.request.region,
      source: this.deps.credentials,
      logger: this.logger,
      maxRuntimeSeconds: this.request.job.maxRuntimeSeconds,
      now: this.deps.now,
    });
    for (const name of SECRET_CREDENTIAL_VARIABLES) this.hostLog.hide(variables[name] ?? '');
    return variables;
  }

  private async prepare(info: () => Promise<EngineInfo>): Promise<void> {
    const workDir = await mkdtemp(join(this.deps.tmpDir, `sagemaker-train-${this.ctx.jobName}-`));
    this.workDir = workDir;
    const tasks: Promise<unknown>[] = [
      ...this.hosts.map((h) => makeArtifactDirs(this.dirsOf(h))),
      writeConfigFiles(workDir, this.hosts, this.request),
      prepareChannels(workDir, this.hosts, this.request.channels, {
        s3: () => this.s3(),
        logger: this.logger,
        signal: this.ctx.signal,
      }),
    ];
    if (this.hosts.length > 1 || this.isolated) tasks.push(this.createNetwork(info));
    const checkpoint = this.request.job.checkpoint;
    if (checkpoint) {
      this.checkpointSync = this.syncOf(checkpoint);
      tasks.push(
        ensureDir(checkpoint.hostPath, this.deps.hostUser, this.logger).then(() => this.checkpointSync?.download()),
      );
      for (const h of this.hosts)
        h.mounts.push({ source: checkpoint.hostPath, target: checkpoint.containerPath, readOnly: false });
    }
    await allSettledOrThrow(tasks);
  }

  private syncOf(checkpoint: CheckpointSpec): CheckpointSync | undefined {
    if (!checkpoint.s3Uri) return undefined;
    return new CheckpointSync({
      location: checkpoint.s3Uri,
      dir: checkpoint.hostPath,
      s3: () => this.s3(),
      logger: this.logger,
      intervalMs: this.deps.checkpointUploadIntervalMs,
      signal: this.ctx.signal,
      finalTimeoutMs: FINAL_CHECKPOINT_UPLOAD_MS,
    });
  }

  private s3(): Promise<S3Client> {
    this.s3Client ??= this.deps.s3(this.request.region);
    return this.s3Client;
  }

  private get isolated(): boolean {
    return this.request.job.networkIsolation === true;
  }

  /** The job network, created while the engine's info is on its way (only the isolation note needs it). */
  private async createNetwork(info: () => Promise<EngineInfo>): Promise<void> {
    const network = await this.deps.docker.createNetwork(jobNetworkOptions(this.ctx.jobName, this.isolated));
    this.networkId = network.id;
    this.ctx.onState?.(State.Network, network.id);
    if (!this.isolated) return;
    const limit = isolationLimit((await info()).ServerVersion);
    if (limit) this.logger.warning(`Network isolation is not fully enforced: ${limit}`);
    else {
      this.logger.info(
        'Network isolation: the hosts are on an internal network with no route out; channels were downloaded first',
      );
    }
  }

  private async createContainers(
    settings: HostSettings,
    credentials: Record<string, string> | undefined,
  ): Promise<void> {
    await allSettledOrThrow(
      this.hosts.map(async (h) => {
        const options = trainingContainerOptions({
          request: this.request,
          jobName: this.ctx.jobName,
          host: h.host,
          imageUri: this.ctx.imageUri,
          mounts: h.mounts,
          artifacts: this.dirsOf(h),
          network: this.networkId ? this.ctx.jobName : undefined,
          ...(settings.gpus ? { gpus: settings.gpus[h.index] } : {}),
          ...(settings.shmSizeBytes !== undefined ? { shmSizeBytes: settings.shmSizeBytes } : {}),
          ulimits: settings.ulimits,
          ...(credentials ? { credentials } : {}),
        });
        try {
          h.container = await createContainer(this.deps.docker, options);
        } catch (err) {
          if (statusOf(err) === 404) {
            throw new Error(
              `Image ${this.ctx.imageUri} is not in the Docker engine (local mode does not pull): ${messageOf(err)}`,
            );
          }
          throw err;
        }
        this.recordContainer(h.container.id);
      }),
    );
  }

  private recordContainer(id: string): void {
    this.containerIds.push(id);
    // The state lists every container the run created, removed or not: the post step tolerates those already gone.
    this.recordedIds.push(id);
    this.ctx.onState?.(State.Containers, this.recordedIds.join(','));
  }

  /** A host's artifact folders, under the work folder (which exists before any container does). */
  private dirsOf(h: HostRun): ArtifactDirs {
    return artifactDirsOf(this.workDir ?? '', h.host);
  }

  private async collect(): Promise<CollectedArtifacts> {
    if (!this.workDir || !this.hosts.some((h) => h.started)) return {};
    try {
      await makeArtifactsRemovable({
        docker: this.deps.docker,
        image: this.ctx.imageUri,
        workDir: this.workDir,
        me: processUser(),
        jobName: this.ctx.jobName,
        logger: this.logger,
        onCreated: (id) => this.recordContainer(id),
      });
      return await collectArtifacts({
        hosts: this.hosts,
        dirsOf: (h) => this.dirsOf(h),
        readFailure: this.lifecycle?.stopReason === 'hostFailed',
        ...(this.lifecycle?.firstFailed ? { firstFailed: this.lifecycle.firstFailed } : {}),
        output: this.request.output,
        jobName: this.ctx.jobName,
        hostUser: this.deps.hostUser,
        logger: this.logger,
        s3: () => this.s3(),
        packer: () => this.artifactsModule(),
      });
    } catch (err) {
      this.artifactError = `could not write the model and output artifacts: ${messageOf(err)}`;
      this.logger.error(`Local run ${this.ctx.jobName}: ${this.artifactError}`);
      return {};
    }
  }

  /** What must happen once the hosts are done and before anything is removed. */
  private async afterRun(): Promise<void> {
    const checkpoint = this.request.job.checkpoint;
    if (checkpoint && this.hosts.some((h) => h.started)) {
      await giveBackCheckpoints({
        checkpoint,
        docker: this.deps.docker,
        hostUser: this.deps.hostUser,
        image: this.ctx.imageUri,
        jobName: this.ctx.jobName,
        logger: this.logger,
        onCreated: (id) => this.recordContainer(id),
      });
    }
  }

  private async teardown(removing: Promise<void>): Promise<void> {
    const removeDocker = async (): Promise<void> => {
      await Promise.all([removing, this.removeContainers()]);
      if (this.networkId) await removeNetwork(this.deps.docker, this.networkId, this.logger);
    };
    const removeWorkDir = async (): Promise<void> => {
      if (!this.workDir) return;
      await rm(this.workDir, { recursive: true, force: true }).catch((err: unknown) =>
        this.logger.warning(`Could not remove ${this.workDir}: ${messageOf(err)}`),
      );
    };
    await Promise.all([removeDocker(), removeWorkDir()]);
  }

  private result(startedAt: Date, artifacts: CollectedArtifacts): TrainingResult {
    const lifecycle = this.lifecycle;
    const outcome = localOutcome({
      stopReason: this.aborted ? 'aborted' : lifecycle?.stopReason,
      ...(lifecycle?.firstFailed ? { firstFailed: lifecycle.firstFailed } : {}),
      ...(artifacts.failure ? { failureText: artifacts.failure } : {}),
      maxRuntimeSeconds: this.request.job.maxRuntimeSeconds,
      ...(this.artifactError ? { artifactError: this.artifactError } : {}),
    });
    return localResult({
      outcome,
      jobName: this.ctx.jobName,
      imageUri: this.ctx.imageUri,
      instanceType: this.request.job.instanceType,
      hosts: this.hosts,
      artifacts,
      startedAt,
      endedAt: this.deps.now(),
      ...(lifecycle?.trainingStart ? { trainingStart: lifecycle.trainingStart } : {}),
      ...(lifecycle?.trainingEnd ? { trainingEnd: lifecycle.trainingEnd } : {}),
      logTail: this.hostLog.lastLines(),
    });
  }
}
