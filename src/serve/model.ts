// The trained model as hosting sees it: model.tar.gz (a local file, or an S3 object streamed with a size bound)
// extracted into a folder that is mounted read-only at /opt/ml/model. Nothing holds the archive in memory.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';

import type { S3Client } from '@aws-sdk/client-s3';
import { parseS3Uri } from '../config/locations.js';
import { extractInto } from './extract.js';

export interface ModelSourceDeps {
  /** S3 client of a region (remote modes). */
  s3?: (region: string) => Promise<S3Client>;
  region: string;
  maxBytes: number;
  signal: AbortSignal;
}

/** Counts the bytes that pass and fails the stream past the bound, naming it. */
function sizeBound(maxBytes: number, what: string): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new Error(`${what} is larger than serve.max-model-size (${maxBytes} bytes)`));
      else done(null, chunk);
    },
  });
}

async function openArchive(uri: string, deps: ModelSourceDeps): Promise<Readable> {
  if (!uri.startsWith('s3://')) return createReadStream(uri);
  if (!deps.s3) throw new Error(`No S3 client to download ${uri}`);
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const { bucket, key } = parseS3Uri(uri);
  const client = await deps.s3(deps.region);
  const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }), {
    abortSignal: deps.signal,
  });
  if (answer.ContentLength !== undefined && answer.ContentLength > deps.maxBytes) {
    (answer.Body as Readable | undefined)?.destroy();
    throw new Error(
      `${uri} is ${answer.ContentLength} bytes, larger than serve.max-model-size (${deps.maxBytes} bytes)`,
    );
  }
  if (!(answer.Body instanceof Readable)) throw new Error(`${uri}: S3 answered without a body`);
  return answer.Body;
}

export interface ExtractedModel {
  dir: string;
  remove: () => Promise<void>;
}

/** Extracts model.tar.gz (a path or an s3:// URI) into a new folder; `remove` deletes it. */
export async function extractModel(uri: string, deps: ModelSourceDeps): Promise<ExtractedModel> {
  const dir = await mkdtemp(join(tmpdir(), 'sagemaker-train-model-'));
  const remove = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    await extractInto(dir, await openArchive(uri, deps), sizeBound(deps.maxBytes, uri));
    return { dir, remove };
  } catch (err) {
    await remove();
    throw err;
  }
}
