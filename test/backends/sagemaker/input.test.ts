import type { CreateTrainingJobRequest } from '@aws-sdk/client-sagemaker';
import { describe, expect, it } from 'vitest';

import { createTrainingJobInput, runTags, runTagValue } from '../../../src/backends/sagemaker/input.js';
import type { JobSpec } from '../../../src/request.js';
import { fullRequest, s3Channel } from './full-request.js';
import { sagemakerRequest } from './request.js';
import { readRunIdentity } from '../../../src/run-identity.js';

const IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:abc';

describe('createTrainingJobInput', () => {
  it('maps a full request (snapshot)', () => {
    const request = fullRequest();
    const input = createTrainingJobInput(request, {
      jobName: 'smt-1-1-abcdef',
      imageUri: IMAGE,
      tags: runTags(
        readRunIdentity({
          GITHUB_REPOSITORY: 'octo/repo',
          GITHUB_SHA: 'deadbeef',
          GITHUB_WORKFLOW: 'Train (nightly) #1',
          GITHUB_RUN_ID: '42',
          GITHUB_RUN_ATTEMPT: '2',
          GITHUB_REF: 'refs/pull/7/merge',
        }),
      ),
      channelUris: { local: 's3://bucket/out/_channels/local-0123456789abcdef/' },
    });
    expect(input).toMatchInlineSnapshot(`
      {
        "AlgorithmSpecification": {
          "ContainerArguments": [
            "--fast",
          ],
          "ContainerEntrypoint": [
            "python",
            "train.py",
          ],
          "MetricDefinitions": [
            {
              "Name": "accuracy",
              "Regex": "accuracy=([0-9.]+)",
            },
          ],
          "TrainingImage": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/train:abc",
          "TrainingInputMode": "File",
        },
        "CheckpointConfig": {
          "LocalPath": "/opt/ml/checkpoints",
          "S3Uri": "s3://bucket/ckpt/",
        },
        "EnableInterContainerTrafficEncryption": true,
        "EnableManagedSpotTraining": true,
        "EnableNetworkIsolation": true,
        "Environment": {
          "LOG_LEVEL": "debug",
        },
        "HyperParameters": {
          "epochs": "10",
          "lr": "0.05",
        },
        "InputDataConfig": [
          {
            "ChannelName": "train",
            "CompressionType": "Gzip",
            "ContentType": "text/csv",
            "DataSource": {
              "S3DataSource": {
                "S3DataDistributionType": "ShardedByS3Key",
                "S3DataType": "S3Prefix",
                "S3Uri": "s3://data/train/",
              },
            },
            "InputMode": "File",
            "RecordWrapperType": "None",
          },
          {
            "ChannelName": "validation",
            "CompressionType": "None",
            "DataSource": {
              "S3DataSource": {
                "S3DataDistributionType": "FullyReplicated",
                "S3DataType": "S3Prefix",
                "S3Uri": "s3://data/validation/",
              },
            },
            "InputMode": "FastFile",
            "RecordWrapperType": "RecordIO",
          },
          {
            "ChannelName": "local",
            "CompressionType": "None",
            "DataSource": {
              "S3DataSource": {
                "S3DataDistributionType": "FullyReplicated",
                "S3DataType": "S3Prefix",
                "S3Uri": "s3://bucket/out/_channels/local-0123456789abcdef/",
              },
            },
            "InputMode": "File",
            "RecordWrapperType": "None",
          },
        ],
        "OutputDataConfig": {
          "KmsKeyId": "alias/training",
          "S3OutputPath": "s3://bucket/out/",
        },
        "ResourceConfig": {
          "InstanceCount": 2,
          "InstanceType": "ml.g5.xlarge",
          "KeepAlivePeriodInSeconds": 600,
          "VolumeKmsKeyId": "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
          "VolumeSizeInGB": 50,
        },
        "RetryStrategy": {
          "MaximumRetryAttempts": 3,
        },
        "RoleArn": "arn:aws:iam::123456789012:role/SageMakerTraining",
        "StoppingCondition": {
          "MaxRuntimeInSeconds": 7200,
          "MaxWaitTimeInSeconds": 10800,
        },
        "Tags": [
          {
            "Key": "team",
            "Value": "ml",
          },
          {
            "Key": "sagemaker-train:repository",
            "Value": "octo/repo",
          },
          {
            "Key": "sagemaker-train:commit",
            "Value": "deadbeef",
          },
          {
            "Key": "sagemaker-train:workflow",
            "Value": "Train _nightly_ _1",
          },
          {
            "Key": "sagemaker-train:run",
            "Value": "42-2",
          },
          {
            "Key": "sagemaker-train:run-attempt",
            "Value": "2",
          },
          {
            "Key": "sagemaker-train:pull-request",
            "Value": "7",
          },
        ],
        "TrainingJobName": "smt-1-1-abcdef",
        "VpcConfig": {
          "SecurityGroupIds": [
            "sg-0abc1234",
          ],
          "Subnets": [
            "subnet-0abc1234",
          ],
        },
      }
    `);
  });

  it('sets the minimum for a bare request: no optional blocks', () => {
    const input = createTrainingJobInput(sagemakerRequest(), { jobName: 'j', imageUri: IMAGE, tags: {} });
    expect(input).toEqual({
      TrainingJobName: 'j',
      RoleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
      AlgorithmSpecification: { TrainingImage: IMAGE, TrainingInputMode: 'File' },
      OutputDataConfig: { S3OutputPath: 's3://bucket/out/' },
      ResourceConfig: { InstanceType: 'ml.m5.xlarge', InstanceCount: 1, VolumeSizeInGB: 30 },
      StoppingCondition: { MaxRuntimeInSeconds: 3600 },
    });
  });

  it.each([
    [['File', 'File'], 'File'],
    [['Pipe', 'Pipe'], 'Pipe'],
    [['FastFile'], 'FastFile'],
    [['Pipe', 'File'], 'File'],
  ] as const)('job-level input mode for channels %j is %s', (modes, expected) => {
    const request = sagemakerRequest({ channels: modes.map((inputMode, i) => s3Channel(`c${i}`, { inputMode })) });
    const input = createTrainingJobInput(request, { jobName: 'j', imageUri: IMAGE, tags: {} });
    expect(input.AlgorithmSpecification?.TrainingInputMode).toBe(expected);
    expect(input.InputDataConfig?.map((c) => c.InputMode)).toEqual([...modes]);
  });

  it('passes arguments only with an entrypoint, as local mode does', () => {
    const input = createTrainingJobInput(sagemakerRequest({ job: { arguments: ['--x'] } }), {
      jobName: 'j',
      imageUri: IMAGE,
      tags: {},
    });
    expect(input.AlgorithmSpecification).not.toHaveProperty('ContainerArguments');
    expect(input.AlgorithmSpecification).not.toHaveProperty('ContainerEntrypoint');
  });

  it('refuses a local channel that was not uploaded', () => {
    const request = sagemakerRequest({ channels: [{ ...s3Channel('x'), source: { kind: 'local', path: '/d' } }] });
    expect(() => createTrainingJobInput(request, { jobName: 'j', imageUri: IMAGE, tags: {} })).toThrow(
      /Channel x reads the local folder \/d, which was not uploaded/,
    );
  });
});

describe('runTags', () => {
  it('is empty outside GitHub Actions', () => {
    expect(runTags(readRunIdentity({}))).toEqual({});
    expect(runTagValue(readRunIdentity({}))).toBeUndefined();
  });
  it('defaults the attempt to 1 and skips a non-PR ref', () => {
    expect(runTags(readRunIdentity({ GITHUB_RUN_ID: '9', GITHUB_REF: 'refs/heads/main' }))).toEqual({
      'sagemaker-train:run': '9-1',
      'sagemaker-train:run-attempt': '1',
    });
  });
});

describe('createTrainingJobInput: network, encryption and KMS', () => {
  const inputOf = (job: Partial<JobSpec>): CreateTrainingJobRequest =>
    createTrainingJobInput(sagemakerRequest({ job }), { jobName: 'j', imageUri: IMAGE, tags: {} });

  it('vpc → VpcConfig with the subnets and security groups', () => {
    const vpc = { subnets: ['subnet-0a1b', 'subnet-0c2d'], securityGroupIds: ['sg-0123'] };
    const expected: CreateTrainingJobRequest['VpcConfig'] = {
      Subnets: ['subnet-0a1b', 'subnet-0c2d'],
      SecurityGroupIds: ['sg-0123'],
    };
    expect(inputOf({ vpc }).VpcConfig).toEqual(expected);
  });

  it.each([true, false])('networkIsolation %s → EnableNetworkIsolation', (networkIsolation) => {
    const input = inputOf({ networkIsolation });
    expect(input.EnableNetworkIsolation).toBe(networkIsolation);
  });

  it.each([true, false])('interContainerEncryption %s → EnableInterContainerTrafficEncryption', (value) => {
    expect(inputOf({ interContainerEncryption: value }).EnableInterContainerTrafficEncryption).toBe(value);
  });

  it('outputKmsKeyId → OutputDataConfig.KmsKeyId; volumeKmsKeyId → ResourceConfig.VolumeKmsKeyId', () => {
    const input = inputOf({
      outputKmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1111',
      volumeKmsKeyId: 'alias/training-volumes',
    });
    const output: CreateTrainingJobRequest['OutputDataConfig'] = {
      S3OutputPath: 's3://bucket/out/',
      KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1111',
    };
    const resources: CreateTrainingJobRequest['ResourceConfig'] = {
      InstanceType: 'ml.m5.xlarge',
      InstanceCount: 1,
      VolumeSizeInGB: 30,
      VolumeKmsKeyId: 'alias/training-volumes',
    };
    expect(input.OutputDataConfig).toEqual(output);
    expect(input.ResourceConfig).toEqual(resources);
  });

  it('leaves every one of them out when the request does not set it', () => {
    const input = inputOf({});
    for (const key of ['VpcConfig', 'EnableNetworkIsolation', 'EnableInterContainerTrafficEncryption'] as const) {
      expect(input).not.toHaveProperty(key);
    }
    expect(input.OutputDataConfig).not.toHaveProperty('KmsKeyId');
    expect(input.ResourceConfig).not.toHaveProperty('VolumeKmsKeyId');
  });
});
