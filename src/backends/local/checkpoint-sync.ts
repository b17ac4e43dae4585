// Checkpoints with an s3:// location in local mode, as SageMaker handles them: what is in S3 is downloaded into the
// checkpoint folder before the containers start (so a job resumes), and new or changed files are uploaded while the
// job runs (every interval) and once more at the end, whatever the outcome. S3 that cannot be read or written is a
// warning, never a failed job: the local copy is kept and the log says where.
import { createReadStream } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';

import { downloadObject, joinS3Key, listObjects } from '../../aws/s3.js';
import { messageOf } from '../../error-message.js';
import type { Logger } from '../../logger.js';
import type { S3Location } from '../../request.js';
import { channelRelativePath } from './channels.js';

/** What a file was when last seen in S3: a file is uploaded again only when this changes. */
type Fingerprint = string;

const fingerprint = (size: number, mtimeMs: number): Fingerprint => `${size}:${Math.floor(mtimeMs)}`;

export interface CheckpointSyncOptions {
  location: S3Location;
  /** The host folder mounted at the container's checkpoint path. */
  dir: string;
  s3: () => Promise<S3Client>;
  logger: Logger;
  intervalMs: number;
  /** Ends the download and the uploads while the job runs; the final upload has its own bound. */
  signal: AbortSignal;
  /** Bound on the final upload, which runs after a cancellation too. */
  finalTimeoutMs: number;
}

export class CheckpointSync {
  private readonly uploaded = new Map<string, Fingerprint>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private warned = new Set<string>();

  constructor(private readonly opts: CheckpointSyncOptions) {}

  /** Downloads every object under the location into the folder. */
  async download(): Promise<void> {
    const { location, dir, signal } = this.opts;
    try {
      const client = await this.opts.s3();
      let count = 0;
      for await (const object of listObjects(client, {
        bucket: location.bucket,
        prefix: folderKey(location.key),
        signal,
      })) {
        const rel = channelRelativePath({ ...location, key: folderKey(location.key) }, object.key);
        if (rel === undefined) continue;
        const file = join(dir, ...rel.split('/'));
        await mkdir(dirname(file), { recursive: true });
        await downloadObject(client, { bucket: location.bucket, key: object.key, file, signal });
        const info = await stat(file);
        this.uploaded.set(rel, fingerprint(info.size, info.mtimeMs));
        count += 1;
      }
      this.opts.logger.info(`Checkpoints: ${count} file(s) downloaded from ${location.uri} into ${dir}`);
    } catch (err) {
      if (signal.aborted) throw err;
      this.warnOnce(
        'download',
        `could not download ${location.uri} (${messageOf(err)}); the job starts from ${dir} as it is`,
      );
    }
  }

  /** Uploads new and changed files every interval until `finish`. */
  start(): void {
    this.timer = setInterval(() => {
      if (!this.running && !this.opts.signal.aborted)
        this.running = this.upload('during').finally(() => (this.running = undefined));
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  /** Stops the interval, lets an upload in flight end, and uploads what changed since, within finalTimeoutMs. */
  async finish(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    const bound = AbortSignal.timeout(this.opts.finalTimeoutMs);
    await this.upload('end', bound);
  }

  private async upload(phase: 'during' | 'end', signal: AbortSignal = this.opts.signal): Promise<void> {
    const { location, dir } = this.opts;
    let count = 0;
    try {
      const client = await this.opts.s3();
      for (const file of await changedFiles(dir, this.uploaded)) {
        signal.throwIfAborted();
        const { PutObjectCommand } = await import('@aws-sdk/client-s3');
        await client.send(
          new PutObjectCommand({
            Bucket: location.bucket,
            Key: joinS3Key(folderKey(location.key), file.rel),
            Body: createReadStream(file.path),
            ContentLength: file.size,
          }),
          { abortSignal: signal },
        );
        this.uploaded.set(file.rel, file.fingerprint);
        count += 1;
      }
      if (count > 0 || phase === 'end') {
        this.opts.logger.info(
          `Checkpoints: ${count} new or changed file(s) uploaded to ${location.uri}${phase === 'end' ? ' at the end' : ''}`,
        );
      }
    } catch (err) {
      this.warnOnce(
        phase,
        `could not upload to ${location.uri}${phase === 'end' ? ' at the end' : ' while the job runs'} ` +
          `(${messageOf(err)}); the checkpoints are kept in ${dir}`,
      );
    }
  }

  private warnOnce(phase: string, text: string): void {
    if (this.warned.has(phase)) this.opts.logger.debug(`Checkpoints: ${text}`);
    else this.opts.logger.warning(`Checkpoints: ${text}`);
    this.warned.add(phase);
  }
}

/** The location as a folder: `s3://b/ckpt` and `s3://b/ckpt/` name the same checkpoints. */
function folderKey(key: string): string {
  return key === '' || key.endsWith('/') ? key : `${key}/`;
}

interface ChangedFile {
  path: string;
  rel: string;
  size: number;
  fingerprint: Fingerprint;
}

/** Regular files under `dir` whose size or modification time differs from what was last uploaded, in path order. */
async function changedFiles(dir: string, known: Map<string, Fingerprint>): Promise<ChangedFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const changed: ChangedFile[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    const rel = relative(dir, path).split(sep).join('/');
    const print = fingerprint(info.size, info.mtimeMs);
    if (known.get(rel) !== print) changed.push({ path, rel, size: info.size, fingerprint: print });
  }
  return changed.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}
