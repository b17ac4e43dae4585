// The run cache through dist/cli.js in sagemaker mode against the stand-ins: `fingerprint` prints the fingerprint and
// its parts (a changed hyperparameter changes that part and the fingerprint, nothing else), says whether the index
// holds it, and refuses to guess for an image named by tag; `run` reuses a recorded run (a `Reused from` row, the
// `reused` object in --json) and `--no-reuse` trains.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FingerprintReport } from '../../src/cli/fingerprint.js';
import type { TrainingResult } from '../../src/result.js';
import { ensureBuilt, runCliProcess } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';

const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/train@sha256:${'cd'.repeat(32)}`;
const config = (image: string): string =>
  [
    'mode: sagemaker',
    'region: us-east-1',
    `image: { uri: '${image}' }`,
    "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: cli }",
    'channels: { training: s3://bucket/data/ }',
    'output: s3://bucket/models/',
    'hyperparameters: { epochs: 10 }',
    "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
    '',
  ].join('\n');

let aws: AwsStandin;
let ws: string;

beforeAll(async () => {
  await ensureBuilt();
  aws = await startAwsStandin({ job: 'completes' });
  aws.s3.put('bucket', 'data/train.csv', '1,2,3\n');
  ws = await mkdtemp(join(tmpdir(), 'smt-bb-cache-cli-'));
  await mkdir(join(ws, '.github'));
  await writeFile(join(ws, '.github', 'sagemaker-training.yml'), config(IMAGE));
}, 120_000);

afterAll(async () => {
  await aws.close();
  await rm(ws, { recursive: true, force: true });
});

const cli = (args: string[]) =>
  runCliProcess(args, { cwd: ws, env: { ...aws.env, GITHUB_SHA: 'e'.repeat(40) }, timeoutMs: 60_000 });

async function fingerprint(...args: string[]): Promise<FingerprintReport> {
  const run = await cli(['fingerprint', '--json', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as FingerprintReport;
}

describe('dist/cli.js and the run cache', () => {
  it('prints the fingerprint and its parts; a changed hyperparameter changes that part alone', async () => {
    const base = await fingerprint();
    expect(base.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(base.recorded).toBe(false);
    expect(base.entry).toBe(`s3://bucket/models/_results/${base.fingerprint}.json`);
    expect(base.parts).toContainEqual({ name: 'image', value: `digest sha256:${'cd'.repeat(32)}` });

    const changed = await fingerprint('--hyperparameter', 'epochs=11');
    expect(changed.fingerprint).not.toBe(base.fingerprint);
    const differ = changed.parts.filter((p, i) => JSON.stringify(p) !== JSON.stringify(base.parts[i]));
    expect(differ).toEqual([{ name: 'hyperparameter epochs', value: '"11"' }]);

    const text = await cli(['fingerprint']);
    expect(text.stdout).toContain(`Fingerprint  ${base.fingerprint}`);
    expect(text.stdout).toMatch(/hyperparameter epochs\s+"10"/);
  }, 60_000);

  it('says why there is no fingerprint for an image named by tag (exit 1)', async () => {
    const run = await cli(['fingerprint', '--image-uri', '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:latest']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /Fingerprint {2}none: image\.uri .*:latest names a tag, which can move: pin it by digest/,
    );
  }, 60_000);

  it('records a run, reuses it, and trains again with --no-reuse', async () => {
    const first = await cli(['run', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const trained = JSON.parse(first.stdout) as TrainingResult;
    expect(trained.reused).toBeUndefined();
    expect((await fingerprint()).recorded).toBe(true);

    const again = await cli(['run']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`Reused from\\s+${trained.jobName} \\(commit eeeeeeeeeeee`));
    expect(aws.callsTo('CreateTrainingJob')).toHaveLength(1);

    const json = JSON.parse((await cli(['run', '--json'])).stdout) as TrainingResult;
    expect(json.reused).toMatchObject({ jobName: trained.jobName, commit: 'e'.repeat(40) });

    const forced = await cli(['run', '--json', '--no-reuse']);
    expect(forced.code, forced.stderr).toBe(0);
    expect((JSON.parse(forced.stdout) as TrainingResult).reused).toBeUndefined();
    expect(aws.callsTo('CreateTrainingJob')).toHaveLength(2);
  }, 180_000);
});
