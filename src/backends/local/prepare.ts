// Host folders of a local run before any container exists: each host's /opt/ml/input/config files and the mounts of
// its input channels (local folders as they are, s3:// channels downloaded first).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';

import type { Logger } from '../../logger.js';
import type { ChannelSpec, TrainingRequest } from '../../request.js';
import { CHANNEL_ROOT, downloadS3Channel, localChannelMount } from './channels.js';
import { hostConfigFiles } from './config-files.js';
import { CONFIG_DIR } from './containers.js';
import type { HostRun } from './host-run.js';
import { shardLocalChannel } from './local-shards.js';

type ConfigRequest = Pick<TrainingRequest, 'job' | 'hyperparameters' | 'channels'>;

/** Writes each host's config files under `workDir/<host>/input/config` and mounts that folder read-only first. */
export async function writeConfigFiles(workDir: string, hosts: HostRun[], request: ConfigRequest): Promise<void> {
  const names = hosts.map((h) => h.host);
  await Promise.all(
    hosts.map(async (h) => {
      const dir = join(workDir, h.host, 'input', 'config');
      await mkdir(dir, { recursive: true, mode: 0o755 });
      const files = hostConfigFiles({
        currentHost: h.host,
        hosts: names,
        instanceType: request.job.instanceType,
        hyperparameters: request.hyperparameters,
        channels: request.channels,
        checkpoint: request.job.checkpoint,
      });
      await Promise.all(
        Object.entries(files).map(([name, content]) =>
          writeFile(join(dir, name), JSON.stringify(content), { mode: 0o644 }),
        ),
      );
      h.mounts.unshift({ source: dir, target: CONFIG_DIR, readOnly: true });
    }),
  );
}

export interface ChannelDeps {
  s3: () => Promise<S3Client>;
  logger: Logger;
  signal: AbortSignal;
}

/** Adds every channel's read-only mount to every host. */
export async function prepareChannels(
  workDir: string,
  hosts: HostRun[],
  channels: ChannelSpec[],
  deps: ChannelDeps,
): Promise<void> {
  await Promise.all(channels.map((channel) => prepareChannel(workDir, hosts, channel, deps)));
}

async function prepareChannel(workDir: string, hosts: HostRun[], channel: ChannelSpec, deps: ChannelDeps) {
  const source = channel.source;
  if (source.kind === 'local' && channel.distribution === 'ShardedByS3Key' && hosts.length > 1) {
    const folders = await shardLocalChannel({
      channel: { ...channel, source },
      dir: join(workDir, 'data', channel.name),
      hostCount: hosts.length,
      logger: deps.logger,
    });
    for (const h of hosts) {
      h.mounts.push({ source: folders[h.index] as string, target: `${CHANNEL_ROOT}/${channel.name}`, readOnly: true });
    }
    return;
  }
  if (source.kind === 'local') {
    const mount = await localChannelMount({ ...channel, source });
    for (const h of hosts) h.mounts.push({ ...mount, readOnly: true });
    return;
  }
  const folders = await downloadS3Channel({
    channel: { ...channel, source },
    client: await deps.s3(),
    dir: join(workDir, 'data', channel.name),
    hostCount: hosts.length,
    logger: deps.logger,
    signal: deps.signal,
  });
  for (const h of hosts) {
    h.mounts.push({ source: folders[h.index] as string, target: `${CHANNEL_ROOT}/${channel.name}`, readOnly: true });
  }
}
