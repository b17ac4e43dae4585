import { describe, expect, it } from 'vitest';

import {
  checkpointConfig,
  hostConfigFiles,
  hostNames,
  hyperparametersConfig,
  inputDataConfig,
  resourceConfig,
} from '../../../src/backends/local/config-files.js';
import type { ChannelSpec } from '../../../src/request.js';

const s3 = (uri: string) => {
  const [bucket = '', ...key] = uri.replace('s3://', '').split('/');
  return { kind: 's3' as const, uri, bucket, key: key.join('/') };
};

function channel(name: string, overrides: Partial<ChannelSpec> = {}): ChannelSpec {
  return {
    name,
    source: { kind: 'local', path: `/data/${name}` },
    inputMode: 'File',
    distribution: 'FullyReplicated',
    compression: 'None',
    recordWrapper: 'None',
    ...overrides,
  };
}

describe('hostNames', () => {
  it.each([
    [1, ['algo-1']],
    [3, ['algo-1', 'algo-2', 'algo-3']],
  ])('%i host(s)', (count, expected) => expect(hostNames(count)).toEqual(expected));
});

describe('hyperparametersConfig', () => {
  it.each([
    [{}, {}],
    [
      { epochs: '10', lr: '0.05' },
      { epochs: '10', lr: '0.05' },
    ],
    [
      { json: '{"a":1}', empty: '' },
      { json: '{"a":1}', empty: '' },
    ],
  ])('%j', (input, expected) => expect(hyperparametersConfig(input)).toEqual(expected));
});

describe('resourceConfig', () => {
  it.each([
    {
      currentHost: 'algo-1',
      hosts: ['algo-1'],
      instanceType: 'local',
    },
    {
      currentHost: 'algo-2',
      hosts: ['algo-1', 'algo-2'],
      instanceType: 'ml.g5.xlarge',
    },
  ])('$currentHost of $hosts on $instanceType', (opts) => {
    expect(resourceConfig(opts)).toEqual({
      current_host: opts.currentHost,
      current_instance_type: opts.instanceType,
      current_group_name: 'homogeneousCluster',
      hosts: opts.hosts,
      instance_groups: [
        { instance_group_name: 'homogeneousCluster', instance_type: opts.instanceType, hosts: opts.hosts },
      ],
      network_interface_name: 'eth0',
    });
  });
});

describe('inputDataConfig', () => {
  it.each<[string, ChannelSpec[], unknown]>([
    ['no channels', [], {}],
    [
      'a plain channel',
      [channel('train')],
      { train: { TrainingInputMode: 'File', S3DistributionType: 'FullyReplicated', RecordWrapperType: 'None' } },
    ],
    [
      'content type, sharding, record wrapper, FastFile',
      [
        channel('train', { contentType: 'text/csv', distribution: 'ShardedByS3Key' }),
        channel('validation', { inputMode: 'FastFile', recordWrapper: 'RecordIO', source: s3('s3://b/val/') }),
      ],
      {
        train: {
          TrainingInputMode: 'File',
          ContentType: 'text/csv',
          S3DistributionType: 'ShardedByS3Key',
          RecordWrapperType: 'None',
        },
        validation: {
          TrainingInputMode: 'FastFile',
          S3DistributionType: 'FullyReplicated',
          RecordWrapperType: 'RecordIO',
        },
      },
    ],
  ])('%s', (_label, channels, expected) => expect(inputDataConfig(channels)).toEqual(expected));
});

describe('checkpointConfig', () => {
  it.each([
    [{ containerPath: '/opt/ml/checkpoints', hostPath: '/h' }, { LocalPath: '/opt/ml/checkpoints' }],
    [
      { containerPath: '/ckpt', hostPath: '/h', s3Uri: s3('s3://bucket/ckpt/') },
      { LocalPath: '/ckpt', S3Uri: 's3://bucket/ckpt/' },
    ],
  ])('%j', (input, expected) => expect(checkpointConfig(input)).toEqual(expected));
});

describe('hostConfigFiles', () => {
  it('writes checkpointconfig.json only when checkpoints are configured', () => {
    const base = { currentHost: 'algo-1', hosts: ['algo-1'], instanceType: 'local', hyperparameters: {}, channels: [] };
    expect(Object.keys(hostConfigFiles(base))).toEqual([
      'hyperparameters.json',
      'resourceconfig.json',
      'inputdataconfig.json',
    ]);
    expect(
      Object.keys(hostConfigFiles({ ...base, checkpoint: { containerPath: '/opt/ml/checkpoints', hostPath: '/h' } })),
    ).toContain('checkpointconfig.json');
  });
});
