// Settings that are valid but do nothing in the chosen mode: warned about, not refused, so one file can serve several
// modes (a sagemaker file run with --mode local), but never printed as if they applied.

import type { Mode } from '../request.js';
import type { ConfigIssue } from './errors.js';
import { nodeAt, type MapNode } from './tree.js';

type ModeGroup = 'local' | 'remote';

/**
 * Key (YAML path) → the modes where it has no effect, and why. Local mode honours job.network-isolation (an internal
 * network) and job.checkpoint.s3-uri (downloaded first, uploaded as SageMaker does), so neither is listed.
 */
const NO_EFFECT: readonly { key: string; in: ModeGroup; why: string }[] = [
  { key: 'job.role-arn', in: 'local', why: 'the containers run with no SageMaker execution role' },
  { key: 'job.volume-size-gb', in: 'local', why: 'the containers use the disk of this machine' },
  { key: 'job.spot', in: 'local', why: 'managed spot training exists only on SageMaker' },
  { key: 'job.keep-alive', in: 'local', why: 'warm pools exist only on SageMaker' },
  { key: 'job.max-retry-attempts', in: 'local', why: 'a failed local run is not retried' },
  { key: 'job.vpc', in: 'local', why: 'the containers use the network of the Docker engine' },
  { key: 'job.inter-container-encryption', in: 'local', why: 'the containers talk over the local Docker network' },
  { key: 'job.output-kms-key', in: 'local', why: 'the model is written to a local folder' },
  { key: 'job.volume-kms-key', in: 'local', why: 'no SageMaker storage volume is created' },
  { key: 'job.capacity-retries', in: 'local', why: 'there is no instance capacity to wait for' },
  { key: 'tags', in: 'local', why: 'tags go on the SageMaker training job, and no job is created' },
  { key: 'local', in: 'remote', why: 'local.* settings apply to local mode only' },
  { key: 'job.checkpoint.host-path', in: 'remote', why: 'SageMaker keeps checkpoints in job.checkpoint.s3-uri' },
];

/** A warning for each setting present (in the file or an override) that has no effect in `mode`. */
export function modeWarnings(root: MapNode, mode: Mode): ConfigIssue[] {
  const group: ModeGroup = mode === 'local' ? 'local' : 'remote';
  const modeName = group === 'local' ? 'local mode' : `${mode} mode`;
  return NO_EFFECT.filter((rule) => rule.in === group).flatMap((rule) => {
    const node = nodeAt(root, rule.key);
    if (node === undefined || (node.kind === 'scalar' && node.value === null)) return [];
    return [{ where: node.where, message: `has no effect in ${modeName}: ${rule.why}` }];
  });
}
