// What every host's container gets beyond the job's own settings: its GPUs, /dev/shm and ulimits, decided once per
// run from the request and, for GPUs only, `docker info`, with one log line for each thing the engine cannot do as
// asked.
import type { Logger } from '../../logger.js';
import type { TrainingRequest } from '../../request.js';
import { decideGpu, engineGpuSupport, type EngineInfo, instanceTypeHasGpu } from './gpu.js';
import { containerUlimits, type GpuDeviceRequest, planGpus, type Ulimit } from './resources.js';

export interface HostSettings {
  /** One request per host (host order), absent on a CPU run. */
  gpus?: GpuDeviceRequest[];
  /** The clear error for an engine that refuses a GPU request docker info gave no sign it could serve. */
  gpuRefusal?: string;
  /** local.shm-size; absent, the kernel's default tmpfs (containers.ts). */
  shmSizeBytes?: number;
  ulimits: Ulimit[];
}

export interface HostSettingsOptions {
  request: Pick<TrainingRequest, 'job' | 'local'>;
  /** `docker info`, asked for only when a decision needs it: a GPU instance type's. */
  info: () => Promise<EngineInfo>;
  /** How many GPUs the engine has, when that can be told (CDI list, or this machine's driver). */
  engineGpuCount: (info: EngineInfo) => Promise<number | undefined>;
  logger: Logger;
}

export async function resolveHostSettings(opts: HostSettingsOptions): Promise<HostSettings> {
  const { request, logger } = opts;
  const shm = request.local.shmSizeBytes;
  logger.info(
    shm === undefined
      ? "/dev/shm: half the engine's memory per host (a tmpfs of the kernel's default size)"
      : `/dev/shm: ${(shm / 1024 ** 3).toFixed(1)} GiB per host (local.shm-size)`,
  );
  const gpu = await resolveGpus(opts);
  const ulimits = containerUlimits(request.local, gpu.gpus !== undefined);
  return { ...gpu, ...(shm !== undefined ? { shmSizeBytes: shm } : {}), ulimits };
}

async function resolveGpus(opts: HostSettingsOptions): Promise<Pick<HostSettings, 'gpus' | 'gpuRefusal'>> {
  const { request, logger } = opts;
  const { instanceType, instanceCount } = request.job;
  if (!instanceTypeHasGpu(instanceType)) return {};
  const info = await opts.info();
  const decision = decideGpu({ instanceType, policy: request.local.gpu, engineSupport: engineGpuSupport(info) });
  if (!decision.useGpu) {
    if (decision.warning) logger.warning(decision.warning);
    return {};
  }
  const plan = planGpus({
    hostCount: instanceCount,
    ...(request.local.gpusPerHost !== undefined ? { perHost: request.local.gpusPerHost } : {}),
    ...(await countOrUndefined(opts, info)),
  });
  if ('error' in plan) throw new Error(plan.error);
  if (plan.note) logger.warning(`GPUs: ${plan.note}`);
  const first = plan.requests[0];
  const what = first?.DeviceIDs ? `devices ${plan.requests.map((r) => r.DeviceIDs?.join(',')).join(' | ')}` : 'all';
  logger.info(`GPUs: ${what} (${decision.via})`);
  return { gpus: plan.requests, ...(decision.refusal ? { gpuRefusal: decision.refusal } : {}) };
}

async function countOrUndefined(opts: HostSettingsOptions, info: EngineInfo): Promise<{ engineGpus?: number }> {
  const count = await opts.engineGpuCount(info).catch(() => undefined);
  return count !== undefined ? { engineGpus: count } : {};
}
