import { describe, expect, it } from 'vitest';
import { requestSummary } from '../../src/report/request-summary.js';
import { makeRequest } from './fixtures.js';

describe('requestSummary with remote settings', () => {
  it('adds no row for settings left at their defaults', () => {
    const text = requestSummary(makeRequest());
    for (const label of ['VPC', 'Network isolation', 'Encryption', 'Capacity retries', 'Price', 'Fargate', 'Wait']) {
      expect(text).not.toMatch(new RegExp(`^${label}`, 'm'));
    }
  });

  it('shows the VPC, isolation, encryption, retries, price, the fargate runner and a detached run', () => {
    const base = makeRequest();
    const text = requestSummary(
      makeRequest({
        mode: 'fargate',
        job: {
          ...base.job,
          instanceType: 'ml.g5.xlarge',
          roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
          vpc: { subnets: ['subnet-0abc', 'subnet-0def'], securityGroupIds: ['sg-0abc'] },
          networkIsolation: true,
          interContainerEncryption: true,
          outputKmsKeyId: 'alias/training',
          volumeKmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
          capacityRetries: 2,
          pricePerHour: 1.41,
        },
        fargate: {
          cluster: 'training',
          taskDefinition: 'sagemaker-train-runner:3',
          container: 'runner',
          subnets: ['subnet-0abc'],
          securityGroups: [],
          assignPublicIp: false,
          capacity: 'FARGATE_SPOT',
          githubAppSecret: 'github-app/sagemaker-train',
        },
        wait: false,
      }),
    );
    expect(text).toContain(
      [
        'Role               arn:aws:iam::123456789012:role/SageMakerTraining',
        'VPC                subnets subnet-0abc, subnet-0def; security groups sg-0abc',
        'Network isolation  on (the containers have no network access)',
        'Encryption         inter-container traffic, output with KMS key alias/training, volumes with KMS key 1234abcd-12ab-34cd-56ef-1234567890ab',
        'Capacity retries   2',
        'Price              $1.41 per instance-hour',
        'Fargate runner     cluster training, task definition sagemaker-train-runner:3 (runner), FARGATE_SPOT',
        'Wait               no: detached, the runner completes the check run',
        'Channel train',
      ].join('\n'),
    );
    expect(text).toMatch(/^Region +us-east-1$/m);
  });

  it('shows one KMS key alone, without the traffic encryption', () => {
    const base = makeRequest();
    const text = requestSummary(makeRequest({ job: { ...base.job, outputKmsKeyId: 'alias/out' } }));
    expect(text).toMatch(/^Encryption +output with KMS key alias\/out$/m);
  });
});
