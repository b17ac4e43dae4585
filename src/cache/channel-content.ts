// What a channel holds, as one hash, for the run fingerprint. A local folder: every file's path and content, a
// clean tracked file of a git work tree by git's blob id (as the image's content tag does), anything else read and
// hashed. An s3:// channel: the listing SageMaker would read (every key under the prefix, with its ETag and size).
// A channel whose content cannot be known is reported as such: the run is then not reused, and says why.
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';

import { listObjects, s3Uri } from '../aws/s3.js';
import { listChannelFiles, type LocalFile } from '../backends/sagemaker/channels.js';
import { messageOf } from '../error-message.js';
import { fileFingerprint } from '../image/content-hash.js';
import { gitBlobIds, type BlobIdOf, type GitRunner } from '../image/git-ids.js';
import type { ChannelSpec, LocalLocation, S3Location } from '../request.js';
import { awsErrorName } from '../wait/backoff.js';

/** Past this many objects a listing is not worth its time (100 pages): the channel is not fingerprinted. */
export const MAX_S3_OBJECTS = 100_000;
const CONCURRENCY = 4;

export type ChannelContent = { content: string } | { problem: string };

export interface ChannelContentDeps {
  s3: () => Promise<S3Client>;
  git?: GitRunner;
  signal?: AbortSignal;
  debug?: (message: string) => void;
}

/** How the folder's clean tracked files are fingerprinted by blob id, keyed as the channel's files are. */
async function blobIds(root: string, deps: ChannelContentDeps): Promise<BlobIdOf | undefined> {
  const info = await stat(root);
  const cwd = info.isFile() ? dirname(root) : root;
  const blobIdOf = await gitBlobIds(cwd, { ...(deps.git ? { git: deps.git } : {}), ...debugOf(deps) });
  if (!blobIdOf || !info.isFile()) return blobIdOf;
  // A file channel: only the file itself, by its name in its folder.
  const own = basename(root);
  return (rel, full, size) => (rel === own ? blobIdOf(rel, full, size) : Promise.resolve(undefined));
}

async function fileLine(file: LocalFile, blobIdOf: BlobIdOf | undefined): Promise<string> {
  const { size } = await stat(file.path);
  const print = await fileFingerprint(blobIdOf, { rel: file.key, full: file.path, size });
  return `${JSON.stringify(file.key)} ${size} ${print}\n`;
}

/** A local folder (or file): sha256 over `<key> <size> <sha256 or git:blob id>` per file, in key order. */
export async function localChannelContent(source: LocalLocation, deps: ChannelContentDeps): Promise<string> {
  const [files, ids] = await Promise.all([listChannelFiles(source.path), blobIds(source.path, deps)]);
  const total = createHash('sha256');
  // A few files hashed at a time, folded in key order.
  for (let i = 0; i < files.length; i += CONCURRENCY) {
    deps.signal?.throwIfAborted();
    const lines = await Promise.all(files.slice(i, i + CONCURRENCY).map((f) => fileLine(f, ids)));
    for (const line of lines) total.update(line);
  }
  return `local sha256:${total.digest('hex')}`;
}

/** An s3:// prefix: sha256 over `<key after the prefix> <ETag> <size>` per object, in S3's listing order. */
export async function s3ChannelContent(source: S3Location, deps: ChannelContentDeps): Promise<string> {
  const client = await deps.s3();
  const total = createHash('sha256');
  let count = 0;
  for await (const object of listObjects(client, { bucket: source.bucket, prefix: source.key, ...signalOf(deps) })) {
    if (++count > MAX_S3_OBJECTS) {
      throw new Error(`it holds more than ${MAX_S3_OBJECTS} objects, too many to list before every run`);
    }
    if (object.etag === undefined) throw new Error(`S3 listed ${object.key} without an ETag`);
    total.update(`${JSON.stringify(object.key.slice(source.key.length))} ${object.etag} ${object.size}\n`);
  }
  return `s3 sha256:${total.digest('hex')}`;
}

/** The channel's content hash, or why it has none (the listing was refused, the folder cannot be read, …). */
export async function channelContent(channel: ChannelSpec, deps: ChannelContentDeps): Promise<ChannelContent> {
  const { source } = channel;
  const where = source.kind === 's3' ? s3Uri(source.bucket, source.key) : source.path;
  try {
    const content =
      source.kind === 's3' ? await s3ChannelContent(source, deps) : await localChannelContent(source, deps);
    return { content };
  } catch (err) {
    deps.signal?.throwIfAborted();
    const name = awsErrorName(err);
    const detail = name && !messageOf(err).includes(name) ? `${name}: ${messageOf(err)}` : messageOf(err);
    return { problem: `channel ${channel.name} (${where}) cannot be fingerprinted: ${detail}` };
  }
}

function signalOf(deps: ChannelContentDeps): { signal?: AbortSignal } {
  return deps.signal ? { signal: deps.signal } : {};
}

function debugOf(deps: ChannelContentDeps): { debug?: (message: string) => void } {
  return deps.debug ? { debug: deps.debug } : {};
}
