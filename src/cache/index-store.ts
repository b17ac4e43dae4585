// Where the result index lives and how it is read and written: `<output>/_results/<fingerprint>.json`, in S3 or in
// the local output folder, beside the runs' artifacts. Also the existence check of an entry's artifacts (a HEAD of
// each, or a stat of a local file).
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';

import { joinS3Key, putJsonObject, readSmallObject, s3Uri } from '../aws/s3.js';
import { deniedBecauseMissing, isAccessDenied } from '../aws/s3-missing.js';
import { parseS3Uri } from '../config/locations.js';
import type { Location } from '../request.js';
import { awsErrorName } from '../wait/backoff.js';
import { MAX_ENTRY_BYTES } from './index-entry.js';

export const INDEX_FOLDER = '_results';

/** The entry of a fingerprint: `where` it is (its s3:// URI or path) and a way to read it. */
export interface IndexReader {
  where(fingerprint: string): string;
  /** The entry's text, or undefined when there is none; throws when it exists but cannot be read. */
  read(fingerprint: string): Promise<string | undefined>;
}

/** Writes the entry of a fingerprint (apart from the reader: the Fargate runner only writes). */
export interface IndexWriter {
  where(fingerprint: string): string;
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

type Place = { kind: 'local'; path: string } | { kind: 's3'; bucket: string; key: string };

function placeOf(output: Location, fingerprint: string): Place {
  if (output.kind === 'local') return { kind: 'local', path: join(output.path, INDEX_FOLDER, `${fingerprint}.json`) };
  return { kind: 's3', bucket: output.bucket, key: joinS3Key(output.key, INDEX_FOLDER, `${fingerprint}.json`) };
}

function whereOf(output: Location): (fingerprint: string) => string {
  return (fp) => {
    const place = placeOf(output, fp);
    return place.kind === 'local' ? place.path : s3Uri(place.bucket, place.key);
  };
}

async function readLocal(path: string): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (info.size > MAX_ENTRY_BYTES) throw new Error(`it is ${info.size} bytes, more than ${MAX_ENTRY_BYTES}`);
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

async function readS3(at: { bucket: string; key: string }, deps: StoreDeps): Promise<string | undefined> {
  const client = await deps.s3();
  try {
    return await readSmallObject(client, at, {
      maxBytes: MAX_ENTRY_BYTES,
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
  } catch (err) {
    if (isMissing(err)) return undefined;
    // S3 says 403 for a missing key to a role that may not list it: the listing of that one key tells.
    if (isAccessDenied(err) && (await deniedBecauseMissing(client, at, deps.signal))) return undefined;
    throw err;
  }
}

export function indexReader(output: Location, deps: StoreDeps): IndexReader {
  return {
    where: whereOf(output),
    read(fp) {
      const place = placeOf(output, fp);
      return place.kind === 'local' ? readLocal(place.path) : readS3(place, deps);
    },
  };
}

export function indexWriter(output: Location, deps: StoreDeps): IndexWriter {
  return {
    where: whereOf(output),
    async write(fp, text) {
      const place = placeOf(output, fp);
      if (place.kind === 's3') return putJsonObject(await deps.s3(), place, text, deps.signal);
      // Written aside and renamed: a reader never sees half an entry, and the later of two writers wins whole.
      await mkdir(dirname(place.path), { recursive: true });
      const temp = `${place.path}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, text);
      await rename(temp, place.path);
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
