// A request with everything the configuration allows in the remote modes, for the tests of what is sent to SageMaker.
import type { ChannelSpec, SageMakerRequest } from '../../../src/request.js';
import { sagemakerRequest } from './request.js';

export const s3Channel = (name: string, extra: Partial<ChannelSpec> = {}): ChannelSpec => ({
  name,
  source: { kind: 's3', uri: `s3://data/${name}/`, bucket: 'data', key: `${name}/` },
  inputMode: 'File',
  distribution: 'FullyReplicated',
  compression: 'None',
  recordWrapper: 'None',
  ...extra,
});

/** Every job setting, three kinds of channel (one a local folder, uploaded as `local`), metrics and tags. */
export function fullRequest(): SageMakerRequest {
  return sagemakerRequest({
    job: {
      instanceType: 'ml.g5.xlarge',
      instanceCount: 2,
      volumeSizeGb: 50,
      maxRuntimeSeconds: 7200,
      spot: { maxWaitSeconds: 10800 },
      checkpoint: {
        s3Uri: { kind: 's3', uri: 's3://bucket/ckpt/', bucket: 'bucket', key: 'ckpt/' },
        containerPath: '/opt/ml/checkpoints',
        hostPath: '/tmp/ckpt',
      },
      environment: { LOG_LEVEL: 'debug' },
      entrypoint: ['python', 'train.py'],
      arguments: ['--fast'],
      keepAliveSeconds: 600,
      maxRetryAttempts: 3,
      vpc: { subnets: ['subnet-0abc1234'], securityGroupIds: ['sg-0abc1234'] },
      networkIsolation: true,
      interContainerEncryption: true,
      outputKmsKeyId: 'alias/training',
      volumeKmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
    },
    channels: [
      s3Channel('train', { contentType: 'text/csv', distribution: 'ShardedByS3Key', compression: 'Gzip' }),
      s3Channel('validation', { inputMode: 'FastFile', recordWrapper: 'RecordIO' }),
      {
        ...s3Channel('local'),
        source: { kind: 'local', path: '/work/data' },
      },
    ],
    hyperparameters: { epochs: '10', lr: '0.05' },
    metrics: [{ name: 'accuracy', regex: 'accuracy=([0-9.]+)', goal: 'maximize' }],
    tags: { team: 'ml' },
  });
}
