// The S3 stand-in refuses what S3 refuses: unsigned requests, unknown buckets, what the access policy does not allow
// (a missing key reads as 403 to a caller without s3:ListBucket), continuation tokens it did not issue, keys over
// 1,024 bytes; it pages listings by 1,000 and gives single-part objects their MD5 as ETag. Driven through the real
// S3 client, as the code under test drives it.
import { createHash } from 'node:crypto';

import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { listObjects } from '../../src/aws/s3.js';
import { startAwsStandin, type AwsStandin } from './aws-standin.js';

let aws: AwsStandin;
let s3: S3Client;

beforeAll(async () => {
  aws = await startAwsStandin();
  s3 = new S3Client({
    region: 'us-east-1',
    endpoint: aws.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
  });
});
afterAll(() => aws.close());
beforeEach(() => {
  aws.s3.buckets.set('bucket', new Map());
  aws.s3.allow = () => true;
});

const errorOf = (p: Promise<unknown>): Promise<{ name?: string; $metadata?: { httpStatusCode?: number } }> =>
  p.then(
    () => {
      throw new Error('expected a refusal');
    },
    (err: unknown) => err as { name?: string },
  );

describe('S3 stand-in', () => {
  it('refuses an unsigned request (403)', async () => {
    const response = await fetch(`${aws.endpoint}/bucket/key`);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('answers NoSuchBucket for a bucket that does not exist', async () => {
    const err = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'other', Key: 'k' })));
    expect(err.name).toBe('NoSuchBucket');
  });

  it('gives a missing key 404 with s3:ListBucket, 403 without it', async () => {
    expect((await errorOf(s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'k' })))).name).toBe('NoSuchKey');
    aws.s3.allow = (r) => r.action !== 's3:ListBucket';
    const denied = await errorOf(s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'k' })));
    expect(denied.name).toBe('AccessDenied');
    const head = await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'k' })));
    expect(head.$metadata?.httpStatusCode).toBe(403);
  });

  it('refuses a write the policy does not allow', async () => {
    aws.s3.allow = (r) => !(r.action === 's3:PutObject' && r.key.startsWith('out/_results/'));
    const err = await errorOf(
      s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'out/_results/x.json', Body: '{}' })),
    );
    expect(err.name).toBe('AccessDenied');
    await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'out/job/model.tar.gz', Body: 'm' }));
    expect(aws.s3.text('bucket', 'out/job/model.tar.gz')).toBe('m');
  });

  it('refuses a key over 1,024 bytes', async () => {
    const err = await errorOf(s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'k'.repeat(1025), Body: 'x' })));
    expect(err.name).toBe('KeyTooLongError');
  });

  it('gives a single-part object the MD5 of its bytes as ETag', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: 'bucket', Key: 'a', Body: 'hello' }));
    expect(put.ETag).toBe(`"${createHash('md5').update('hello').digest('hex')}"`);
  });

  it('pages a listing by at most 1,000 keys, in key order, and refuses a token it did not issue', async () => {
    for (let i = 0; i < 2500; i++) aws.s3.put('bucket', `data/${String(i).padStart(5, '0')}`, String(i));
    const first = await s3.send(new ListObjectsV2Command({ Bucket: 'bucket', Prefix: 'data/', MaxKeys: 5000 }));
    expect(first.Contents).toHaveLength(1000);
    expect(first.IsTruncated).toBe(true);
    const keys: string[] = [];
    for await (const o of listObjects(s3, { bucket: 'bucket', prefix: 'data/' })) keys.push(o.key);
    expect(keys).toHaveLength(2500);
    expect(keys).toEqual([...keys].sort());
    const err = await errorOf(
      s3.send(new ListObjectsV2Command({ Bucket: 'bucket', Prefix: 'data/', ContinuationToken: 'made-up' })),
    );
    expect(err.name).toBe('InvalidArgument');
  });

  it('refuses a multipart upload (501) and a method it does not serve (405), and lists keys in UTF-8 byte order', async () => {
    const signed = { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request' };
    const start = await fetch(`${aws.endpoint}/bucket/big?uploads`, { method: 'POST', headers: signed });
    expect(start.status).toBe(405);
    const part = await fetch(`${aws.endpoint}/bucket/big?partNumber=1&uploadId=x`, { method: 'PUT', headers: signed });
    expect(part.status).toBe(501);
    expect((await fetch(`${aws.endpoint}/bucket/k`, { method: 'DELETE', headers: signed })).status).toBe(405);
    for (const key of ['z', '\u00e9', 'a', '\u{1f600}', '\uff5e']) aws.s3.put('bucket', key, 'x');
    const page = await s3.send(new ListObjectsV2Command({ Bucket: 'bucket' }));
    expect(page.Contents?.map((c) => c.Key)).toEqual(['a', 'z', '\u00e9', '\uff5e', '\u{1f600}']);
  });
});
