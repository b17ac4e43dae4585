// Checkpoints with an s3:// location in local mode, on the real engine against the S3 stand-in: downloaded before
// the containers start, uploaded while the job runs and at the end (after a failure and a cancellation too), and a
// warning with the local copy kept when S3 refuses or there are no credentials.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { LocalBackend } from '../../../src/backends/local/index.js';
import { buildLocalImage } from '../../../src/image/build-local.js';
import type { TrainingResult } from '../../../src/result.js';
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
const IMAGE = `smt-test/local-checkpoints:${process.pid}`;
const FIXTURE = new URL('./fixtures/train-image/', import.meta.url).pathname;
const jobs: string[] = [];
let root: string;
let s3: S3Standin;

beforeAll(async () => {
  root = await makeTempDir('smt-ckpt-itg-');
  s3 = await new S3Standin({ buckets: { ckpt: { access: 'read-write' }, locked: { access: 'read-only' } } }).start();
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

interface Run {
  result: TrainingResult;
  logger: MemoryLogger;
  lines: string[];
  hostPath: string;
  ended: number;
}

async function runJob(opts: {
  bucket: string;
  prefix: string;
  env?: Record<string, string>;
  client?: S3Client;
  abortOn?: string;
}): Promise<Run> {
  const jobName = uniqueJobName('ckpt');
  jobs.push(jobName);
  const hostPath = await makeTempDir('smt-ckpt-host-');
  const logger = new MemoryLogger();
  const lines: string[] = [];
  const abort = new AbortController();
  const client = opts.client ?? s3.client();
  const result = await new LocalBackend({
    docker,
    tmpDir: root,
    s3: () => Promise.resolve(client),
    checkpointUploadIntervalMs: 300,
  }).run({
    request: localRequest({
      job: {
        environment: { SCENARIO: 'ckpt-sync', ...opts.env },
        checkpoint: {
          s3Uri: { kind: 's3', uri: `s3://${opts.bucket}/${opts.prefix}`, bucket: opts.bucket, key: opts.prefix },
          containerPath: '/opt/ml/checkpoints',
          hostPath,
        },
      },
    }),
    imageUri: IMAGE,
    jobName,
    logger,
    signal: abort.signal,
    onLogLine: (_host, line) => {
      lines.push(line);
      if (opts.abortOn && line === opts.abortOn) setTimeout(() => abort.abort(), 500);
    },
  });
  expect(await listJobResources(docker, jobName)).toEqual({ containers: [], networks: [] });
  return { result, logger, lines, hostPath, ended: Date.now() };
}

const puts = (key: string) => s3.calls.filter((c) => c.method === 'PUT' && c.key === key && c.status === 200);

describe('checkpoints with an s3:// location', () => {
  it('downloads them before the start, uploads new files while the job runs and the rest at the end', async () => {
    s3.put('ckpt', 'resume/resume.txt', 'from epoch 7');
    const run = await runJob({ bucket: 'ckpt', prefix: 'resume/', env: { CKPT_PAUSE: '3' } });
    expect(run.result.status).toBe('Completed');
    expect(run.lines).toContain('RESUME from epoch 7');
    expect(s3.text('ckpt', 'resume/epoch-1.bin')).toBe('one');
    expect(s3.text('ckpt', 'resume/epoch-2.bin')).toBe('two');
    // epoch-1 went up during the 3 s pause, well before epoch-2 (written at the end) and before the run ended.
    const [first] = puts('resume/epoch-1.bin');
    const [second] = puts('resume/epoch-2.bin');
    expect((second?.at ?? 0) - (first?.at ?? Infinity)).toBeGreaterThan(1500);
    expect(puts('resume/epoch-1.bin')).toHaveLength(1); // unchanged files are not uploaded again
    expect(puts('resume/resume.txt')).toHaveLength(0); // nor what was downloaded
    expect(run.logger.warnings.filter((w) => w.startsWith('Checkpoints'))).toEqual([]);
  });

  it('uploads at the end of a failed job', async () => {
    const run = await runJob({ bucket: 'ckpt', prefix: 'failed/', env: { CKPT_PAUSE: '0', EXIT_CODE: '3' } });
    expect(run.result.status).toBe('Failed');
    expect(s3.keys('ckpt').filter((k) => k.startsWith('failed/'))).toEqual([
      'failed/epoch-1.bin',
      'failed/epoch-2.bin',
    ]);
  });

  it('uploads what the container wrote on SIGTERM after a cancellation', async () => {
    const run = await runJob({ bucket: 'ckpt', prefix: 'cancelled/', env: { CKPT_PAUSE: '60' }, abortOn: 'ready' });
    expect(run.result.status).toBe('Stopped');
    expect(run.lines).toContain('got SIGTERM');
    expect(s3.text('ckpt', 'cancelled/stopped.bin')).toBe('stopped');
    expect(s3.text('ckpt', 'cancelled/epoch-1.bin')).toBe('one');
  });

  it('warns once and keeps the local copy when S3 refuses the upload', async () => {
    const run = await runJob({ bucket: 'locked', prefix: 'ro/', env: { CKPT_PAUSE: '1' } });
    expect(run.result.status).toBe('Completed');
    const warnings = run.logger.warnings.filter((w) => w.startsWith('Checkpoints'));
    expect(warnings).toEqual([
      expect.stringMatching(
        /^Checkpoints: could not upload to s3:\/\/locked\/ro\/ while the job runs \(Access Denied\); the checkpoints are kept in /,
      ),
      expect.stringMatching(/^Checkpoints: could not upload to s3:\/\/locked\/ro\/ at the end \(Access Denied\)/),
    ]);
    expect(await readFile(join(run.hostPath, 'epoch-2.bin'), 'utf8')).toBe('two');
    expect(s3.keys('locked')).toEqual([]);
  });

  it('warns, runs from the local folder and keeps it when there are no credentials', async () => {
    const run = await runJob({
      bucket: 'ckpt',
      prefix: 'nocreds/',
      env: { CKPT_PAUSE: '0' },
      client: s3.client({ credentials: false }),
    });
    expect(run.result.status).toBe('Completed');
    const warnings = run.logger.warnings.filter((w) => w.startsWith('Checkpoints'));
    expect(warnings[0]).toMatch(
      /could not download s3:\/\/ckpt\/nocreds\/ \(Could not load credentials.*\); the job starts from/,
    );
    expect(warnings.some((w) => /could not upload .* at the end \(Could not load credentials/.test(w))).toBe(true);
    expect(await readFile(join(run.hostPath, 'epoch-1.bin'), 'utf8')).toBe('one');
    expect(s3.keys('ckpt').filter((k) => k.startsWith('nocreds/'))).toEqual([]);
  });
});
