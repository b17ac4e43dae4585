// The local backend with an s3:// channel and an s3:// output: S3 is aws-sdk-client-mock, the containers are real.
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';

import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  PutObjectCommand,
  type PutObjectCommandInput,
  S3Client,
} from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
import { buildLocalImage } from '../../../src/image/build-local.js';
import {
  createDocker,
  listJobResources,
  makeTempDir,
  MemoryLogger,
  readTar,
  removeJobResources,
  removeTempDirs,
} from '../../helpers/docker.js';
import { localRequest, uniqueJobName } from './request.js';

afterAll(removeTempDirs);

const docker = createDocker();
const IMAGE = 'smt-test/local-train:latest';
const FIXTURE = new URL('./fixtures/train-image/', import.meta.url).pathname;
const s3Mock = mockClient(S3Client);
const jobs: string[] = [];
let root: string;

beforeAll(async () => {
  root = await makeTempDir('smt-s3-itg-');
  await buildLocalImage({
    docker,
    spec: { kind: 'build', context: FIXTURE, dockerfile: join(FIXTURE, 'Dockerfile'), buildArgs: {}, platform: '' },
    tag: IMAGE,
    logger: new MemoryLogger(),
  });
});

afterAll(async () => {
  s3Mock.restore();
  await Promise.all(jobs.map((job) => removeJobResources(docker, job)));
});

describe('local backend with S3', () => {
  it('downloads a sharded channel for two hosts and uploads model.tar.gz and output.tar.gz', async () => {
    s3Mock.reset();
    s3Mock
      .on(ListObjectsV2Command, { ContinuationToken: undefined })
      .resolves({ IsTruncated: true, NextContinuationToken: 't2', Contents: [{ Key: 'data/train/part-0', Size: 6 }] })
      .on(ListObjectsV2Command, { ContinuationToken: 't2' })
      .resolves({
        Contents: [
          { Key: 'data/train/part-1', Size: 6 },
          { Key: 'data/train/sub/part-2', Size: 6 },
        ],
      });
    s3Mock.on(GetObjectCommand).callsFake((input: { Key: string }) => ({
      Body: Readable.from([
        Buffer.from(input.Key.split('/').pop() as string),
      ]) as unknown as GetObjectCommandOutput['Body'],
    }));
    s3Mock.on(PutObjectCommand).resolves({});
    const regions: string[] = [];
    const jobName = uniqueJobName('s3');
    jobs.push(jobName);
    const lines: [string, string][] = [];
    const backend = new LocalBackend({
      docker,
      tmpDir: root,
      s3: (region) => {
        regions.push(region);
        return Promise.resolve(new S3Client({ region }));
      },
    });
    const result = await backend.run({
      request: localRequest({
        channels: [
          {
            name: 'train',
            source: { kind: 's3', uri: 's3://bucket/data/train/', bucket: 'bucket', key: 'data/train/' },
            inputMode: 'File',
            distribution: 'ShardedByS3Key',
            compression: 'None',
            recordWrapper: 'None',
          },
        ],
        output: { kind: 's3', uri: 's3://out-bucket/runs/', bucket: 'out-bucket', key: 'runs/' },
        job: { instanceCount: 2, environment: { SCENARIO: 'contract' } },
      }),
      imageUri: IMAGE,
      jobName,
      logger: new MemoryLogger(),
      signal: new AbortController().signal,
      onLogLine: (host, line) => lines.push([host, line]),
    });

    expect(result.status).toBe('Completed');
    expect(result.modelArtifacts).toBe(`s3://out-bucket/runs/${jobName}/output/model.tar.gz`);
    expect(result.outputArtifacts).toBe(`s3://out-bucket/runs/${jobName}/output/output.tar.gz`);
    expect(regions).toEqual(['eu-west-1']); // one client per run
    const data = (host: string) => lines.filter(([h, l]) => h === host && l.startsWith('DATA ')).map(([, l]) => l);
    expect(data('algo-1')).toEqual([
      'DATA /opt/ml/input/data/train/part-0 part-0',
      'DATA /opt/ml/input/data/train/sub/part-2 part-2',
    ]);
    expect(data('algo-2')).toEqual(['DATA /opt/ml/input/data/train/part-1 part-1']);

    const puts: PutObjectCommandInput[] = s3Mock.commandCalls(PutObjectCommand).map((call) => call.args[0].input);
    const byKey = Object.fromEntries(puts.map((input): [string, PutObjectCommandInput] => [input.Key ?? '', input]));
    expect(Object.keys(byKey).sort()).toEqual([
      `runs/${jobName}/output/model.tar.gz`,
      `runs/${jobName}/output/output.tar.gz`,
    ]);
    const model = byKey[`runs/${jobName}/output/model.tar.gz`];
    expect(model).toMatchObject({ Bucket: 'out-bucket', ContentType: 'application/gzip' });
    const entries = await readTar(Readable.from([gunzipSync(Buffer.from(model?.Body as Uint8Array))]), false);
    expect(entries.map((e) => [e.name, e.content])).toEqual([['model.txt', 'weights']]);
    expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  });

  it('fails the job, with its logs and hosts, when the artifacts cannot be uploaded', async () => {
    s3Mock.reset();
    s3Mock.on(PutObjectCommand).rejects(new Error('Access Denied'));
    const jobName = uniqueJobName('s3deny');
    jobs.push(jobName);
    const logger = new MemoryLogger();
    const result = await new LocalBackend({
      docker,
      tmpDir: root,
      s3: (region) => Promise.resolve(new S3Client({ region })),
    }).run({
      request: localRequest({
        output: { kind: 's3', uri: 's3://out-bucket/runs/', bucket: 'out-bucket', key: 'runs/' },
        job: { environment: { SCENARIO: 'model' } },
      }),
      imageUri: IMAGE,
      jobName,
      logger,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({
      status: 'Failed',
      failureReason: 'ClientError: could not write the model and output artifacts: Access Denied',
      hosts: [{ host: 'algo-1', exitCode: 0 }],
    });
    expect(result.modelArtifacts).toBeUndefined();
    expect(result.logTail).toContain('algo-1 | algo-1 running scenario model');
    expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  });
});
