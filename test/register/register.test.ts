// Registration against the AWS stand-in (SageMaker's model registry and S3, requests checked against the API model):
// the group is created when missing and one version holds the image, the model, the metrics report and the lineage;
// a second run for the same commit creates nothing. Then the stand-in's own rules, each refused as SageMaker does.
import { S3Client } from '@aws-sdk/client-s3';
import { CreateModelPackageCommand, CreateModelPackageGroupCommand, SageMakerClient } from '@aws-sdk/client-sagemaker';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { registerModel, type RegisterInput } from '../../src/register/index.js';
import type { RegisterSpec } from '../../src/request.js';
import type { TrainingResult } from '../../src/result.js';
import { takeMismatches } from '../helpers/aws-model.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';
import { MemoryLogger } from '../helpers/docker.js';

const COMMIT = 'a'.repeat(40);
const DIGEST = `sha256:${'b'.repeat(64)}`;
const IMAGE = `123456789012.dkr.ecr.us-east-1.amazonaws.com/iris@${DIGEST}`;
let aws: AwsStandin;
let sagemaker: SageMakerClient;
let s3: S3Client;

beforeAll(async () => {
  aws = await startAwsStandin();
  const config = {
    region: 'us-east-1',
    endpoint: aws.endpoint,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1,
  };
  sagemaker = new SageMakerClient(config);
  s3 = new S3Client({ ...config, forcePathStyle: true });
});
afterAll(() => aws.close());
beforeEach(() => {
  aws.registry.reset();
  aws.calls.splice(0);
});

const spec: RegisterInput['spec'] = {
  group: 'iris-models',
  approval: 'PendingManualApproval',
  onDispatch: false,
  problemType: 'multiclass-classification',
  contentTypes: ['text/csv', 'application/json'],
  responseTypes: ['application/json'],
};

function result(jobName: string): TrainingResult {
  return {
    mode: 'sagemaker',
    jobName,
    status: 'Completed',
    metrics: { accuracy: 0.96, loss: 0.12 },
    metricSeries: {},
    modelArtifacts: `s3://bucket/models/${jobName}/output/model.tar.gz`,
    imageUri: IMAGE,
    instanceType: 'ml.m5.large',
    instanceCount: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: '2026-01-01T00:10:00.000Z',
    durationSeconds: 600,
    logTail: [],
    links: [],
    fingerprint: 'f'.repeat(64),
  };
}

function input(jobName: string, commit = COMMIT, overrides: Partial<RegisterSpec> = {}): RegisterInput {
  return {
    spec: { ...spec, ...overrides },
    region: 'us-east-1',
    output: { kind: 's3', uri: 's3://bucket/models/', bucket: 'bucket', key: 'models/' },
    result: result(jobName),
    lineage: {
      repository: 'acme/iris',
      commit,
      run: 'https://github.com/acme/iris/actions/runs/42',
      hyperparameters: { epochs: '1000', eta: '0.5' },
      fingerprint: 'f'.repeat(64),
    },
  };
}

const deps = () => ({
  sagemaker: () => Promise.resolve(sagemaker),
  s3: () => Promise.resolve(s3),
  logger: new MemoryLogger(),
});

describe('registerModel', () => {
  it('creates the missing group and one version with the image, model, metrics report and lineage', async () => {
    const report = await registerModel(input('iris-1'), deps());
    expect(report).toMatchObject({
      arn: 'arn:aws:sagemaker:us-east-1:123456789012:model-package/iris-models/1',
      group: 'iris-models',
      version: 1,
      created: true,
      approval: 'PendingManualApproval',
    });
    expect(report.url).toContain('model-registry/iris-models/1');
    expect([...aws.registry.groups.keys()]).toEqual(['iris-models']);
    expect(aws.registry.packages).toHaveLength(1);
    const sent = aws.registry.packages[0]!.input;
    expect(sent).toMatchObject({
      ModelPackageGroupName: 'iris-models',
      ModelApprovalStatus: 'PendingManualApproval',
      InferenceSpecification: {
        Containers: [
          { Image: IMAGE, ImageDigest: DIGEST, ModelDataUrl: 's3://bucket/models/iris-1/output/model.tar.gz' },
        ],
        SupportedContentTypes: ['text/csv', 'application/json'],
        SupportedResponseMIMETypes: ['application/json'],
      },
      ModelMetrics: {
        ModelQuality: {
          Statistics: {
            ContentType: 'application/json',
            S3Uri: 's3://bucket/models/iris-1/registration/model-quality.json',
          },
        },
      },
      CustomerMetadataProperties: {
        repository: 'acme/iris',
        commit: COMMIT,
        run: 'https://github.com/acme/iris/actions/runs/42',
        'training-job': 'iris-1',
        'image-digest': DIGEST,
        'data-fingerprint': 'f'.repeat(64),
        'hp.epochs': '1000',
        'hp.eta': '0.5',
      },
    });
    const quality = JSON.parse(
      aws.s3.text('bucket', 'models/iris-1/registration/model-quality.json') ?? '{}',
    ) as Record<string, unknown>;
    expect(quality.multiclass_classification_metrics).toEqual({
      accuracy: { value: 0.96, standard_deviation: 'NaN' },
      loss: { value: 0.12, standard_deviation: 'NaN' },
    });
  });

  it('finds the version a first run made for the same commit, and creates none', async () => {
    const first = await registerModel(input('iris-1'), deps());
    const second = await registerModel(input('iris-2'), deps());
    expect(second).toMatchObject({ arn: first.arn, version: 1, created: false });
    expect(aws.registry.packages).toHaveLength(1);
    expect(aws.callsTo('CreateModelPackage')).toHaveLength(1);
    expect(aws.callsTo('CreateModelPackageGroup')).toHaveLength(1);
  });

  it('numbers the versions of other commits 2, 3, … in the existing group', async () => {
    await registerModel(input('iris-1', '1'.repeat(40)), deps());
    const second = await registerModel(input('iris-2', '2'.repeat(40)), deps());
    expect(second).toMatchObject({ version: 2, created: true });
    expect(aws.callsTo('CreateModelPackageGroup')).toHaveLength(1);
  });

  it('refuses a result without a model in S3 before calling anything', async () => {
    const local = { ...input('iris-1'), result: { ...result('iris-1'), modelArtifacts: '/tmp/model.tar.gz' } };
    await expect(registerModel(local, deps())).rejects.toThrow(/no model.tar.gz in S3/);
    expect(aws.calls).toEqual([]);
  });
});

describe('the model registry stand-in enforces SageMaker rules', () => {
  const versioned = (group: string, extra: Record<string, unknown> = {}) =>
    new CreateModelPackageCommand({
      ModelPackageGroupName: group,
      InferenceSpecification: {
        Containers: [{ Image: IMAGE }],
        SupportedContentTypes: ['text/csv'],
        SupportedResponseMIMETypes: ['text/csv'],
      },
      ...extra,
    });

  it('refuses a version in a group that does not exist', async () => {
    await expect(sagemaker.send(versioned('nowhere'))).rejects.toMatchObject({
      name: 'ValidationException',
      message: expect.stringMatching(/nowhere does not exist/) as string,
    });
  });

  it('refuses a group name SageMaker does not accept', async () => {
    await expect(
      sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'iris_models' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    expect(aws.registry.groups.size).toBe(0);
    // The API model refused it (recorded as a mismatch, which is the point here).
    expect(takeMismatches()).toHaveLength(1);
  });

  it('refuses a second group of the same name', async () => {
    await sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'iris-models' }));
    await expect(
      sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'Iris-Models' })),
    ).rejects.toMatchObject({ message: expect.stringMatching(/already exists/) as string });
  });

  it('refuses groups beyond the account limit', async () => {
    const { createModelRegistry } = await import('../helpers/model-registry-standin.js');
    const small = createModelRegistry({ region: 'us-east-1', maxGroups: 1 });
    expect(small.answer('CreateModelPackageGroup', { ModelPackageGroupName: 'a' })?.status).toBe(200);
    expect(small.answer('CreateModelPackageGroup', { ModelPackageGroupName: 'b' })).toMatchObject({
      status: 400,
      body: { __type: 'ResourceLimitExceeded' },
    });
  });

  it('refuses a versioned package that also names itself', async () => {
    await sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'iris-models' }));
    await expect(sagemaker.send(versioned('iris-models', { ModelPackageName: 'mine' }))).rejects.toMatchObject({
      message: expect.stringMatching(/cannot both be specified/) as string,
    });
  });

  it('refuses customer metadata past its limits (51 entries, a 257-character value, a key with `#`)', async () => {
    await sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'iris-models' }));
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    for (const CustomerMetadataProperties of [many, { k: 'v'.repeat(257) }, { 'a#b': 'v' }]) {
      await expect(sagemaker.send(versioned('iris-models', { CustomerMetadataProperties }))).rejects.toMatchObject({
        name: 'ValidationException',
      });
    }
    expect(aws.registry.packages).toEqual([]);
    // The entry count and the value's length are the API model's limits; the key's characters are the stand-in's rule.
    expect(takeMismatches()).toHaveLength(2);
  });

  it('returns the version a repeated ClientToken created instead of a new one', async () => {
    await sagemaker.send(new CreateModelPackageGroupCommand({ ModelPackageGroupName: 'iris-models' }));
    const a = await sagemaker.send(versioned('iris-models', { ClientToken: 'token-1' }));
    const b = await sagemaker.send(versioned('iris-models', { ClientToken: 'token-1' }));
    const c = await sagemaker.send(versioned('iris-models', { ClientToken: 'token-2' }));
    expect(b.ModelPackageArn).toBe(a.ModelPackageArn);
    expect(c.ModelPackageArn).toMatch(/\/2$/);
  });
});
