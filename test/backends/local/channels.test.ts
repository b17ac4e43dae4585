import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { GetObjectCommand, type GetObjectCommandOutput, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

import {
  channelRelativePath,
  downloadS3Channel,
  localChannelMount,
  planS3Channel,
} from '../../../src/backends/local/channels.js';
import type { ChannelSpec, S3Location } from '../../../src/request.js';
import { makeTempDir, MemoryLogger, writeFiles, removeTempDirs } from '../../helpers/docker.js';

afterAll(removeTempDirs);

const s3Mock = mockClient(S3Client);
afterEach(() => s3Mock.reset());

function loc(bucket: string, key: string): S3Location {
  return { kind: 's3', uri: `s3://${bucket}/${key}`, bucket, key };
}

function s3Channel(location: S3Location, distribution: ChannelSpec['distribution'] = 'FullyReplicated') {
  return {
    name: 'train',
    source: location,
    inputMode: 'File' as const,
    distribution,
    compression: 'None' as const,
    recordWrapper: 'None' as const,
  };
}

function body(text: string): GetObjectCommandOutput['Body'] {
  return Readable.from([Buffer.from(text)]) as unknown as GetObjectCommandOutput['Body'];
}

describe('channelRelativePath', () => {
  it.each<[string, string, string | undefined]>([
    ['data/train/', 'data/train/a.csv', 'a.csv'],
    ['data/train/', 'data/train/sub/b.csv', 'sub/b.csv'],
    ['data/train/', 'data/train/', undefined],
    ['data/train/', 'data/train/folder/', undefined],
    ['data/train', 'data/train', 'train'],
    ['data/train.csv', 'data/train.csv', 'train.csv'],
    ['data/train', 'data/train/x.csv', 'x.csv'],
    ['data/train', 'data/train-2/x.csv', undefined],
    ['', 'top.csv', 'top.csv'],
    ['data/', 'data/./a.csv', 'a.csv'],
    ['data/', 'data/a//b.csv', 'a/b.csv'],
  ])('prefix %s, key %s → %s', (prefix, key, expected) => {
    expect(channelRelativePath(loc('b', prefix), key)).toBe(expected);
  });

  it.each([
    ['data/', 'data/../../etc/passwd'],
    ['data/', 'data/sub/../../x'],
    ['data/', 'data//etc/cron.d/evil'],
    ['', '..'],
  ])('refuses prefix %s, key %s', (prefix, key) => {
    expect(() => channelRelativePath(loc('b', prefix), key)).toThrow(/outside the channel folder/);
  });
});

describe('planS3Channel', () => {
  const keys = ['d/a', 'd/b', 'd/c', 'd/sub/', 'd/sub/e'];
  it('replicates every object to every host by default', () => {
    const plan = planS3Channel({ location: loc('b', 'd/'), keys, distribution: 'FullyReplicated', hostCount: 3 });
    expect(plan).toEqual([
      { key: 'd/a', relPath: 'a' },
      { key: 'd/b', relPath: 'b' },
      { key: 'd/c', relPath: 'c' },
      { key: 'd/sub/e', relPath: 'sub/e' },
    ]);
  });
  it('shards object i to host i mod N', () => {
    const plan = planS3Channel({ location: loc('b', 'd/'), keys, distribution: 'ShardedByS3Key', hostCount: 3 });
    expect(plan.map((p) => [p.relPath, p.host])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['sub/e', 0],
    ]);
  });
  it('takes only the object a URI names exactly', () => {
    const plan = planS3Channel({
      location: loc('b', 'd/a'),
      keys: ['d/a', 'd/a/x', 'd/ab'],
      distribution: 'FullyReplicated',
      hostCount: 1,
    });
    expect(plan).toEqual([{ key: 'd/a', relPath: 'a' }]);
  });
});

describe('downloadS3Channel', () => {
  it('follows ListObjectsV2 pages and streams every object to its place', async () => {
    s3Mock
      .on(ListObjectsV2Command, { Bucket: 'bucket', Prefix: 'data/train/', ContinuationToken: undefined })
      .resolves({
        IsTruncated: true,
        NextContinuationToken: 'page-2',
        Contents: [{ Key: 'data/train/a.csv', Size: 4 }],
      })
      .on(ListObjectsV2Command, { Bucket: 'bucket', Prefix: 'data/train/', ContinuationToken: 'page-2' })
      .resolves({
        IsTruncated: false,
        Contents: [
          { Key: 'data/train/', Size: 0 },
          { Key: 'data/train/sub/b.csv', Size: 4 },
        ],
      });
    s3Mock.on(GetObjectCommand).callsFake((input: { Key: string }) => ({ Body: body(`content of ${input.Key}`) }));
    const dir = await makeTempDir();
    const logger = new MemoryLogger();
    const folders = await downloadS3Channel({
      channel: s3Channel(loc('bucket', 'data/train/')),
      client: new S3Client({ region: 'us-east-1' }),
      dir,
      hostCount: 2,
      logger,
    });
    expect(folders).toEqual([dir, dir]);
    expect(await readFile(join(dir, 'a.csv'), 'utf8')).toBe('content of data/train/a.csv');
    expect(await readFile(join(dir, 'sub', 'b.csv'), 'utf8')).toBe('content of data/train/sub/b.csv');
    expect(s3Mock.commandCalls(ListObjectsV2Command)).toHaveLength(2);
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(2);
    expect(logger.infos[0]).toMatch(/^Channel train: downloading 2 object\(s\)/);
  });

  it('shards the objects across hosts with ShardedByS3Key', async () => {
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: ['p/0', 'p/1', 'p/2'].map((Key) => ({ Key, Size: 1 })),
    });
    s3Mock.on(GetObjectCommand).callsFake(() => ({ Body: body('x') }));
    const dir = await makeTempDir();
    const folders = await downloadS3Channel({
      channel: s3Channel(loc('bucket', 'p/'), 'ShardedByS3Key'),
      client: new S3Client({ region: 'us-east-1' }),
      dir,
      hostCount: 2,
      logger: new MemoryLogger(),
    });
    expect(folders).toEqual([join(dir, 'algo-1'), join(dir, 'algo-2')]);
    await expect(stat(join(dir, 'algo-1', '0'))).resolves.toBeTruthy();
    await expect(stat(join(dir, 'algo-1', '2'))).resolves.toBeTruthy();
    await expect(stat(join(dir, 'algo-2', '1'))).resolves.toBeTruthy();
    await expect(stat(join(dir, 'algo-2', '0'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a key that would escape the channel folder before downloading anything', async () => {
    s3Mock.on(ListObjectsV2Command).resolves({
      Contents: [
        { Key: 'data/ok.csv', Size: 1 },
        { Key: 'data/../../../etc/passwd', Size: 1 },
      ],
    });
    const dir = await makeTempDir();
    await expect(
      downloadS3Channel({
        channel: s3Channel(loc('bucket', 'data/')),
        client: new S3Client({ region: 'us-east-1' }),
        dir,
        hostCount: 1,
        logger: new MemoryLogger(),
      }),
    ).rejects.toThrow('S3 object s3://bucket/data/../../../etc/passwd cannot be downloaded');
    expect(s3Mock.commandCalls(GetObjectCommand)).toHaveLength(0);
  });
});

describe('localChannelMount', () => {
  it('mounts a folder at the channel path and a file inside it', async () => {
    const dir = await makeTempDir();
    await writeFiles(dir, { 'folder/a.csv': 'a', 'single.csv': 'b' });
    const channel = (path: string) => ({ ...s3Channel(loc('b', '')), source: { kind: 'local' as const, path } });
    expect(await localChannelMount(channel(join(dir, 'folder')))).toEqual({
      source: join(dir, 'folder'),
      target: '/opt/ml/input/data/train',
    });
    expect(await localChannelMount(channel(join(dir, 'single.csv')))).toEqual({
      source: join(dir, 'single.csv'),
      target: '/opt/ml/input/data/train/single.csv',
    });
    await expect(localChannelMount(channel(join(dir, 'missing')))).rejects.toThrow(/does not exist/);
  });
});
