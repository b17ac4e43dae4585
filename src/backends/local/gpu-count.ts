// How many GPUs the Docker engine can hand out: the CDI devices it lists by index, else (for an engine on this
// machine) the GPUs NVIDIA's driver lists under /proc/driver/nvidia/gpus. Undefined when neither tells.
import { readdir } from 'node:fs/promises';

import { cdiGpuCount, type EngineInfo } from './gpu.js';

export const NVIDIA_PROC_GPUS = '/proc/driver/nvidia/gpus';

/** True when the engine runs on this machine (a unix socket), where the driver's own list describes its GPUs. */
export function engineIsLocal(dockerHost: string | undefined): boolean {
  return dockerHost === undefined || dockerHost === '' || dockerHost.startsWith('unix://');
}

export function defaultEngineGpuCount(opts: { dockerHost: string | undefined; procDir?: string }) {
  return async (info: EngineInfo): Promise<number | undefined> => {
    const cdi = cdiGpuCount(info);
    if (cdi !== undefined || !engineIsLocal(opts.dockerHost)) return cdi;
    const entries = await readdir(opts.procDir ?? NVIDIA_PROC_GPUS).catch(() => undefined);
    return entries && entries.length > 0 ? entries.length : undefined;
  };
}
