// The S3 stand-in refuses what S3 refuses, and lists as S3 lists: each rule the code relies on, with the real client.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listObjects } from '../../src/aws/s3.js';
import { compareKeys, S3Standin } from './s3-standin.js';

let s3: S3Standin;
beforeAll(async () => {
  s3 = await new S3Standin({ buckets: { rw: { access: 'read-write' }, ro: { access: 'read-only' } } }).start();
});
afterAll(() => s3.close());

const put = (client: S3Client, Bucket: string, Key: string) =>
  client.send(new PutObjectCommand({ Bucket, Key, Body: 'x' }));

describe('S3 stand-in', () => {
  it('stores, reads and lists with the real client, keys in UTF-8 byte order across pages', async () => {
    const client = s3.client();
    const keys = ['p/b', 'p/a', 'p/B', 'p/é', 'p/z', 'p/\u{1F600}', 'p/\uFF5E', 'q/other'];
    for (const key of keys) await put(client, 'rw', key);
    const got = await client.send(new GetObjectCommand({ Bucket: 'rw', Key: 'p/a' }));
    expect(await got.Body?.transformToString()).toBe('x');
    const listed: string[] = [];
    for await (const o of listObjects(client, { bucket: 'rw', prefix: 'p/' })) listed.push(o.key);
    expect(listed).toEqual(['p/B', 'p/a', 'p/b', 'p/z', 'p/é', 'p/\uFF5E', 'p/\u{1F600}']);
    // UTF-16 order (JavaScript's <) would put the emoji (surrogates) before U+FF5E; S3's byte order does not.
    expect([...listed].sort()).not.toEqual(listed);
    expect([...listed].sort(compareKeys)).toEqual(listed);
  });

  it('pages at MaxKeys with continuation tokens', async () => {
    const client = s3.client();
    for (let i = 0; i < 5; i++) await put(client, 'rw', `page/${i}`);
    const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const first = await client.send(new ListObjectsV2Command({ Bucket: 'rw', Prefix: 'page/', MaxKeys: 2 }));
    expect(first).toMatchObject({ IsTruncated: true, KeyCount: 2 });
    const second = await client.send(
      new ListObjectsV2Command({
        Bucket: 'rw',
        Prefix: 'page/',
        MaxKeys: 2,
        ContinuationToken: first.NextContinuationToken,
      }),
    );
    expect(second.Contents?.map((c) => c.Key)).toEqual(['page/2', 'page/3']);
  });

  it('refuses a write to a read-only grant, an unknown bucket, a long key, an unknown key id and no signature', async () => {
    const client = s3.client();
    await expect(put(client, 'ro', 'k')).rejects.toMatchObject({ name: 'AccessDenied' });
    await expect(put(client, 'nope', 'k')).rejects.toMatchObject({ name: 'NoSuchBucket' });
    await expect(put(client, 'rw', 'k'.repeat(1025))).rejects.toMatchObject({ name: 'KeyTooLongError' });
    const stranger = new S3Client({
      region: 'eu-west-1',
      endpoint: s3.endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIDUNKNOWN', secretAccessKey: 'x' },
    });
    await expect(put(stranger, 'rw', 'k')).rejects.toMatchObject({ name: 'InvalidAccessKeyId' });
    expect((await fetch(`${s3.endpoint}/rw/p/a`)).status).toBe(403);
    await expect(put(s3.client({ credentials: false }), 'rw', 'k')).rejects.toThrow(/Could not load credentials/);
    expect(s3.text('ro', 'k')).toBeUndefined();
  });
});
