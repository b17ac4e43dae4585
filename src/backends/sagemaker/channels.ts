// Local-folder channels in sagemaker mode: uploaded before the job is created, under a prefix keyed by the content
// (`<output>/_channels/<channel>-<hash16>/`), so unchanged data is uploaded once. A marker object beside the prefix
// (`<channel>-<hash16>.complete`, outside the prefix the job reads) says an upload finished.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

import type { S3Client } from '@aws-sdk/client-s3';

import { joinS3Key, s3Uri, uploadStream } from '../../aws/s3.js';
import type { Logger } from '../../logger.js';
import type { ChannelSpec, S3Location } from '../../request.js';
import { listChannelFiles, type LocalFile } from '../channel-files.js';
import { throwIfAborted } from '../../wait/abortable.js';
import { awsErrorName } from '../../wait/backoff.js';

export { listChannelFiles, type LocalFile };

/** sha256 over each file's key and content digest, in key order: the same data gives the same hash anywhere. */
export async function hashChannelFiles(files: LocalFile[]): Promise<string> {
  const total = createHash('sha256');
  for (const file of files) {
    const digest = createHash('sha256');
    await pipeline(createReadStream(file.path), digest);
    total.update(`${file.key}\0${digest.digest('hex')}\n`);
  }
  return total.digest('hex');
}

export interface UploadChannelsOptions {
  channels: ChannelSpec[];
  output: S3Location;
  s3: () => Promise<S3Client>;
  logger: Logger;
  signal?: AbortSignal;
}

/** Uploads every local-folder channel (unless already there) and returns its S3 prefix URI by channel name. */
export async function uploadLocalChannels(opts: UploadChannelsOptions): Promise<Record<string, string>> {
  const uris: Record<string, string> = {};
  for (const channel of opts.channels) {
    const source = channel.source;
    if (source.kind !== 'local') continue;
    throwIfAborted(opts.signal);
    uris[channel.name] = await uploadChannel(channel.name, source.path, opts);
  }
  return uris;
}

async function uploadChannel(name: string, root: string, opts: UploadChannelsOptions): Promise<string> {
  const files = await listChannelFiles(root);
  if (files.length === 0) throw new Error(`Channel ${name}: ${root} holds no files to upload`);
  const hash = (await hashChannelFiles(files)).slice(0, 16);
  const prefix = joinS3Key(opts.output.key, '_channels', `${name}-${hash}`);
  const marker = `${prefix}.complete`;
  const uri = `${s3Uri(opts.output.bucket, prefix)}/`;
  const client = await opts.s3();
  const { HeadObjectCommand, PutObjectCommand } = await import('@aws-sdk/client-s3');
  try {
    await client.send(new HeadObjectCommand({ Bucket: opts.output.bucket, Key: marker }), { abortSignal: opts.signal });
    opts.logger.info(`Channel ${name}: ${root} is unchanged, already at ${uri}`);
    return uri;
  } catch (err) {
    const status = (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    // S3 answers 403, not 404, for a missing key when ListBucket is granted only on a prefix (as infra/ does): treat
    // it as "not there" and upload; without write access the upload fails with its own clear error.
    const missing = awsErrorName(err) === 'NotFound' || status === 404 || status === 403;
    if (!missing) throw err;
    if (status === 403) opts.logger.debug(`Channel ${name}: HeadObject ${marker} was denied; uploading`);
  }
  opts.logger.info(`Channel ${name}: uploading ${files.length} file(s) from ${root} to ${uri}`);
  for (const file of files) {
    throwIfAborted(opts.signal);
    await uploadStream(client, {
      bucket: opts.output.bucket,
      key: `${prefix}/${file.key}`,
      body: createReadStream(file.path),
    });
  }
  await client.send(
    new PutObjectCommand({
      Bucket: opts.output.bucket,
      Key: marker,
      Body: `${files.length} files\n`,
      ContentType: 'text/plain',
    }),
    { abortSignal: opts.signal },
  );
  return uri;
}
