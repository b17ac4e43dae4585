// Input channels for local runs: local folders are mounted as they are; s3:// channels are downloaded first (sharded
// across hosts for ShardedByS3Key) into a temporary folder that is then mounted. Mounts are always read-only.
import { mkdir, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, posix } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';

import { downloadObject, listObjects, s3Uri } from '../../aws/s3.js';
import type { Logger } from '../../logger.js';
import type { ChannelSpec, S3Location } from '../../request.js';

export const CHANNEL_ROOT = '/opt/ml/input/data';

/** A read-only bind mount for one host. */
export interface HostMount {
  source: string;
  target: string;
}

/**
 * Where an S3 object lands inside its channel folder, like the SageMaker SDK's local mode: the object the URI names
 * exactly lands under its base name; otherwise the URI is a folder and the key's part below it is kept.
 * Throws for a key that would escape the folder (`..`, absolute paths) and returns undefined for folder markers.
 */
export function channelRelativePath(location: S3Location, key: string): string | undefined {
  const prefix = location.key;
  let rel: string;
  if (key === prefix && prefix !== '' && !prefix.endsWith('/')) rel = posix.basename(key);
  else {
    const folder = prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`;
    if (!key.startsWith(folder)) return undefined;
    rel = key.slice(folder.length);
  }
  if (rel === '' || rel.endsWith('/')) return undefined;
  const segments = rel.split('/');
  if (isAbsolute(rel) || segments.includes('..')) {
    throw new Error(
      `S3 object ${s3Uri(location.bucket, key)} cannot be downloaded: its key would be written outside the channel ` +
        `folder ("${rel}"). Rename the object or narrow the channel's S3 prefix.`,
    );
  }
  return segments.filter((s) => s !== '' && s !== '.').join('/') || undefined;
}

/** ShardedByS3Key: object i of the listing goes to host i mod N, as the service does. */
export function shardIndex(objectIndex: number, hostCount: number): number {
  return objectIndex % hostCount;
}

export interface ChannelPlanItem {
  key: string;
  relPath: string;
  /** Host index for ShardedByS3Key with several hosts; undefined means every host (FullyReplicated). */
  host?: number;
}

/** Where each listed object goes. Pure: used for the download and in tests. */
export function planS3Channel(opts: {
  location: S3Location;
  keys: string[];
  distribution: ChannelSpec['distribution'];
  hostCount: number;
}): ChannelPlanItem[] {
  const items: ChannelPlanItem[] = [];
  const exact = opts.keys.includes(opts.location.key) && !opts.location.key.endsWith('/') && opts.location.key !== '';
  const keys = exact ? [opts.location.key] : opts.keys;
  for (const key of keys) {
    const relPath = channelRelativePath(opts.location, key);
    if (relPath === undefined) continue;
    items.push({ key, relPath });
  }
  if (opts.distribution === 'ShardedByS3Key' && opts.hostCount > 1) {
    items.forEach((item, i) => (item.host = shardIndex(i, opts.hostCount)));
  }
  return items;
}

async function runPool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** Downloads an s3:// channel; returns the folder each host mounts (the same folder for every host unless sharded). */
export async function downloadS3Channel(opts: {
  channel: ChannelSpec & { source: S3Location };
  client: S3Client;
  dir: string;
  hostCount: number;
  logger: Logger;
  signal?: AbortSignal;
}): Promise<string[]> {
  const { channel, client, dir, hostCount, signal } = opts;
  const keys: string[] = [];
  let bytes = 0;
  for await (const object of listObjects(client, {
    bucket: channel.source.bucket,
    prefix: channel.source.key,
    signal,
  })) {
    keys.push(object.key);
    bytes += object.size;
  }
  const plan = planS3Channel({ location: channel.source, keys, distribution: channel.distribution, hostCount });
  const sharded = plan.some((item) => item.host !== undefined);
  const folders = sharded ? Array.from({ length: hostCount }, (_, i) => join(dir, `algo-${i + 1}`)) : [dir];
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  opts.logger.info(
    `Channel ${channel.name}: downloading ${plan.length} object(s), ${(bytes / 1024 / 1024).toFixed(1)} MiB, ` +
      `from ${channel.source.uri}${sharded ? ` sharded across ${hostCount} hosts` : ''}`,
  );
  await runPool(plan, 8, async (item) => {
    const file = join(folders[item.host ?? 0] as string, ...item.relPath.split('/'));
    await mkdir(dirname(file), { recursive: true });
    await downloadObject(client, { bucket: channel.source.bucket, key: item.key, file, signal });
  });
  return sharded ? folders : Array.from({ length: hostCount }, () => dir);
}

/**
 * The mounts of a local channel: a folder is mounted at /opt/ml/input/data/<channel>; a single file is mounted inside
 * that folder under its own name, as SageMaker would place an object.
 */
export async function localChannelMount(
  channel: ChannelSpec & { source: { kind: 'local'; path: string } },
): Promise<HostMount> {
  const target = posix.join(CHANNEL_ROOT, channel.name);
  const info = await stat(channel.source.path).catch(() => undefined);
  if (!info) throw new Error(`Channel ${channel.name}: local path ${channel.source.path} does not exist`);
  if (info.isDirectory()) return { source: channel.source.path, target };
  return { source: channel.source.path, target: posix.join(target, basename(channel.source.path)) };
}
