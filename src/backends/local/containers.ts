// What each training container is created with: pure functions of the request, so they are tested without Docker.
import type { ContainerCreateOptions, MountSettings } from 'dockerode';

import type { JobSpec, TrainingRequest } from '../../request.js';
import type { GpuDeviceRequest, Ulimit } from './resources.js';

/** Label on everything a local run creates (containers, network, helper containers), valued with the job name. */
export const JOB_LABEL = 'sagemaker-train.job';
export const HOST_LABEL = 'sagemaker-train.host';

export const CONFIG_DIR = '/opt/ml/input/config';
export const MODEL_DIR = '/opt/ml/model';
export const OUTPUT_DIR = '/opt/ml/output';
export const OUTPUT_DATA_DIR = '/opt/ml/output/data';
export const FAILURE_FILE = '/opt/ml/output/failure';

/** The ARN a job of this name would have; the account is a placeholder, as in the SageMaker SDK's local mode. */
export function trainingJobArn(region: string, jobName: string): string {
  return `arn:aws:sagemaker:${region}:000000000000:training-job/${jobName.toLowerCase()}`;
}

/**
 * The container's environment: the job's map, then the variables the service sets and, with local.aws-credentials,
 * the credentials (which win on a clash).
 */
export function containerEnv(opts: {
  region: string;
  jobName: string;
  environment: Record<string, string>;
  credentials?: Record<string, string>;
}): string[] {
  const env: Record<string, string> = {
    ...opts.environment,
    TRAINING_JOB_NAME: opts.jobName,
    TRAINING_JOB_ARN: trainingJobArn(opts.region, opts.jobName),
    AWS_REGION: opts.region,
    ...opts.credentials,
  };
  return Object.entries(env).map(([key, value]) => `${key}=${value}`);
}

export interface ContainerCommand {
  Entrypoint?: string[];
  Cmd: string[];
  /** Arguments that were given without an entrypoint and are therefore not passed (SageMaker passes `train` only). */
  ignoredArguments?: string[];
}

/**
 * With an entrypoint: Entrypoint = entrypoint, Cmd = arguments. Without: the image's own entrypoint runs with the
 * single argument `train`, as the service does; arguments alone are not passed (reported so the caller can warn).
 */
export function containerCommand(job: Pick<JobSpec, 'entrypoint' | 'arguments'>): ContainerCommand {
  if (job.entrypoint && job.entrypoint.length > 0)
    return { Entrypoint: [...job.entrypoint], Cmd: [...(job.arguments ?? [])] };
  const ignored = job.arguments && job.arguments.length > 0 ? [...job.arguments] : undefined;
  return { Cmd: ['train'], ...(ignored ? { ignoredArguments: ignored } : {}) };
}

/** The host folders behind a host's /opt/ml/model, /opt/ml/output and /opt/ml/output/data. */
export interface ArtifactDirs {
  model: string;
  output: string;
  outputData: string;
}

/**
 * An anonymous volume of the local driver bound to a host folder. The container sees what a plain anonymous volume
 * gives (the image's folder copied in with its owner and mode, else an empty folder), the engine removes the volume
 * with the container, and the files stay in the host folder to be packed there: nothing is read back through the
 * engine's archive API (a round trip per path), and no root-owned file is left on the host (artifact-dirs.ts).
 */
function boundVolume(source: string, target: string, jobName: string): MountSettings {
  return {
    Type: 'volume',
    Source: '',
    Target: target,
    VolumeOptions: {
      NoCopy: false,
      Labels: { [JOB_LABEL]: jobName },
      DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device: source } },
    },
  };
}

export interface MountSpec {
  source: string;
  target: string;
  readOnly: boolean;
}

/**
 * /dev/shm without local.shm-size: a tmpfs with no size, which the kernel makes half the engine's memory, as a Linux
 * host's own /dev/shm (Docker gives 64 MB, too small for DataLoader workers and NCCL). AWS does not publish a training
 * container's; tmpfs takes memory only as it is written. The engine mounts it in place of its own, with its flags.
 */
const SHM_TMPFS = 'rw,nosuid,nodev,noexec,mode=1777';

/** Create options of one training container. `network` is set for multi-host runs and with network isolation. */
export function trainingContainerOptions(opts: {
  request: Pick<TrainingRequest, 'region' | 'job'>;
  jobName: string;
  host: string;
  imageUri: string;
  mounts: MountSpec[];
  /** Where this host's model and output folders live on the host. */
  artifacts: ArtifactDirs;
  network?: string;
  /** This host's GPUs; absent on a CPU run. */
  gpus?: GpuDeviceRequest;
  /** /dev/shm in bytes (local.shm-size); absent, a tmpfs of the kernel's default size: half the engine's memory. */
  shmSizeBytes?: number;
  ulimits?: Ulimit[];
  /** AWS_ACCESS_KEY_ID etc. (local.aws-credentials); never logged. */
  credentials?: Record<string, string>;
}): ContainerCreateOptions {
  const { Entrypoint, Cmd } = containerCommand(opts.request.job);
  const mounts: MountSettings[] = [
    ...opts.mounts.map((m): MountSettings => ({
      Type: 'bind',
      Source: m.source,
      Target: m.target,
      ReadOnly: m.readOnly,
    })),
    boundVolume(opts.artifacts.model, MODEL_DIR, opts.jobName),
    boundVolume(opts.artifacts.output, OUTPUT_DIR, opts.jobName),
    boundVolume(opts.artifacts.outputData, OUTPUT_DATA_DIR, opts.jobName),
  ];
  return {
    name: `${opts.jobName}-${opts.host}`,
    Image: opts.imageUri,
    Hostname: opts.host,
    ...(Entrypoint ? { Entrypoint } : {}),
    Cmd,
    Env: containerEnv({
      region: opts.request.region,
      jobName: opts.jobName,
      environment: opts.request.job.environment,
      ...(opts.credentials ? { credentials: opts.credentials } : {}),
    }),
    Labels: { [JOB_LABEL]: opts.jobName, [HOST_LABEL]: opts.host },
    AttachStdin: false,
    AttachStdout: true,
    AttachStderr: true,
    Tty: false,
    OpenStdin: false,
    HostConfig: {
      Mounts: mounts,
      ...(opts.network ? { NetworkMode: opts.network } : {}),
      ...(opts.gpus ? { DeviceRequests: [opts.gpus] } : {}),
      ...(opts.shmSizeBytes !== undefined ? { ShmSize: opts.shmSizeBytes } : { Tmpfs: { '/dev/shm': SHM_TMPFS } }),
      ...(opts.ulimits && opts.ulimits.length > 0 ? { Ulimits: opts.ulimits } : {}),
    },
    ...(opts.network ? { NetworkingConfig: { EndpointsConfig: { [opts.network]: { Aliases: [opts.host] } } } } : {}),
  };
}
