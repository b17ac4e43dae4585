import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { hashChannelFiles, listChannelFiles, uploadLocalChannels } from '../../../src/backends/sagemaker/channels.js';
import type { ChannelSpec } from '../../../src/request.js';
import { MemoryLogger } from '../../helpers/docker.js';
import { awsError } from './fake-aws.js';

const s3Mock = mockClient(S3Client);
afterEach(() => s3Mock.reset());

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smt-channels-'));
  await mkdir(join(dir, 'data', 'sub'), { recursive: true });
  await writeFile(join(dir, 'data', 'train.csv'), 'a,b\n1,2\n');
  await writeFile(join(dir, 'data', 'sub', 'more.csv'), 'c\n3\n');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const channel = (path: string): ChannelSpec => ({
  name: 'train',
  source: { kind: 'local', path },
  inputMode: 'File',
  distribution: 'FullyReplicated',
  compression: 'None',
  recordWrapper: 'None',
});
const output = { kind: 's3' as const, uri: 's3://bucket/out/', bucket: 'bucket', key: 'out/' };

describe('local channels in sagemaker mode', () => {
  it('hashes by relative path and content', async () => {
    const files = await listChannelFiles(join(dir, 'data'));
    expect(files.map((f) => f.key)).toEqual(['sub/more.csv', 'train.csv']);
    const hash = await hashChannelFiles(files);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashChannelFiles(files)).toBe(hash);
    expect(await hashChannelFiles([files[1] as (typeof files)[number]])).not.toBe(hash);
  });

  it('uploads a folder under a content-keyed prefix, then a marker beside it', async () => {
    s3Mock.on(HeadObjectCommand).rejects(awsError('NotFound', 404));
    s3Mock.on(PutObjectCommand).resolves({});
    const uris = await uploadLocalChannels({
      channels: [channel(join(dir, 'data'))],
      output,
      s3: () => Promise.resolve(new S3Client({ region: 'eu-west-1' })),
      logger: new MemoryLogger(),
    });
    expect(uris.train).toMatch(/^s3:\/\/bucket\/out\/_channels\/train-[0-9a-f]{16}\/$/);
    const prefix = (uris.train as string).slice('s3://bucket/'.length);
    const keys = s3Mock.commandCalls(PutObjectCommand).map((c) => c.args[0].input.Key);
    expect(keys).toEqual([`${prefix}sub/more.csv`, `${prefix}train.csv`, `${prefix.slice(0, -1)}.complete`]);
  });

  it('uploads when the marker lookup is denied (403: ListBucket granted only on a prefix), fails on other errors', async () => {
    s3Mock.on(HeadObjectCommand).rejects(awsError('Forbidden', 403));
    s3Mock.on(PutObjectCommand).resolves({});
    const upload = () =>
      uploadLocalChannels({
        channels: [channel(join(dir, 'data'))],
        output,
        s3: () => Promise.resolve(new S3Client({ region: 'eu-west-1' })),
        logger: new MemoryLogger(),
      });
    await upload();
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(3);
    s3Mock.reset();
    s3Mock.on(HeadObjectCommand).rejects(awsError('InternalError', 500));
    await expect(upload()).rejects.toThrow(/InternalError|500/);
    expect(s3Mock.commandCalls(PutObjectCommand)).toHaveLength(0);
  });

  it('skips the upload when the marker is there (unchanged data)', async () => {
    s3Mock.on(HeadObjectCommand).resolves({});
    s3Mock.on(PutObjectCommand).resolves({});
    const logger = new MemoryLogger();
    const uris = await uploadLocalChannels({
      channels: [channel(join(dir, 'data'))],
      output,
      s3: () => Promise.resolve(new S3Client({ region: 'eu-west-1' })),
      logger,
    });
    expect(uris.train).toMatch(/_channels\/train-[0-9a-f]{16}\/$/);
    expect(s3Mock.commandCalls(PutObjectCommand)).toEqual([]);
    expect(logger.infos[0]).toMatch(/is unchanged, already at s3:\/\/bucket\/out\/_channels\/train-/);
  });

  it('refuses an empty folder', async () => {
    await mkdir(join(dir, 'empty'), { recursive: true });
    await expect(
      uploadLocalChannels({
        channels: [channel(join(dir, 'empty'))],
        output,
        s3: () => Promise.resolve(new S3Client({ region: 'eu-west-1' })),
        logger: new MemoryLogger(),
      }),
    ).rejects.toThrow(/holds no files to upload/);
  });
});
