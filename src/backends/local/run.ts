// One local-mode run: prepare host folders and channels, create algo-1..N, stream their logs, wait, stop on failure,
// max runtime or cancellation, then always collect artifacts and remove everything that was created.
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

import type { S3Client } from '@aws-sdk/client-s3';
import type Dockerode from 'dockerode';

import { joinS3Key, s3Uri, uploadStream } from '../../aws/s3.js';
import type { Logger } from '../../logger.js';
import type { ChannelSpec, S3Location } from '../../request.js';
import type { HostOutcome, TrainingResult, TrainingStatus } from '../../result.js';
import { State } from '../../state.js';
import { isAbortError, setLongTimeout, sleep } from '../../wait/abortable.js';
import type { RunContext } from '../backend.js';
import type { LocalRequest } from '../../request.js';
import { HostLog } from '../host-log.js';
import type * as Artifacts from './artifacts.js';
import { CHANNEL_ROOT, downloadS3Channel, localChannelMount } from './channels.js';
import { containerCredentials, type CredentialSource, SECRET_CREDENTIAL_VARIABLES } from './container-credentials.js';
import { removeContainer, removeNetwork } from './cleanup.js';
import { hostConfigFiles, hostNames } from './config-files.js';
import {
  CONFIG_DIR,
  containerCommand,
  FAILURE_FILE,
  JOB_LABEL,
  MODEL_DIR,
  type MountSpec,
  OUTPUT_DATA_DIR,
  trainingContainerOptions,
} from './containers.js';
import { decideGpu, engineGpuSupport, type EngineInfo, instanceTypeHasGpu, isGpuRefusal } from './gpu.js';
import { followContainerOutput } from './logs.js';
import { chownTo, chownWithHelperContainer, ensureDir, findForeignOwned, type HostUser } from './ownership.js';
import { messageOf } from '../../error-message.js';

export interface LocalRunDeps {
  docker: Dockerode;
  s3: (region: string) => Promise<S3Client>;
  hostUser: HostUser;
  tmpDir: string;
  now: () => Date;
  /** Where local.aws-credentials takes the credentials from. */
  credentials: CredentialSource;
}

/** Grace the service gives a container between SIGTERM and SIGKILL when max runtime is reached. */
export const MAX_RUNTIME_GRACE_SECONDS = 120;
const LOG_DRAIN_TIMEOUT_MS = 5_000;
const FAILURE_REASON_MAX = 1024;

type ArtifactsModule = typeof Artifacts;

type StopReason = 'aborted' | 'maxRuntime' | 'hostFailed';

interface HostRun {
  host: string;
  index: number;
  mounts: MountSpec[];
  container?: Dockerode.Container;
  started: boolean;
  exitCode?: number;
}

function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null ? (err as { statusCode?: number }).statusCode : undefined;
}

/** Resolves every promise, then throws the first rejection: nothing keeps running behind a failed step's back. */
async function allSettledOrThrow(promises: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

export class LocalRun {
  private readonly request: LocalRequest;
  private readonly logger: Logger;
  private readonly hosts: HostRun[];
  private readonly containerIds: string[] = [];
  private readonly hostLog: HostLog;
  private workDir?: string;
  private networkId?: string;
  private s3Client?: Promise<S3Client>;
  private stopReason?: StopReason;
  private firstFailed?: HostRun;
  /** The clear error for an engine that refuses the GPU request docker info gave no sign it could serve. */
  private gpuRefusal?: string;
  private trainingStart?: Date;
  private trainingEnd?: Date;
  private artifactError?: string;

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

  /**
   * The packer (tar-stream) is needed only once the containers have exited: it loads while they start and run, not
   * before the first engine call.
   */
  private artifacts?: Promise<ArtifactsModule>;
  private artifactsModule(): Promise<ArtifactsModule> {
    this.artifacts ??= import('./artifacts.js');
    return this.artifacts;
  }

  async execute(): Promise<TrainingResult> {
    const startedAt = this.deps.now();
    let error: unknown;
    let artifacts: { model?: string; output?: string; failure?: string } = {};
    try {
      this.validate();
      if (this.ctx.signal.aborted) this.stopReason = 'aborted';
      else {
        const gpu = await this.resolveGpu();
        const credentials = await this.resolveCredentials();
        await this.prepare();
        await this.createContainers(gpu, credentials);
        void this.artifactsModule().catch(() => undefined); // awaited (and its error seen) when packing
        await this.startAndWait();
      }
    } catch (err) {
      error = err;
    } finally {
      await this.stopRunning(this.request.local.cancelGraceSeconds);
      try {
        artifacts = await this.collectArtifacts();
      } catch (err) {
        this.artifactError = `could not write the model and output artifacts: ${messageOf(err)}`;
        this.logger.error(`Local run ${this.ctx.jobName}: ${this.artifactError}`);
      }
      await this.giveBackCheckpoints();
      await this.teardown();
    }
    if (error !== undefined) {
      if (!this.ctx.signal.aborted) throw error instanceof Error ? error : new Error(messageOf(error));
      if (!isAbortError(error)) this.logger.debug(`After cancellation: ${messageOf(error)}`);
      this.stopReason = 'aborted';
    }
    return this.result(startedAt, artifacts);
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

  /** Asks the engine about GPUs only when the instance type wants them (a CPU run saves the round trip). */
  private async resolveGpu(): Promise<boolean> {
    const { instanceType } = this.request.job;
    if (!instanceTypeHasGpu(instanceType)) return false;
    const info = (await this.deps.docker.info()) as EngineInfo;
    const decision = decideGpu({ instanceType, policy: this.request.local.gpu, engineSupport: engineGpuSupport(info) });
    if (!decision.useGpu) {
      if (decision.warning) this.logger.warning(decision.warning);
      return false;
    }
    this.gpuRefusal = decision.refusal;
    this.logger.info(`GPUs: all of the engine's GPUs are requested (${decision.via})`);
    return true;
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

  private async prepare(): Promise<void> {
    const workDir = await mkdtemp(join(this.deps.tmpDir, `sagemaker-train-${this.ctx.jobName}-`));
    this.workDir = workDir;
    const tasks: Promise<unknown>[] = [this.writeConfigFiles(workDir), this.prepareChannels(workDir)];
    if (this.hosts.length > 1) tasks.push(this.createNetwork());
    const checkpoint = this.request.job.checkpoint;
    if (checkpoint) {
      tasks.push(ensureDir(checkpoint.hostPath, this.deps.hostUser, this.logger));
      for (const h of this.hosts)
        h.mounts.push({ source: checkpoint.hostPath, target: checkpoint.containerPath, readOnly: false });
    }
    await allSettledOrThrow(tasks);
  }

  private async writeConfigFiles(workDir: string): Promise<void> {
    const hosts = this.hosts.map((h) => h.host);
    await Promise.all(
      this.hosts.map(async (h) => {
        const dir = join(workDir, h.host, 'input', 'config');
        await mkdir(dir, { recursive: true, mode: 0o755 });
        const files = hostConfigFiles({
          currentHost: h.host,
          hosts,
          instanceType: this.request.job.instanceType,
          hyperparameters: this.request.hyperparameters,
          channels: this.request.channels,
          checkpoint: this.request.job.checkpoint,
        });
        await Promise.all(
          Object.entries(files).map(([name, content]) =>
            writeFile(join(dir, name), JSON.stringify(content), { mode: 0o644 }),
          ),
        );
        h.mounts.unshift({ source: dir, target: CONFIG_DIR, readOnly: true });
      }),
    );
  }

  private async prepareChannels(workDir: string): Promise<void> {
    await Promise.all(this.request.channels.map((channel) => this.prepareChannel(channel, workDir)));
  }

  private async prepareChannel(channel: ChannelSpec, workDir: string): Promise<void> {
    const source = channel.source;
    if (source.kind === 'local') {
      const mount = await localChannelMount({ ...channel, source });
      for (const h of this.hosts) h.mounts.push({ ...mount, readOnly: true });
      return;
    }
    const folders = await downloadS3Channel({
      channel: { ...channel, source },
      client: await this.s3(),
      dir: join(workDir, 'data', channel.name),
      hostCount: this.hosts.length,
      logger: this.logger,
      signal: this.ctx.signal,
    });
    for (const h of this.hosts) {
      h.mounts.push({ source: folders[h.index] as string, target: `${CHANNEL_ROOT}/${channel.name}`, readOnly: true });
    }
  }

  private s3(): Promise<S3Client> {
    this.s3Client ??= this.deps.s3(this.request.region);
    return this.s3Client;
  }

  private async createNetwork(): Promise<void> {
    const network = await this.deps.docker.createNetwork({
      Name: this.ctx.jobName,
      Driver: 'bridge',
      CheckDuplicate: true,
      Labels: { [JOB_LABEL]: this.ctx.jobName },
    });
    this.networkId = network.id;
    this.ctx.onState?.(State.Network, network.id);
  }

  private async createContainers(gpu: boolean, credentials: Record<string, string> | undefined): Promise<void> {
    await allSettledOrThrow(
      this.hosts.map(async (h) => {
        const options = trainingContainerOptions({
          request: this.request,
          jobName: this.ctx.jobName,
          host: h.host,
          imageUri: this.ctx.imageUri,
          mounts: h.mounts,
          network: this.networkId ? this.ctx.jobName : undefined,
          gpu,
          ...(credentials ? { credentials } : {}),
        });
        try {
          h.container = await this.deps.docker.createContainer(options);
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
    this.ctx.onState?.(State.Containers, this.containerIds.join(','));
  }

  private async startAndWait(): Promise<void> {
    const hosts = this.hosts.filter((h): h is HostRun & { container: Dockerode.Container } => !!h.container);
    const streams = await Promise.all(
      hosts.map(
        async (h) => (await h.container.attach({ stream: true, stdout: true, stderr: true })) as unknown as Readable,
      ),
    );
    const logsDone = hosts.map((h, i) =>
      followContainerOutput(streams[i] as Readable, (line) => this.hostLog.line(h.host, line)),
    );
    const onAbort = (): void => this.stopAll('aborted', this.request.local.cancelGraceSeconds);
    this.ctx.signal.addEventListener('abort', onAbort, { once: true });
    const cancelMaxRuntime = setLongTimeout(() => {
      this.logger.warning(
        `Max runtime of ${this.request.job.maxRuntimeSeconds} s reached: stopping (SIGTERM, ${MAX_RUNTIME_GRACE_SECONDS} s grace)`,
      );
      this.stopAll('maxRuntime', MAX_RUNTIME_GRACE_SECONDS);
    }, this.request.job.maxRuntimeSeconds * 1000);
    try {
      if (this.ctx.signal.aborted) {
        this.stopReason ??= 'aborted';
        for (const stream of streams) stream.destroy();
        return;
      }
      this.trainingStart = this.deps.now();
      this.logger.info(`Starting ${hosts.map((h) => h.host).join(', ')} (image ${this.ctx.imageUri})`);
      await Promise.all(hosts.map((h) => this.startHost(h)));
      await Promise.all(hosts.map((h) => this.waitHost(h)));
      this.trainingEnd = this.deps.now();
      await this.drainLogs(logsDone, streams);
    } finally {
      cancelMaxRuntime();
      this.ctx.signal.removeEventListener('abort', onAbort);
    }
  }

  /** The attach streams end when the containers exit; a stream the engine keeps open is cut after a short wait. */
  private async drainLogs(logsDone: Promise<void>[], streams: Readable[]): Promise<void> {
    const drained = new AbortController();
    await Promise.race([Promise.all(logsDone), sleep(LOG_DRAIN_TIMEOUT_MS, drained.signal).catch(() => undefined)]);
    drained.abort();
    for (const stream of streams) stream.destroy();
  }

  private async startHost(h: HostRun & { container: Dockerode.Container }): Promise<void> {
    try {
      await h.container.start();
    } catch (err) {
      if (this.gpuRefusal && isGpuRefusal(err))
        throw new Error(`${this.gpuRefusal} The engine said: ${messageOf(err)}`);
      throw err;
    }
    h.started = true;
    // A stop requested while this host was starting must reach it too.
    if (this.stopReason) await this.stopHost(h, this.request.local.cancelGraceSeconds);
  }

  private async waitHost(h: HostRun & { container: Dockerode.Container }): Promise<void> {
    const { StatusCode } = (await h.container.wait()) as { StatusCode: number };
    h.exitCode = StatusCode;
    if (StatusCode !== 0 && !this.stopReason) {
      this.firstFailed = h;
      this.logger.error(`${h.host} exited with code ${StatusCode}: stopping the other hosts`);
      this.stopAll('hostFailed', this.request.local.cancelGraceSeconds);
    }
  }

  /** Records why the run stops (the first reason wins) and stops every running host with `graceSeconds`. */
  private stopAll(reason: StopReason, graceSeconds: number): void {
    this.stopReason ??= reason;
    for (const h of this.hosts) void this.stopHost(h, graceSeconds);
  }

  private async stopHost(h: HostRun, graceSeconds: number): Promise<void> {
    if (!h.container || !h.started || h.exitCode !== undefined) return;
    try {
      await h.container.stop({ t: Math.max(0, Math.round(graceSeconds)) });
    } catch (err) {
      const status = statusOf(err);
      if (status !== 304 && status !== 404) this.logger.warning(`Could not stop ${h.host}: ${messageOf(err)}`);
    }
  }

  /** After an error mid-run: hosts still running are stopped before their artifacts are read. */
  private async stopRunning(graceSeconds: number): Promise<void> {
    const running = this.hosts.filter((h) => h.started && h.exitCode === undefined);
    if (running.length === 0) return;
    await Promise.all(running.map((h) => this.stopHost(h, graceSeconds)));
  }

  private async collectArtifacts(): Promise<{ model?: string; output?: string; failure?: string }> {
    const started = this.hosts.filter((h) => h.started && h.container);
    if (started.length === 0) return {};
    // The last host wins a name clash, as when the SageMaker SDK's local mode copies the hosts' folders in turn.
    const order = [...started].reverse();
    const failure = this.stopReason === 'hostFailed' ? this.readFailureReason() : Promise.resolve(undefined);
    await this.ensureLocalOutputDir();
    const model = this.writeArchive('model.tar.gz', order, MODEL_DIR);
    const output = this.writeArchive('output.tar.gz', order, OUTPUT_DATA_DIR);
    // Both archives finish (or fail) before the containers they read from are removed.
    await allSettledOrThrow([model, output]);
    return { model: await model, output: await output, failure: await failure };
  }

  private localOutputDir(): string | undefined {
    const output = this.request.output;
    return output.kind === 'local' ? join(output.path, this.ctx.jobName, 'output') : undefined;
  }

  private async ensureLocalOutputDir(): Promise<void> {
    const dir = this.localOutputDir();
    if (dir) await ensureDir(dir, this.deps.hostUser, this.logger);
  }

  private async writeArchive(name: string, hosts: HostRun[], containerPath: string): Promise<string> {
    const [target, { writeTarGz, appendRerootedArchive }] = await Promise.all([
      this.openArtifactTarget(name),
      this.artifactsModule(),
    ]);
    const writing = writeTarGz(target.stream, async (pack) => {
      const seen = new Set<string>();
      for (const h of hosts) {
        const source = await this.archiveOf(h, containerPath);
        if (source) await appendRerootedArchive(pack, source, seen);
      }
    });
    await Promise.all([writing, target.done]);
    await target.afterWrite?.();
    return target.uri;
  }

  private async openArtifactTarget(
    name: string,
  ): Promise<{ uri: string; stream: Writable; done: Promise<void>; afterWrite?: () => Promise<void> }> {
    const output = this.request.output;
    if (output.kind === 'local') {
      const file = join(this.localOutputDir() as string, name);
      const stream = createWriteStream(file);
      return {
        uri: file,
        stream,
        done: finished(stream),
        afterWrite: () => chownTo(file, this.deps.hostUser, this.logger),
      };
    }
    return this.openS3Target(output, name);
  }

  private async openS3Target(
    output: S3Location,
    name: string,
  ): Promise<{ uri: string; stream: Writable; done: Promise<void> }> {
    const key = joinS3Key(output.key, this.ctx.jobName, 'output', name);
    const body = new PassThrough({ highWaterMark: 1024 * 1024 });
    const client = await this.s3();
    const done = uploadStream(client, { bucket: output.bucket, key, body, contentType: 'application/gzip' }).catch(
      (err: unknown) => {
        body.destroy(err as Error);
        throw err;
      },
    );
    return { uri: s3Uri(output.bucket, key), stream: body, done };
  }

  /** Docker's tar of a path in a (stopped) container, or undefined when the path does not exist. */
  private async archiveOf(h: HostRun, path: string): Promise<Readable | undefined> {
    try {
      return (await h.container?.getArchive({ path })) as unknown as Readable;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** /opt/ml/output/failure of the host that failed first, else of any other host, in host order. */
  private async readFailureReason(): Promise<string | undefined> {
    const candidates = [this.firstFailed, ...this.hosts.filter((h) => h !== this.firstFailed)].filter(
      (h): h is HostRun => !!h?.started,
    );
    const texts = await Promise.all(
      candidates.map(async (h) => {
        try {
          const [source, { readFirstFileText }] = await Promise.all([
            this.archiveOf(h, FAILURE_FILE),
            this.artifactsModule(),
          ]);
          return source ? (await readFirstFileText(source, FAILURE_REASON_MAX * 4))?.trim() : undefined;
        } catch (err) {
          this.logger.debug(`Could not read ${FAILURE_FILE} of ${h.host}: ${messageOf(err)}`);
          return undefined;
        }
      }),
    );
    return texts.find((text) => !!text);
  }

  /** Checkpoints written by a root container are given back to the invoking user (see ownership.ts). */
  private async giveBackCheckpoints(): Promise<void> {
    const checkpoint = this.request.job.checkpoint;
    const user = this.deps.hostUser;
    if (!checkpoint || user.uid === 0 || !this.hosts.some((h) => h.started)) return;
    try {
      const foreign = await findForeignOwned(checkpoint.hostPath, user);
      if (!foreign) return;
      this.logger.info(`Giving the checkpoint files in ${checkpoint.hostPath} back to uid ${user.uid}`);
      await chownWithHelperContainer({
        docker: this.deps.docker,
        image: this.ctx.imageUri,
        hostPath: checkpoint.hostPath,
        user,
        jobName: this.ctx.jobName,
        logger: this.logger,
        onCreated: (id) => this.recordContainer(id),
      });
    } catch (err) {
      this.logger.warning(`Checkpoint files in ${checkpoint.hostPath} may still be owned by root: ${messageOf(err)}`);
    }
  }

  private async teardown(): Promise<void> {
    const removeDocker = async (): Promise<void> => {
      await Promise.all(this.containerIds.map((id) => removeContainer(this.deps.docker, id, this.logger)));
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

  private result(startedAt: Date, artifacts: { model?: string; output?: string; failure?: string }): TrainingResult {
    const endedAt = this.deps.now();
    const { status, secondaryStatus, failureReason } = this.outcome(artifacts.failure);
    const hosts: HostOutcome[] = this.hosts.map((h) => ({ host: h.host, exitCode: h.exitCode ?? null }));
    const training = this.trainingStart
      ? ((this.trainingEnd ?? endedAt).getTime() - this.trainingStart.getTime()) / 1000
      : undefined;
    return {
      mode: 'local',
      jobName: this.ctx.jobName,
      status,
      secondaryStatus,
      ...(failureReason ? { failureReason } : {}),
      metrics: {},
      metricSeries: {},
      ...(artifacts.model ? { modelArtifacts: artifacts.model } : {}),
      ...(artifacts.output ? { outputArtifacts: artifacts.output } : {}),
      imageUri: this.ctx.imageUri,
      instanceType: this.request.job.instanceType,
      instanceCount: this.request.job.instanceCount,
      startedAt: startedAt.toISOString(),
      endedAt: endedAt.toISOString(),
      durationSeconds: (endedAt.getTime() - startedAt.getTime()) / 1000,
      ...(training !== undefined ? { trainingSeconds: training } : {}),
      hosts,
      logTail: this.hostLog.lastLines(),
      links: [],
    };
  }

  private outcome(failureText?: string): { status: TrainingStatus; secondaryStatus: string; failureReason?: string } {
    switch (this.stopReason) {
      case 'aborted':
        return { status: 'Stopped', secondaryStatus: 'Stopped' };
      case 'maxRuntime':
        return {
          status: 'Failed',
          secondaryStatus: 'MaxRuntimeExceeded',
          failureReason: `MaxRuntimeExceeded: Training job runtime exceeded MaxRuntimeInSeconds provided (${this.request.job.maxRuntimeSeconds} s)`,
        };
      case 'hostFailed': {
        const failed = this.firstFailed as HostRun;
        const reason = failureText
          ? `AlgorithmError: ${failureText}`
          : `AlgorithmError: ${failed.host} exited with code ${failed.exitCode}`;
        return { status: 'Failed', secondaryStatus: 'Failed', failureReason: reason.slice(0, FAILURE_REASON_MAX) };
      }
      default:
        // Like the service, a job whose artifacts cannot be uploaded fails.
        if (this.artifactError) {
          return { status: 'Failed', secondaryStatus: 'Failed', failureReason: `ClientError: ${this.artifactError}` };
        }
        return { status: 'Completed', secondaryStatus: 'Completed' };
    }
  }
}
