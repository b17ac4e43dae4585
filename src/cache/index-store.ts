// Where the result index lives and how it is read and written: `<output>/_results/<fingerprint>.json`, in S3 or in
// the local output folder, beside the runs' artifacts. Also the existence check of an entry's artifacts (a HEAD of
// each, or a stat of a local file).
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';

import { joinS3Key, putJsonObject, readSmallObject, s3Uri } from '../aws/s3.js';
import { parseS3Uri } from '../config/locations.js';
import type { Location } from '../request.js';
import { awsErrorName } from '../wait/backoff.js';
import { MAX_ENTRY_BYTES } from './index-entry.js';

export const INDEX_FOLDER = '_results';

export interface IndexStore {
  /** The entry's s3:// URI or path. */
  where(fingerprint: string): string;
  /** The entry's text, or undefined when there is none; throws when it exists but cannot be read. */
  read(fingerprint: string): Promise<string | undefined>;
  write(fingerprint: string, text: string): Promise<void>;
}

export interface StoreDeps {
  s3: () => Promise<S3Client>;
  signal?: AbortSignal;
}

const httpStatus = (err: unknown): number | undefined =>
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;

function isMissing(err: unknown): boolean {
  const name = awsErrorName(err);
  return name === 'NoSuchKey' || name === 'NotFound' || httpStatus(err) === 404;
}

export function indexStore(output: Location, deps: StoreDeps): IndexStore {
  if (output.kind === 'local') {
    const path = (fp: string): string => join(output.path, INDEX_FOLDER, `${fp}.json`);
    return {
      where: path,
      async read(fp) {
        try {
          const info = await stat(path(fp));
          if (info.size > MAX_ENTRY_BYTES) throw new Error(`it is ${info.size} bytes, more than ${MAX_ENTRY_BYTES}`);
          return await readFile(path(fp), 'utf8');
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
          throw err;
        }
      },
      async write(fp, text) {
        // Written aside and renamed: a reader never sees half an entry, and the later of two writers wins whole.
        await mkdir(dirname(path(fp)), { recursive: true });
        const temp = `${path(fp)}.${process.pid}.${Date.now()}.tmp`;
        await writeFile(temp, text);
        await rename(temp, path(fp));
      },
    };
  }
  const at = (fp: string): { bucket: string; key: string } => ({
    bucket: output.bucket,
    key: joinS3Key(output.key, INDEX_FOLDER, `${fp}.json`),
  });
  const signal = deps.signal ? { signal: deps.signal } : {};
  return {
    where: (fp) => s3Uri(at(fp).bucket, at(fp).key),
    async read(fp) {
      try {
        return await readSmallObject(await deps.s3(), at(fp), { maxBytes: MAX_ENTRY_BYTES, ...signal });
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
    },
    async write(fp, text) {
      await putJsonObject(await deps.s3(), at(fp), text, deps.signal);
    },
  };
}

/** Whether the artifact still exists: a HEAD of an s3:// URI, a stat of a local file. A refusal is not a yes. */
export async function artifactExists(uri: string, deps: StoreDeps): Promise<boolean> {
  if (!uri.startsWith('s3://')) {
    const info = await stat(uri).catch(() => undefined);
    return info?.isFile() === true;
  }
  const { bucket, key } = parseS3Uri(uri);
  const { HeadObjectCommand } = await import('@aws-sdk/client-s3');
  try {
    await (
      await deps.s3()
    ).send(new HeadObjectCommand({ Bucket: bucket, Key: key }), {
      ...(deps.signal ? { abortSignal: deps.signal } : {}),
    });
    return true;
  } catch (err) {
    if (isMissing(err) || httpStatus(err) === 403) return false;
    throw err;
  }
}
