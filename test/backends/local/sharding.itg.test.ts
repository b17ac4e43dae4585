// ShardedByS3Key on a local folder: local mode gives each host exactly the files SageMaker gives it once sagemaker
// mode has uploaded the same folder (the upload goes to the S3 stand-in, which lists keys as S3 does).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
import { planS3Channel } from '../../../src/backends/local/channels.js';
import { uploadLocalChannels } from '../../../src/backends/sagemaker/channels.js';
import { listObjects } from '../../../src/aws/s3.js';
import { buildLocalImage } from '../../../src/image/build-local.js';
import type { ChannelSpec } from '../../../src/request.js';
import {
  createDocker,
  listJobResources,
  makeTempDir,
  MemoryLogger,
  removeJobResources,
  removeTempDirs,
} from '../../helpers/docker.js';
import { S3Standin } from '../../helpers/s3-standin.js';
import { LOCAL_OUTPUT, localRequest, uniqueJobName } from './request.js';

const docker = createDocker();
const IMAGE = `smt-test/local-sharding:${process.pid}`;
const FIXTURE = new URL('./fixtures/train-image/', import.meta.url).pathname;
const jobs: string[] = [];
let root: string;
let s3: S3Standin;

beforeAll(async () => {
  root = await makeTempDir('smt-sharding-itg-');
  s3 = await new S3Standin({ buckets: { models: { access: 'read-write' } } }).start();
  await buildLocalImage({
    docker,
    spec: { kind: 'build', context: FIXTURE, dockerfile: join(FIXTURE, 'Dockerfile'), buildArgs: {}, platform: '' },
    tag: IMAGE,
    logger: new MemoryLogger(),
  });
});

afterAll(async () => {
  await Promise.all(jobs.map((job) => removeJobResources(docker, job)));
  await docker
    .getImage(IMAGE)
    .remove({ force: true })
    .catch(() => undefined);
  await s3.close();
  await Promise.all(jobs.map((job) => rm(join(LOCAL_OUTPUT, job), { recursive: true, force: true })));
  await removeTempDirs();
});

/** Names whose S3 (UTF-8 byte) order differs from a directory walk and from JavaScript's default sort. */
const FILES = [
  'a.csv',
  'B.csv',
  'sub/x.csv',
  'sub-y.csv',
  'sub/deeper/w.csv',
  'é.csv',
  'z.csv',
  '\u{1F600}.csv',
  '\uFF5E.csv',
];
const HOSTS = 3;

describe('ShardedByS3Key on a local folder', () => {
  it('gives each host the files SageMaker gives it after the sagemaker-mode upload of the same folder', async () => {
    const folder = join(root, 'data');
    for (const file of FILES) {
      await mkdir(dirname(join(folder, file)), { recursive: true });
      await writeFile(join(folder, file), file);
    }
    const channel: ChannelSpec = {
      name: 'train',
      source: { kind: 'local', path: folder },
      inputMode: 'File',
      distribution: 'ShardedByS3Key',
      compression: 'None',
      recordWrapper: 'None',
    };

    // sagemaker mode: the upload, then the objects as SageMaker lists them, then object i to host i mod N.
    const client = s3.client();
    const uris = await uploadLocalChannels({
      channels: [channel],
      output: { kind: 's3', uri: 's3://models/runs/', bucket: 'models', key: 'runs/' },
      s3: () => Promise.resolve(client),
      logger: new MemoryLogger(),
    });
    const prefix = (uris.train as string).slice('s3://models/'.length);
    const keys: string[] = [];
    for await (const object of listObjects(client, { bucket: 'models', prefix })) keys.push(object.key);
    expect(keys).toHaveLength(FILES.length);
    const location = { kind: 's3' as const, uri: uris.train as string, bucket: 'models', key: prefix };
    const onSageMaker = planS3Channel({ location, keys, distribution: 'ShardedByS3Key', hostCount: HOSTS });
    const expected = Array.from({ length: HOSTS }, (_, host) =>
      onSageMaker.filter((item) => item.host === host).map((item) => item.relPath),
    );

    // local mode: real containers print the files they see.
    const jobName = uniqueJobName('shard');
    jobs.push(jobName);
    const lines: [string, string][] = [];
    const logger = new MemoryLogger();
    const result = await new LocalBackend({ docker, tmpDir: root }).run({
      request: localRequest({
        channels: [channel],
        job: { instanceCount: HOSTS, environment: { SCENARIO: 'contract' } },
      }),
      imageUri: IMAGE,
      jobName,
      logger,
      signal: new AbortController().signal,
      onLogLine: (host, line) => lines.push([host, line]),
    });
    expect(result.status).toBe('Completed');
    const seen = Array.from({ length: HOSTS }, (_, i) =>
      lines
        .filter(([h, l]) => h === `algo-${i + 1}` && l.startsWith('DATA /opt/ml/input/data/train/'))
        .map(([, l]) => l.slice('DATA /opt/ml/input/data/train/'.length).split(' ')[0] as string),
    );
    const sorted = (list: string[][]) => list.map((files) => [...files].sort());
    expect(sorted(seen)).toEqual(sorted(expected));
    expect(seen.flat().sort()).toEqual([...FILES].sort());
    expect(expected.map((files) => files.length)).toEqual([3, 3, 3]);
    expect(logger.infos.some((l) => l.includes('9 file(s)') && l.includes('sharded across 3 hosts'))).toBe(true);
    expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  });
});
