// S3 access shared by the backends. The SDK is loaded lazily: a local run that never touches S3 never loads it.
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import type { S3Client } from '@aws-sdk/client-s3';

import { clientConfig } from './client-config.js';

/** An S3 client with explicit retries (standard mode, 10 attempts), as docs/service-rules.md asks of every client. */
export async function createS3Client(region: string): Promise<S3Client> {
  const { S3Client } = await import('@aws-sdk/client-s3');
  return new S3Client(clientConfig(region));
}

export interface S3ObjectSummary {
  key: string;
  size: number;
}

/** `s3://bucket/key`. */
export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/** Joins key segments with single slashes; an empty prefix adds nothing. */
export function joinS3Key(...parts: string[]): string {
  return parts
    .filter((part) => part !== '')
    .map((part, i) => (i === 0 ? part.replace(/\/+$/, '') : part.replace(/^\/+|\/+$/g, '')))
    .join('/');
}

/** Every object under `prefix`, in S3's (lexicographic) order, following ListObjectsV2 continuation tokens. */
export async function* listObjects(
  client: S3Client,
  opts: { bucket: string; prefix: string; signal?: AbortSignal },
): AsyncGenerator<S3ObjectSummary> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: opts.bucket, Prefix: opts.prefix, ContinuationToken: token }),
      { abortSignal: opts.signal },
    );
    for (const object of page.Contents ?? []) {
      if (object.Key !== undefined) yield { key: object.Key, size: object.Size ?? 0 };
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/** Streams one object to `file` (never held in memory). */
export async function downloadObject(
  client: S3Client,
  opts: { bucket: string; key: string; file: string; signal?: AbortSignal },
): Promise<void> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const response = await client.send(new GetObjectCommand({ Bucket: opts.bucket, Key: opts.key }), {
    abortSignal: opts.signal,
  });
  if (!response.Body) throw new Error(`S3 returned no body for ${s3Uri(opts.bucket, opts.key)}`);
  await pipeline(response.Body as Readable, createWriteStream(opts.file), { signal: opts.signal });
}

/** Multipart upload of a stream of unknown length (8 MiB parts, 4 in flight: at most ~32 MiB buffered). */
export async function uploadStream(
  client: S3Client,
  opts: { bucket: string; key: string; body: Readable; contentType?: string },
): Promise<void> {
  const { Upload } = await import('@aws-sdk/lib-storage');
  const upload = new Upload({
    client,
    params: { Bucket: opts.bucket, Key: opts.key, Body: opts.body, ContentType: opts.contentType },
    partSize: 8 * 1024 * 1024,
    queueSize: 4,
    leavePartsOnError: false,
  });
  await upload.done();
}

/** Reads a small text object (a request or a result); refuses one larger than `maxBytes`. */
export async function readSmallObject(
  client: S3Client,
  at: { bucket: string; key: string },
  opts: { maxBytes: number; signal?: AbortSignal },
): Promise<string> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const response = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }), {
    abortSignal: opts.signal,
  });
  if (!response.Body) throw new Error('S3 returned no body');
  if ((response.ContentLength ?? 0) > opts.maxBytes) {
    throw new Error(`the object is ${response.ContentLength} bytes, more than the ${opts.maxBytes} expected`);
  }
  return response.Body.transformToString('utf8');
}

/** Writes JSON text as one object (request.json, result.json). */
export async function putJsonObject(
  client: S3Client,
  at: { bucket: string; key: string },
  json: string,
  signal?: AbortSignal,
): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutObjectCommand({ Bucket: at.bucket, Key: at.key, Body: json, ContentType: 'application/json' }),
    signal ? { abortSignal: signal } : {},
  );
}
