// How each local host's container is sized so that it matches a training instance: ulimits and its share of the
// engine's GPUs (/dev/shm: see containers.ts). Pure functions of the request and of what the engine reports.
import { messageOf } from '../../error-message.js';
import type { LocalResources } from '../../request.js';

export interface Ulimit {
  Name: string;
  Soft: number;
  Hard: number;
}

/**
 * memlock: local.ulimits.memlock, else unlimited on a GPU run: NCCL and EFA register (lock) large buffers, and
 * NVIDIA's container documentation runs GPU training with `--ulimit memlock=-1`. A CPU run keeps the engine's limit
 * (nothing there locks memory, and an engine that cannot raise it would cost every run a refused start). nofile only
 * when set: AWS does not publish the training hosts' figure, so the engine's default is kept.
 */
export function containerUlimits(local: LocalResources, gpu: boolean): Ulimit[] {
  const memlock = local.ulimits?.memlock ?? (gpu ? 'unlimited' : undefined);
  const limits: Ulimit[] = [];
  if (memlock !== undefined) {
    const value = memlock === 'unlimited' ? -1 : memlock;
    limits.push({ Name: 'memlock', Soft: value, Hard: value });
  }
  const nofile = local.ulimits?.nofile;
  if (nofile !== undefined) limits.push({ Name: 'nofile', Soft: nofile, Hard: nofile });
  return limits;
}

/** A Docker device request: `--gpus all` (Count -1) or `--gpus '"device=0,1"'` (DeviceIDs). */
export interface GpuDeviceRequest {
  Driver: string;
  Count: number;
  DeviceIDs?: string[];
  Capabilities: string[][];
}

export const ALL_GPUS: GpuDeviceRequest = { Driver: '', Count: -1, Capabilities: [['gpu']] };

export function gpuDevices(ids: string[]): GpuDeviceRequest {
  return { Driver: '', Count: 0, DeviceIDs: ids, Capabilities: [['gpu']] };
}

export type GpuPlan =
  /** One request per host, in host order; `note` says once what was decided when it is not a plain split. */
  { requests: GpuDeviceRequest[]; note?: string } | { error: string };

/**
 * Which GPUs each host gets. `all` (or a single host with no explicit count): every GPU. A number: that many each, in
 * index order (host i gets indexes i*k … i*k+k-1). Default: an even split of the GPUs the engine has; when their number
 * is unknown, or smaller than the number of hosts, every host gets every GPU and the note says why.
 */
export function planGpus(opts: { hostCount: number; perHost?: number | 'all'; engineGpus?: number }): GpuPlan {
  const { hostCount, perHost, engineGpus } = opts;
  const everyHost = (note?: string): GpuPlan => ({
    requests: Array.from({ length: hostCount }, () => ALL_GPUS),
    ...(note ? { note } : {}),
  });
  if (perHost === 'all' || (perHost === undefined && hostCount === 1)) return everyHost();
  if (perHost !== undefined) {
    if (engineGpus !== undefined && perHost * hostCount > engineGpus) {
      return {
        error:
          `local.gpus-per-host is ${perHost} for ${hostCount} host(s), ${perHost * hostCount} GPUs, but the engine ` +
          `has ${engineGpus}: lower local.gpus-per-host or job.instance-count, or set it to all`,
      };
    }
    return { requests: split(hostCount, perHost) };
  }
  if (engineGpus === undefined) {
    return everyHost(
      'the number of GPUs of the Docker engine is unknown (no CDI device list, no /proc/driver/nvidia/gpus here), so ' +
        'every host sees every GPU; set local.gpus-per-host to give each host its own',
    );
  }
  const each = Math.floor(engineGpus / hostCount);
  if (each === 0) {
    return everyHost(
      `the engine has ${engineGpus} GPU(s) for ${hostCount} hosts, too few to give each its own, so every host sees every GPU`,
    );
  }
  const spare = engineGpus - each * hostCount;
  return {
    requests: split(hostCount, each),
    ...(spare > 0 ? { note: `${each} GPU(s) per host; ${spare} of the engine's ${engineGpus} stay unused` } : {}),
  };
}

function split(hostCount: number, each: number): GpuDeviceRequest[] {
  return Array.from({ length: hostCount }, (_, host) =>
    gpuDevices(Array.from({ length: each }, (_, i) => String(host * each + i))),
  );
}

/** The engine refused a ulimit when starting a container (a daemon without CAP_SYS_RESOURCE cannot raise one). */
export function isUlimitRefusal(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /setting rlimit/i.test(message) && /operation not permitted/i.test(message);
}

/** A refused ulimit the user set is named with its setting; anything else is passed on as it is. */
export function explainUlimitRefusal(err: unknown, asked: LocalResources['ulimits']): unknown {
  if (!isUlimitRefusal(err) || !asked) return err;
  return new Error(
    `The Docker engine refused local.ulimits (${JSON.stringify(asked)}): it cannot raise a limit above its own ` +
      `without CAP_SYS_RESOURCE. Lower the values or remove local.ulimits. It said: ${messageOf(err)}`,
  );
}

/** What the run says when the engine could not raise the default memlock and the hosts keep the engine's. */
export function memlockKeptWarning(err: unknown): string {
  return (
    'memlock: the Docker engine cannot raise the locked-memory limit (its daemon lacks CAP_SYS_RESOURCE, as a ' +
    `rootless engine or one inside a container does), so the hosts keep the engine's limit. It said: ${messageOf(err)}`
  );
}

/** The ulimits without the default memlock, for an engine that cannot raise it. */
export function withoutDefaultMemlock(limits: Ulimit[]): Ulimit[] {
  return limits.filter((limit) => limit.Name !== 'memlock');
}
