// The `channels:` section: the input data, each channel a local folder or an S3 URI with SageMaker's settings.

import type { ChannelSpec, CompressionType, InputMode, RecordWrapperType, S3DistributionType } from '../../request.js';
import { checkKeys, child, describe, readEnum, readMap, readString } from '../read.js';
import { childPath, type MapNode, type TreeNode } from '../tree.js';
import type { SectionContext } from './context.js';
import { LIMITS } from './limits.js';
import { readLocation } from './locations.js';

const CHANNEL_KEYS = ['source', 'input-mode', 'content-type', 'distribution', 'compression', 'record-wrapper'] as const;
const CHANNEL_NAME_PATTERN = /^[A-Za-z0-9.\-_]+$/;
const INPUT_MODES: readonly InputMode[] = ['File', 'Pipe', 'FastFile'];
const DISTRIBUTIONS: readonly S3DistributionType[] = ['FullyReplicated', 'ShardedByS3Key'];
const COMPRESSIONS: readonly CompressionType[] = ['None', 'Gzip'];
const RECORD_WRAPPERS: readonly RecordWrapperType[] = ['None', 'RecordIO'];

export function readChannels(ctx: SectionContext): ChannelSpec[] {
  const channels = readMap(ctx.root, 'channels', ctx.issues, undefined, '{ training: data/ }');
  if (channels === undefined) return [];
  if (channels.entries.size > LIMITS.channels) {
    ctx.issues.add(
      channels.where,
      `may have at most ${LIMITS.channels} channels, SageMaker's limit (got ${channels.entries.size})`,
    );
  }
  const result: ChannelSpec[] = [];
  for (const entry of channels.entries.values()) {
    const name = entry.key;
    if (!CHANNEL_NAME_PATTERN.test(name) || name.length > LIMITS.channelName) {
      ctx.issues.add(
        entry.keyWhere,
        `channel names must be 1 to ${LIMITS.channelName} letters, digits, dots, hyphens or underscores (got "${name}")`,
      );
      continue;
    }
    const channel = readChannel(ctx, name, entry.node);
    if (channel !== undefined) result.push(channel);
  }
  return result;
}

export function readChannel(ctx: SectionContext, name: string, node: TreeNode): ChannelSpec | undefined {
  let sourceNode: TreeNode | undefined = node;
  let settings: MapNode | undefined;
  if (node.kind === 'map') {
    settings = node;
    checkKeys(node, CHANNEL_KEYS, ctx.issues);
    sourceNode = child(node, 'source');
    if (sourceNode === undefined) {
      ctx.issues.add(
        childPath(node.path, 'source'),
        'is required: a local folder or an S3 URI such as s3://my-bucket/data/',
      );
      return undefined;
    }
  } else if (node.kind === 'seq') {
    ctx.issues.add(node.where, `must be a local folder, an S3 URI, or a mapping with source (got ${describe(node)})`);
    return undefined;
  }
  const source = readLocation(ctx, sourceNode, { asPrefix: false, localOnlyInLocalMode: false });
  if (source?.kind === 'local')
    ctx.pathChecks.push({ where: sourceNode.where, path: source.path, expect: 'directory' });
  const inputMode = readEnum(settings, 'input-mode', ctx.issues, INPUT_MODES) ?? 'File';
  const contentType = readString(settings, 'content-type', ctx.issues, {
    allowed: 'a MIME type such as text/csv',
    check: (text) => (text.length <= 256 ? undefined : `must be at most 256 characters (got ${text.length})`),
  });
  const distribution = readEnum(settings, 'distribution', ctx.issues, DISTRIBUTIONS) ?? 'FullyReplicated';
  const compression = readEnum(settings, 'compression', ctx.issues, COMPRESSIONS) ?? 'None';
  const recordWrapper = readEnum(settings, 'record-wrapper', ctx.issues, RECORD_WRAPPERS) ?? 'None';
  if (source === undefined) return undefined;
  return {
    name,
    source,
    inputMode,
    ...(contentType !== undefined ? { contentType } : {}),
    distribution,
    compression,
    recordWrapper,
  };
}
