// What every host's container gets beyond the job's own settings: its GPUs, /dev/shm and ulimits, decided once per
// run from the request and `docker info`, with one log line for each thing the engine cannot do as asked.
import type { Logger } from '../../logger.js';
import type { TrainingRequest } from '../../request.js';
import { decideGpu, engineGpuSupport, type EngineInfo, instanceTypeHasGpu } from './gpu.js';
import { containerUlimits, type GpuDeviceRequest, planGpus, shmSizeBytes, type Ulimit } from './resources.js';

export interface HostSettings {
  /** One request per host (host order), absent on a CPU run. */
  gpus?: GpuDeviceRequest[];
  /** The clear error for an engine that refuses a GPU request docker info gave no sign it could serve. */
  gpuRefusal?: string;
  shmSizeBytes?: number;
  ulimits: Ulimit[];
}

export interface HostSettingsOptions {
  request: Pick<TrainingRequest, 'job' | 'local'>;
  info: EngineInfo;
  /** How many GPUs the engine has, when that can be told (CDI list, or this machine's driver). */
  engineGpuCount: (info: EngineInfo) => Promise<number | undefined>;
  logger: Logger;
}

export async function resolveHostSettings(opts: HostSettingsOptions): Promise<HostSettings> {
  const { request, info, logger } = opts;
  const shm = shmSizeBytes(request.local, info.MemTotal);
  if (shm === undefined) logger.warning('/dev/shm: the engine did not report its memory; Docker gives 64 MB');
  else
    logger.info(
      `/dev/shm: ${(shm / 1024 ** 3).toFixed(1)} GiB per host${request.local.shmSizeBytes ? ' (local.shm-size)' : ''}`,
    );
  const gpu = await resolveGpus(opts);
  const ulimits = containerUlimits(request.local, gpu.gpus !== undefined);
  return { ...gpu, ...(shm !== undefined ? { shmSizeBytes: shm } : {}), ulimits };
}

async function resolveGpus(opts: HostSettingsOptions): Promise<Pick<HostSettings, 'gpus' | 'gpuRefusal'>> {
  const { request, info, logger } = opts;
  const { instanceType, instanceCount } = request.job;
  if (!instanceTypeHasGpu(instanceType)) return {};
  const decision = decideGpu({ instanceType, policy: request.local.gpu, engineSupport: engineGpuSupport(info) });
  if (!decision.useGpu) {
    if (decision.warning) logger.warning(decision.warning);
    return {};
  }
  const plan = planGpus({
    hostCount: instanceCount,
    ...(request.local.gpusPerHost !== undefined ? { perHost: request.local.gpusPerHost } : {}),
    ...(await countOrUndefined(opts)),
  });
  if ('error' in plan) throw new Error(plan.error);
  if (plan.note) logger.warning(`GPUs: ${plan.note}`);
  const first = plan.requests[0];
  const what = first?.DeviceIDs ? `devices ${plan.requests.map((r) => r.DeviceIDs?.join(',')).join(' | ')}` : 'all';
  logger.info(`GPUs: ${what} (${decision.via})`);
  return { gpus: plan.requests, ...(decision.refusal ? { gpuRefusal: decision.refusal } : {}) };
}

async function countOrUndefined(opts: HostSettingsOptions): Promise<{ engineGpus?: number }> {
  const count = await opts.engineGpuCount(opts.info).catch(() => undefined);
  return count !== undefined ? { engineGpus: count } : {};
}
