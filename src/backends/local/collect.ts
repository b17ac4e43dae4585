// After the hosts exit: model.tar.gz and output.tar.gz from the host folders behind each container's /opt/ml/model
// and /opt/ml/output/data (to a host folder or S3), and the failure reason from /opt/ml/output/failure.
import { constants, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';

import type { S3Client } from '@aws-sdk/client-s3';

import { joinS3Key, s3Uri, uploadStream } from '../../aws/s3.js';
import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { Location, S3Location } from '../../request.js';
import type * as Artifacts from './artifacts.js';
import { type ArtifactDirs, FAILURE_FILE } from './containers.js';
import { allSettledOrThrow, type HostRun } from './host-run.js';
import { chownTo, ensureDir, type HostUser } from './ownership.js';

export const FAILURE_REASON_MAX = 1024;

export interface CollectedArtifacts {
  model?: string;
  output?: string;
  failure?: string;
}

export interface CollectOptions {
  hosts: HostRun[];
  /** Each host's artifact folders on the host. */
  dirsOf: (h: HostRun) => ArtifactDirs;
  /** Read /opt/ml/output/failure (a host failed); `firstFailed` is read first. */
  readFailure: boolean;
  firstFailed?: HostRun;
  output: Location;
  jobName: string;
  hostUser: HostUser;
  logger: Logger;
  s3: () => Promise<S3Client>;
  /** The packer (tar-stream), loaded while the containers run. */
  packer: () => Promise<typeof Artifacts>;
}

interface ArtifactTarget {
  uri: string;
  stream: Writable;
  done: Promise<void>;
  afterWrite?: () => Promise<void>;
}

export async function collectArtifacts(opts: CollectOptions): Promise<CollectedArtifacts> {
  const started = opts.hosts.filter((h) => h.started);
  if (started.length === 0) return {};
  // The last host wins a name clash, as when the SageMaker SDK's local mode copies the hosts' folders in turn.
  const order = [...started].reverse().map(opts.dirsOf);
  const failure = opts.readFailure ? readFailureReason(opts) : Promise.resolve(undefined);
  const dir = localOutputDir(opts);
  if (dir) await ensureDir(dir, opts.hostUser, opts.logger);
  const model = writeArchive(
    opts,
    'model.tar.gz',
    order.map((d) => d.model),
  );
  const output = writeArchive(
    opts,
    'output.tar.gz',
    order.map((d) => d.outputData),
  );
  await allSettledOrThrow([model, output]);
  return { model: await model, output: await output, failure: await failure };
}

function localOutputDir(opts: Pick<CollectOptions, 'output' | 'jobName'>): string | undefined {
  return opts.output.kind === 'local' ? join(opts.output.path, opts.jobName, 'output') : undefined;
}

async function writeArchive(opts: CollectOptions, name: string, dirs: string[]): Promise<string> {
  const [target, { packDirectoriesToTarGz }] = await Promise.all([openArtifactTarget(opts, name), opts.packer()]);
  await Promise.all([packDirectoriesToTarGz(dirs, target.stream), target.done]);
  await target.afterWrite?.();
  return target.uri;
}

async function openArtifactTarget(opts: CollectOptions, name: string): Promise<ArtifactTarget> {
  if (opts.output.kind === 's3') return openS3Target(opts, opts.output, name);
  const file = join(localOutputDir(opts) as string, name);
  const stream = createWriteStream(file);
  return {
    uri: file,
    stream,
    done: finished(stream),
    afterWrite: () => chownTo(file, opts.hostUser, opts.logger),
  };
}

async function openS3Target(opts: CollectOptions, output: S3Location, name: string): Promise<ArtifactTarget> {
  const key = joinS3Key(output.key, opts.jobName, 'output', name);
  const body = new PassThrough({ highWaterMark: 1024 * 1024 });
  const client = await opts.s3();
  const done = uploadStream(client, { bucket: output.bucket, key, body, contentType: 'application/gzip' }).catch(
    (err: unknown) => {
      body.destroy(err as Error);
      throw err;
    },
  );
  return { uri: s3Uri(output.bucket, key), stream: body, done };
}

/**
 * The start of a regular file, as text; undefined when it is missing or not a regular file. A link is never followed:
 * a container must not make this process read a host file into the failure reason.
 */
async function readTextFile(path: string, maxBytes: number): Promise<string | undefined> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
    () => undefined,
  );
  if (!handle) return undefined;
  try {
    if (!(await handle.stat()).isFile()) return undefined;
    const buffer = Buffer.alloc(maxBytes);
    const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** /opt/ml/output/failure of the host that failed first, else of any other host, in host order. */
async function readFailureReason(opts: CollectOptions): Promise<string | undefined> {
  const candidates = [opts.firstFailed, ...opts.hosts.filter((h) => h !== opts.firstFailed)].filter(
    (h): h is HostRun => !!h?.started,
  );
  const texts = await Promise.all(
    candidates.map(async (h) => {
      try {
        return (await readTextFile(join(opts.dirsOf(h).output, 'failure'), FAILURE_REASON_MAX * 4))?.trim();
      } catch (err) {
        opts.logger.debug(`Could not read ${FAILURE_FILE} of ${h.host}: ${messageOf(err)}`);
        return undefined;
      }
    }),
  );
  return texts.find((text) => !!text);
}
