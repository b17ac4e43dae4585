// job.spot and job.checkpoint: managed spot training and where checkpoints are kept.

import path from 'node:path';
import type { CheckpointSpec } from '../../request.js';
import { formatDuration } from '../duration.js';
import { checkString, child, describe, readDuration, readString } from '../read.js';
import { childPath, type MapNode } from '../tree.js';
import { localPath, type SectionContext } from './context.js';
import { DEFAULTS } from './limits.js';
import { readS3 } from './locations.js';

export function readSpot(
  ctx: SectionContext,
  spotMap: MapNode,
  checkpointMap: MapNode | undefined,
  maxRuntimeSeconds: number,
): { maxWaitSeconds: number } | undefined {
  const maxWaitNode = child(spotMap, 'max-wait');
  const maxWait = readDuration(spotMap, 'max-wait', ctx.issues, { min: 1 });
  if (maxWaitNode === undefined) {
    ctx.issues.add(
      childPath(spotMap.path, 'max-wait'),
      `is required with spot: the longest to wait for spot capacity plus train, at least max-runtime (${formatDuration(maxRuntimeSeconds)}), such as 4h`,
    );
  } else if (maxWait !== undefined && maxWait < maxRuntimeSeconds) {
    ctx.issues.add(
      maxWaitNode.where,
      `must be at least max-runtime (${formatDuration(maxRuntimeSeconds)}) because it includes the training time (got ${describe(maxWaitNode)})`,
    );
  }
  const hasCheckpointUri =
    child(spotMap, 'checkpoint-s3-uri') !== undefined || child(checkpointMap, 's3-uri') !== undefined;
  if (!hasCheckpointUri) {
    ctx.issues.add(
      spotMap.where,
      'needs a checkpoint S3 URI so interrupted spot training can resume: set job.spot.checkpoint-s3-uri or job.checkpoint.s3-uri',
    );
  }
  return maxWait === undefined ? undefined : { maxWaitSeconds: maxWait };
}

export function readCheckpoint(
  ctx: SectionContext,
  spotMap: MapNode | undefined,
  checkpointMap: MapNode | undefined,
  namePrefix: string,
): CheckpointSpec | undefined {
  const spotUriNode = child(spotMap, 'checkpoint-s3-uri');
  const blockUriNode = child(checkpointMap, 's3-uri');
  const spotUri = spotUriNode === undefined ? undefined : readS3(ctx, spotUriNode);
  const blockUri = blockUriNode === undefined ? undefined : readS3(ctx, blockUriNode);
  if (spotUri !== undefined && blockUri !== undefined && spotUri.uri !== blockUri.uri) {
    ctx.issues.add(
      spotUriNode?.where ?? 'job.spot.checkpoint-s3-uri',
      `names a different checkpoint location than job.checkpoint.s3-uri (${blockUri.uri}); set one of them`,
    );
  }
  if (checkpointMap === undefined && spotUriNode === undefined) return undefined;
  if (ctx.remote && spotUriNode === undefined && blockUriNode === undefined && checkpointMap !== undefined) {
    ctx.issues.add(
      childPath(checkpointMap.path, 's3-uri'),
      `is required in ${ctx.mode} mode when checkpointing: SageMaker copies checkpoints to S3, such as s3://my-bucket/checkpoints/`,
    );
  }
  const containerPath =
    readString(checkpointMap, 'local-path', ctx.issues, {
      allowed: 'an absolute path inside the container such as /opt/ml/checkpoints',
      check: (text) =>
        text.startsWith('/')
          ? undefined
          : `must be an absolute path inside the container such as /opt/ml/checkpoints (got "${text}")`,
    }) ?? DEFAULTS.checkpointContainerPath;
  const hostNode = child(checkpointMap, 'host-path');
  let hostPath = path.join(ctx.workspace, '.sagemaker-train', 'checkpoints', namePrefix);
  if (hostNode !== undefined) {
    const text = checkString(hostNode, ctx.issues, { allowed: 'a folder relative to the workspace' });
    if (text !== undefined) {
      hostPath = localPath(ctx, text, hostNode.where);
      ctx.pathChecks.push({ where: hostNode.where, path: hostPath, expect: 'directory-if-exists' });
    }
  }
  const s3Uri = spotUri ?? blockUri;
  return { ...(s3Uri !== undefined ? { s3Uri } : {}), containerPath, hostPath };
}
