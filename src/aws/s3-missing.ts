// S3 answers 403, not 404, for a key that does not exist when the caller may not list the bucket. A role granted
// s3:ListBucket for exactly that key (the `s3:prefix` condition) can ask the listing instead: the key is absent, or
// the read was really refused.
import type { S3Client } from '@aws-sdk/client-s3';

import { awsErrorName } from '../wait/backoff.js';

/** The HTTP status of an SDK error, when it has one. */
export function httpStatusOf(err: unknown): number | undefined {
  return (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

/** S3's "no such object": 404 (NoSuchKey from GET, NotFound from HEAD). */
export function isMissingObject(err: unknown): boolean {
  const name = awsErrorName(err);
  return name === 'NoSuchKey' || name === 'NotFound' || httpStatusOf(err) === 404;
}

export function isAccessDenied(err: unknown): boolean {
  return awsErrorName(err) === 'AccessDenied' || httpStatusOf(err) === 403;
}

/**
 * After a 403 on `key`: whether the object is absent, asked by listing exactly that key. Throws, naming both refusals,
 * when the listing is refused too (the role then lacks s3:ListBucket with `s3:prefix` = the key).
 */
export async function deniedBecauseMissing(
  client: S3Client,
  at: { bucket: string; key: string },
  signal?: AbortSignal,
): Promise<boolean> {
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  try {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: at.bucket, Prefix: at.key, MaxKeys: 1 }),
      signal ? { abortSignal: signal } : {},
    );
    return !(page.Contents ?? []).some((object) => object.Key === at.key);
  } catch (err) {
    if (!isAccessDenied(err)) throw err;
    throw new Error(
      `S3 refused to read s3://${at.bucket}/${at.key} (403) and to list it, so whether it exists is unknown: the role ` +
        `needs s3:GetObject on the object and s3:ListBucket on the bucket with s3:prefix ${at.key}`,
    );
  }
}
