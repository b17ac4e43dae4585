// The `local:` section: settings of local mode only.

import type { LocalGpuPolicy, LocalSpec } from '../../request.js';
import { readLocalResources } from '../local-resources.js';
import { readBoolean, readDuration, readEnum, readMap } from '../read.js';
import type { SectionContext } from './context.js';
import { DEFAULTS, LIMITS } from './limits.js';

const LOCAL_KEYS = ['gpu', 'cancel-grace', 'aws-credentials', 'shm-size', 'gpus-per-host', 'ulimits'] as const;
const GPU_POLICIES: readonly LocalGpuPolicy[] = ['required', 'optional'];

export function readLocal(ctx: SectionContext): LocalSpec {
  const local = readMap(ctx.root, 'local', ctx.issues, LOCAL_KEYS, '{ gpu: optional, cancel-grace: 5s }');
  return {
    gpu: readEnum(local, 'gpu', ctx.issues, GPU_POLICIES) ?? DEFAULTS.localGpu,
    cancelGraceSeconds:
      readDuration(local, 'cancel-grace', ctx.issues, LIMITS.cancelGraceSeconds) ?? DEFAULTS.cancelGraceSeconds,
    ...(readBoolean(local, 'aws-credentials', ctx.issues) === true ? { awsCredentials: true } : {}),
    ...readLocalResources(local, ctx.issues),
  };
}
