import { PassThrough } from 'node:stream';

import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';

import { createS3Client, joinS3Key, s3Uri, uploadStream } from '../../src/aws/s3.js';

const s3Mock = mockClient(S3Client);
afterEach(() => s3Mock.reset());

describe('createS3Client', () => {
  it('sets standard retries with 10 attempts', async () => {
    const client = await createS3Client('eu-central-1');
    expect(await client.config.maxAttempts()).toBe(10);
    const strategy = (await client.config.retryStrategy()) as { mode?: string };
    expect(strategy.mode).toBe('standard');
    expect(await client.config.region()).toBe('eu-central-1');
  });
});

describe('joinS3Key / s3Uri', () => {
  it.each([
    [['', 'job', 'output', 'model.tar.gz'], 'job/output/model.tar.gz'],
    [['out/', 'job', 'output', 'model.tar.gz'], 'out/job/output/model.tar.gz'],
    [['out', 'job/', '/output', 'model.tar.gz'], 'out/job/output/model.tar.gz'],
  ])('%j → %s', (parts, expected) => expect(joinS3Key(...parts)).toBe(expected));
  it('formats a URI', () => expect(s3Uri('b', 'k/x')).toBe('s3://b/k/x'));
});

describe('uploadStream', () => {
  it('uploads a stream of unknown length', async () => {
    s3Mock.on(PutObjectCommand).resolves({});
    const body = new PassThrough();
    const uploading = uploadStream(new S3Client({ region: 'us-east-1' }), {
      bucket: 'bucket',
      key: 'out/model.tar.gz',
      body,
      contentType: 'application/gzip',
    });
    body.end(Buffer.from('hello'));
    await uploading;
    const input = s3Mock.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ Bucket: 'bucket', Key: 'out/model.tar.gz', ContentType: 'application/gzip' });
    expect(Buffer.from(input?.Body as Uint8Array).toString()).toBe('hello');
  });
});
