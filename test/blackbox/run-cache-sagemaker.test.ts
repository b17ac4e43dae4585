// The run cache through dist/main.js in sagemaker mode, run as the runner runs it, against the stand-ins for
// SageMaker, CloudWatch Logs and S3 (AWS_ENDPOINT_URL): a second identical run reuses the first (no
// CreateTrainingJob, outputs and summary say so); a re-run attempt reuses; a changed hyperparameter, a changed channel
// object (new ETag), a deleted artifact, `reuse: false` and an unreadable entry each train again; an index the
// step may not write is a warning, not a failure.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ensureBuilt, runAction, type ActionRun } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';
import type { S3Object } from '../helpers/s3-rest-standin.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/train@${DIGEST}`;
const SHA = '0123456789abcdef0123456789abcdef01234567';
const CONFIG = [
  'mode: sagemaker',
  'region: us-east-1',
  `image: { uri: '${IMAGE}' }`,
  "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: rc }",
  'channels: { training: s3://bucket/data/ }',
  'output: s3://bucket/models/',
  'hyperparameters: { epochs: 10 }',
  "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
  '',
].join('\n');

let aws: AwsStandin;
let ws: string;
/** The first run, which trained and recorded itself, and the bucket as it left it (restored before each test). */
let first: ActionRun;
let afterFirst: Map<string, S3Object>;

function main(options: { inputs?: Record<string, string>; env?: Record<string, string> } = {}): Promise<ActionRun> {
  return runAction('main', {
    workspace: ws,
    env: { ...aws.env, GITHUB_SHA: SHA, ...options.env },
    ...(options.inputs ? { inputs: options.inputs } : {}),
    timeoutMs: 60_000,
  });
}

const creates = (): number => aws.callsTo('CreateTrainingJob').length;
const entries = (): string[] =>
  [...(aws.s3.buckets.get('bucket')?.keys() ?? [])].filter((k) => k.startsWith('models/_results/'));

beforeAll(async () => {
  await ensureBuilt();
  ws = await mkdtemp(join(tmpdir(), 'smt-bb-cache-'));
  await mkdir(join(ws, '.github'));
  await writeFile(join(ws, '.github', 'sagemaker-training.yml'), CONFIG);
  aws = await startAwsStandin({ job: 'completes' });
  for (let i = 0; i < 3; i++) aws.s3.put('bucket', `data/part-${i}.csv`, `1,2,${i}\n`);
  first = await main();
  afterFirst = new Map(aws.s3.buckets.get('bucket'));
  await aws.close();
}, 180_000);

beforeEach(async () => {
  aws = await startAwsStandin({ job: 'completes' });
  aws.s3.buckets.set('bucket', new Map(afterFirst));
});

afterEach(() => aws.close());
afterAll(() => rm(ws, { recursive: true, force: true }));

describe('dist/main.js with the run cache (sagemaker mode)', () => {
  it('records the first run, which trained', () => {
    expect(first.code, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ status: 'Completed', reused: 'false', 'reused-from-job': '' });
    expect(entries()).toHaveLength(1);
  });

  it('reuses an identical second run: no training job, the first run reported as such', async () => {
    const entry = JSON.parse(aws.s3.text('bucket', entries()[0] ?? '') ?? '') as Record<string, unknown>;
    expect(entry).toMatchObject({ jobName: first.outputs['job-name'], commit: SHA });
    expect(entry.result).toMatchObject({ status: 'Completed', metrics: { accuracy: 0.93 } });

    const second = await main({ env: { GITHUB_SHA: 'f'.repeat(40), GITHUB_RUN_ID: '4343' } });
    expect(second.code, second.stdout).toBe(0);
    expect(creates()).toBe(0);
    expect(second.outputs).toMatchObject({
      status: 'Completed',
      'job-name': first.outputs['job-name'],
      'model-artifacts': first.outputs['model-artifacts'],
      metrics: first.outputs.metrics,
      reused: 'true',
      'reused-from-job': first.outputs['job-name'],
      'reused-from-commit': SHA,
      gate: 'passed',
    });
    expect(second.summary).toContain('♻️ **Reused**');
    expect(second.summary).toContain(String(first.outputs['job-name']));
    expect(second.stdout).toMatch(/Run cache: reusing training job/);
    // The artifact was checked, and nothing about the job was asked of SageMaker.
    expect(aws.callsTo('HeadObject').map((c) => c.body.key)).toContain(
      `models/${first.outputs['job-name']}/output/model.tar.gz`,
    );
    // No job state: the post step has nothing to stop.
    expect(second.state['job-name']).toBeUndefined();
  }, 120_000);

  it('reuses on a re-run attempt of the same workflow run', async () => {
    const rerun = await main({ env: { GITHUB_RUN_ATTEMPT: '2' } });
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs.reused).toBe('true');
    expect(creates()).toBe(0);
  }, 120_000);

  it('trains again when a hyperparameter changed', async () => {
    const changed = await main({ inputs: { hyperparameters: '{ epochs: 11 }' } });
    expect(changed.code, changed.stdout).toBe(0);
    expect(changed.outputs.reused).toBe('false');
    expect(creates()).toBe(1);
    expect(entries()).toHaveLength(2);
  }, 120_000);

  it('trains again when a channel object changed (new ETag)', async () => {
    aws.s3.put('bucket', 'data/part-1.csv', '1,2,42\n');
    const changed = await main();
    expect(changed.outputs.reused).toBe('false');
    expect(creates()).toBe(1);
  }, 120_000);

  it('trains again when the earlier run’s artifact is gone', async () => {
    aws.s3.delete('bucket', `models/${first.outputs['job-name']}/output/model.tar.gz`);
    const again = await main();
    expect(again.outputs.reused).toBe('false');
    expect(again.stdout).toMatch(/its artifacts are gone/);
    expect(creates()).toBe(1);
  }, 120_000);

  it('trains with reuse: false, and still records the run', async () => {
    const off = await main({ inputs: { reuse: 'false' } });
    expect(off.code, off.stdout).toBe(0);
    expect(off.outputs.reused).toBe('false');
    expect(creates()).toBe(1);
    const entry = JSON.parse(aws.s3.text('bucket', entries()[0] ?? '') ?? '') as { jobName: string };
    expect(entry.jobName).toBe(off.outputs['job-name']);
  }, 120_000);

  it('ignores an unreadable entry with a warning, trains, and writes a good one', async () => {
    const key = entries()[0] ?? '';
    aws.s3.put('bucket', key, '{ not json');
    const again = await main();
    expect(again.code, again.stdout).toBe(0);
    expect(again.stdout).toMatch(
      /::warning::Run cache: ignoring the index entry s3:\/\/bucket\/models\/_results\/[0-9a-f]{64}\.json: it is not JSON/,
    );
    expect(creates()).toBe(1);
    expect(JSON.parse(aws.s3.text('bucket', key) ?? '')).toMatchObject({ jobName: again.outputs['job-name'] });
  }, 120_000);

  it('completes with a warning when the index may not be written', async () => {
    aws.s3.allow = (r) => !(r.action === 's3:PutObject' && r.key.startsWith('models/_results/'));
    aws.s3.buckets.set('bucket', new Map([...afterFirst].filter(([key]) => !key.startsWith('models/_results/'))));
    const run = await main();
    expect(run.code, run.stdout).toBe(0);
    expect(creates()).toBe(1);
    expect(run.stdout).toMatch(/::warning::Run cache: could not record .*AccessDenied|Access Denied/);
    expect(entries()).toEqual([]);
  }, 120_000);
});
