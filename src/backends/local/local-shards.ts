// ShardedByS3Key on a local channel folder: each host gets the files SageMaker would give it once sagemaker mode
// uploads the folder (object i of the listing, in S3 key order, to host i mod N). Each host's share is hard-linked
// (copied across file systems) into its own folder, which is mounted read-only.
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { Logger } from '../../logger.js';
import type { ChannelSpec, LocalLocation } from '../../request.js';
import { listChannelFiles } from '../channel-files.js';
import { planS3Channel } from './channels.js';

/** Where each file of the folder goes, by the same plan as a downloaded s3:// channel. Pure. */
export function planLocalShards(keys: string[], hostCount: number): { key: string; host: number }[] {
  const root = { kind: 's3' as const, uri: '', bucket: '', key: '' };
  return planS3Channel({ location: root, keys, distribution: 'ShardedByS3Key', hostCount }).map((item) => ({
    key: item.relPath,
    host: item.host ?? 0,
  }));
}

/** Links (or copies) `source` to `target`; says which it did. */
async function place(source: string, target: string): Promise<'linked' | 'copied'> {
  await mkdir(dirname(target), { recursive: true });
  try {
    await link(source, target);
    return 'linked';
  } catch {
    // Another file system (EXDEV), or a file the kernel's protected_hardlinks keeps from being linked (EPERM).
    await copyFile(source, target);
    return 'copied';
  }
}

/** Builds each host's share under `dir/algo-<i>` and returns those folders in host order. */
export async function shardLocalChannel(opts: {
  channel: ChannelSpec & { source: LocalLocation };
  dir: string;
  hostCount: number;
  logger: Logger;
}): Promise<string[]> {
  const { channel, dir, hostCount } = opts;
  const files = await listChannelFiles(channel.source.path);
  const byKey = new Map(files.map((f) => [f.key, f.path]));
  const folders = Array.from({ length: hostCount }, (_, i) => join(dir, `algo-${i + 1}`));
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  const plan = planLocalShards(
    files.map((f) => f.key),
    hostCount,
  );
  const how = new Set<string>();
  for (const item of plan) {
    const target = join(folders[item.host] as string, ...item.key.split('/'));
    how.add(await place(byKey.get(item.key) as string, target));
  }
  opts.logger.info(
    `Channel ${channel.name}: ${plan.length} file(s) of ${channel.source.path} sharded across ${hostCount} hosts by ` +
      `key, as SageMaker shards the uploaded objects (${[...how].join(' and ') || 'nothing to place'})`,
  );
  return folders;
}
