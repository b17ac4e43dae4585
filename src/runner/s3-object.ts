// The two S3 calls the runner makes: GetObject of request.json and PutObject of result.json (AWS-CALLS.md).
import type { S3Client } from '@aws-sdk/client-s3';

import type { S3Location } from '../request.js';

/** Requests are small (a few kilobytes): a bigger object is not one. */
const MAX_REQUEST_BYTES = 1024 * 1024;

export async function readS3Text(client: S3Client, at: S3Location, signal?: AbortSignal): Promise<string> {
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  const response = await client.send(new GetObjectCommand({ Bucket: at.bucket, Key: at.key }), {
    abortSignal: signal,
  });
  if (!response.Body) throw new Error('S3 returned no body');
  if ((response.ContentLength ?? 0) > MAX_REQUEST_BYTES) {
    throw new Error(`the object is ${response.ContentLength} bytes, more than a request can be`);
  }
  return response.Body.transformToString('utf8');
}

export async function writeS3Json(client: S3Client, at: S3Location, value: unknown): Promise<void> {
  const { PutObjectCommand } = await import('@aws-sdk/client-s3');
  await client.send(
    new PutObjectCommand({
      Bucket: at.bucket,
      Key: at.key,
      Body: `${JSON.stringify(value, null, 2)}\n`,
      ContentType: 'application/json',
    }),
  );
}
