// Registration through the built action (dist/main.js) in sagemaker mode, run as the runner runs it against the AWS
// stand-in (SageMaker, its model registry and S3 on AWS_ENDPOINT_URL): a push to the base branch whose gate passes
// creates the group and one model package version and sets the output model-package-arn; a re-run for the same commit
// creates none and gives the same ARN.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, runAction } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:abc';
const CONFIG = [
  'mode: sagemaker',
  'region: us-east-1',
  `image: { uri: ${IMAGE} }`,
  "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: bb }",
  'channels: { training: s3://bucket/data/ }',
  'output: s3://bucket/models/',
  "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 } ]",
  'register: { group: iris-models, branch: main }',
  '',
].join('\n');

let aws: AwsStandin;

beforeAll(async () => {
  await ensureBuilt();
  aws = await startAwsStandin({ job: 'completes' });
}, 120_000);

afterAll(() => aws.close());

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-register-'));
  tempDirs.push(dir);
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), CONFIG);
  return dir;
}

const push = { GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'push' };

describe('dist/main.js with register:', () => {
  it('registers one version on a push to the base branch, and none on a re-run of the same commit', async () => {
    const first = await runAction('main', {
      workspace: await workspace(),
      env: { ...aws.env, ...push },
      timeoutMs: 60_000,
    });
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(aws.callsTo('CreateModelPackageGroup')).toHaveLength(1);
    expect(aws.callsTo('CreateModelPackage')).toHaveLength(1);
    expect(aws.registry.packages).toHaveLength(1);
    const arn = first.outputs['model-package-arn'] ?? '';
    expect(arn).toMatch(/^arn:aws:sagemaker:us-east-1:123456789012:model-package\/iris-models\/1$/);
    expect(aws.registry.packages[0]?.arn).toBe(arn);
    const created = aws.callsTo('CreateModelPackage')[0]?.body;
    expect(created).toMatchObject({
      ModelPackageGroupName: 'iris-models',
      ModelApprovalStatus: 'PendingManualApproval',
      InferenceSpecification: { Containers: [{ Image: IMAGE }] },
    });
    expect(JSON.stringify(created?.CustomerMetadataProperties)).toContain('0123456789abcdef0123456789abcdef01234567');

    const again = await runAction('main', {
      workspace: await workspace(),
      env: { ...aws.env, ...push },
      timeoutMs: 60_000,
    });
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(aws.callsTo('CreateModelPackage')).toHaveLength(1);
    expect(aws.registry.packages).toHaveLength(1);
    expect(again.outputs['model-package-arn']).toBe(arn);
  }, 120_000);

  it('does not register on a push to another branch, and says why', async () => {
    const before = aws.registry.packages.length;
    const run = await runAction('main', {
      workspace: await workspace(),
      env: { ...aws.env, GITHUB_REF: 'refs/heads/feature', GITHUB_EVENT_NAME: 'push' },
      timeoutMs: 60_000,
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(aws.registry.packages).toHaveLength(before);
    expect(run.outputs['model-package-arn'] ?? '').toBe('');
    expect(run.summary + run.stdout).toMatch(
      /registration runs on a push to main \(this push is to refs\/heads\/feature\)/,
    );
  }, 120_000);
});
