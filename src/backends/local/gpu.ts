// Whether a run asks for GPUs, and whether the engine can give them. Pure functions over strings and `docker info`.
import type { LocalGpuPolicy } from '../../request.js';
import { messageOf } from '../../error-message.js';

// SageMaker instance families with NVIDIA GPUs: p2, p3, p3dn, p4d, p4de, p5, p5e, p5en, p6-b200, p6e-gb200, g4dn, g5,
// g5g, g6, g6e, gr6 … Every ml.p* and ml.g* family has GPUs; no other family does (inf*/trn* are Neuron, not GPUs).
const GPU_FAMILY = /^(p|g|gr)\d/;

/** True for `local_gpu` and for `ml.*` instance types of a GPU family. */
export function instanceTypeHasGpu(instanceType: string): boolean {
  const type = instanceType.trim().toLowerCase();
  if (type === 'local_gpu') return true;
  const [prefix, family] = type.split('.');
  return prefix === 'ml' && family !== undefined && GPU_FAMILY.test(family);
}

/**
 * Whether a local run needs `docker info` before its containers: for GPUs (a GPU instance type) and for the engine's
 * version (network isolation). Any other run creates its containers without it, ~35 ms sooner (the engine runs
 * `runc --version` and more to answer).
 */
export function needsEngineInfo(job: { instanceType: string; networkIsolation?: boolean }): boolean {
  return instanceTypeHasGpu(job.instanceType) || job.networkIsolation === true;
}

/** The part of `docker info` GPU detection looks at. */
export interface EngineInfo {
  Runtimes?: Record<string, unknown>;
  /** Docker 27+: devices found by the engine, e.g. CDI devices `nvidia.com/gpu=all`. */
  DiscoveredDevices?: { Source?: string; ID?: string }[];
  /** `20.10.24`, `27.3.1`, … */
  ServerVersion?: string;
}

/** GPUs the engine lists as CDI devices by index (`nvidia.com/gpu=0`, `=1`, …), or undefined when it lists none. */
export function cdiGpuCount(info: EngineInfo): number | undefined {
  const ids = (info.DiscoveredDevices ?? [])
    .filter((device) => device.Source === 'cdi' && /gpu=\d+$/i.test(device.ID ?? ''))
    .map((device) => device.ID);
  return ids.length > 0 ? new Set(ids).size : undefined;
}

/** How the engine provides GPUs (`nvidia runtime`, `CDI`), or undefined when it cannot. */
export function engineGpuSupport(info: EngineInfo): string | undefined {
  if (info.Runtimes && Object.keys(info.Runtimes).some((name) => name.toLowerCase().includes('nvidia'))) {
    return 'nvidia runtime';
  }
  const cdi = (info.DiscoveredDevices ?? []).some(
    (device) => device.Source === 'cdi' && (device.ID ?? '').toLowerCase().includes('gpu'),
  );
  return cdi ? 'CDI' : undefined;
}

export type GpuDecision =
  | { useGpu: false; warning?: string }
  /** `refusal`: what to say if the engine turns the device request down (it showed no GPU support in docker info). */
  | { useGpu: true; via: string; refusal?: string };

/**
 * What to do about GPUs. `local_gpu` always demands them; an ml GPU type demands them unless the policy is `optional`,
 * in which case an engine without GPU support runs on CPU with a warning. Never a silent drop. A demand is sent to the
 * engine even when docker info shows no GPU runtime, because NVIDIA's prestart hook can serve `--gpus` without one:
 * only the engine's own refusal fails the run.
 */
export function decideGpu(opts: { instanceType: string; policy: LocalGpuPolicy; engineSupport?: string }): GpuDecision {
  if (!instanceTypeHasGpu(opts.instanceType)) return { useGpu: false };
  if (opts.engineSupport) return { useGpu: true, via: opts.engineSupport };
  const demanded = opts.instanceType.trim().toLowerCase() === 'local_gpu' || opts.policy === 'required';
  if (demanded) {
    const why =
      opts.instanceType === 'local_gpu'
        ? 'instance type local_gpu needs GPUs'
        : `instance type ${opts.instanceType} has GPUs and local.gpu is "required"`;
    return {
      useGpu: true,
      via: 'a device request for all GPUs (docker info lists no GPU runtime)',
      refusal:
        `${why}, but the Docker engine has no GPU runtime (no "nvidia" runtime in docker info, no CDI GPU devices, ` +
        'and the engine refused the device request). Install the NVIDIA Container Toolkit and configure Docker for ' +
        'it, or set local.gpu: optional (with an ml.* instance type) to run on CPU.',
    };
  }
  return {
    useGpu: false,
    warning:
      `Instance type ${opts.instanceType} has GPUs but the Docker engine has no GPU runtime: ` +
      'running on CPU because local.gpu is "optional".',
  };
}

/** The engine's answer to a GPU device request it cannot serve (`could not select device driver "" …`). */
export function isGpuRefusal(err: unknown): boolean {
  const message = messageOf(err);
  return /could not select device driver/i.test(message);
}
