import { describe, expect, it } from 'vitest';

import {
  containerCommand,
  containerEnv,
  trainingContainerOptions,
  trainingJobArn,
} from '../../../src/backends/local/containers.js';
import { localRequest } from './request.js';

describe('trainingJobArn', () => {
  it('lowercases the name', () => {
    expect(trainingJobArn('us-east-1', 'My-Job-1')).toBe(
      'arn:aws:sagemaker:us-east-1:000000000000:training-job/my-job-1',
    );
  });
});

describe('containerEnv', () => {
  it('adds the service variables after the job environment, which cannot override them', () => {
    expect(
      containerEnv({
        region: 'eu-west-1',
        jobName: 'job',
        environment: { A: '1', TRAINING_JOB_NAME: 'spoof', B: 'x=y' },
      }),
    ).toEqual([
      'A=1',
      'TRAINING_JOB_NAME=job',
      'B=x=y',
      'TRAINING_JOB_ARN=arn:aws:sagemaker:eu-west-1:000000000000:training-job/job',
      'AWS_REGION=eu-west-1',
    ]);
  });
});

describe('containerCommand', () => {
  it.each([
    [{}, { Cmd: ['train'] }],
    [{ arguments: [] }, { Cmd: ['train'] }],
    [{ arguments: ['--epochs', '3'] }, { Cmd: ['train'], ignoredArguments: ['--epochs', '3'] }],
    [{ entrypoint: ['python', 'train.py'] }, { Entrypoint: ['python', 'train.py'], Cmd: [] }],
    [
      { entrypoint: ['python', 'train.py'], arguments: ['--epochs', '3'] },
      { Entrypoint: ['python', 'train.py'], Cmd: ['--epochs', '3'] },
    ],
  ])('%j', (job, expected) => expect(containerCommand(job)).toEqual(expected));
});

describe('trainingContainerOptions', () => {
  const request = localRequest({ job: { environment: { X: '1' } } });
  const mounts = [
    { source: '/tmp/w/algo-1/config', target: '/opt/ml/input/config', readOnly: true },
    { source: '/data/train', target: '/opt/ml/input/data/train', readOnly: true },
    { source: '/ckpt', target: '/opt/ml/checkpoints', readOnly: false },
  ];
  const artifacts = {
    model: '/tmp/w/artifacts/algo-1/model',
    output: '/tmp/w/artifacts/algo-1/output',
    outputData: '/tmp/w/artifacts/algo-1/output-data',
  };
  /** An anonymous volume of the local driver bound to a host folder, labelled with the job. */
  const bound = (device: string, target: string) => ({
    Type: 'volume',
    Source: '',
    Target: target,
    VolumeOptions: {
      NoCopy: false,
      Labels: { 'sagemaker-train.job': 'job' },
      DriverConfig: { Name: 'local', Options: { type: 'none', o: 'bind', device } },
    },
  });

  it('names, labels and mounts a single host without a network or GPUs', () => {
    const options = trainingContainerOptions({
      request,
      jobName: 'job',
      host: 'algo-1',
      imageUri: 'img',
      mounts,
      artifacts,
    });
    expect(options).toMatchObject({
      name: 'job-algo-1',
      Image: 'img',
      Hostname: 'algo-1',
      Cmd: ['train'],
      Labels: { 'sagemaker-train.job': 'job', 'sagemaker-train.host': 'algo-1' },
      Tty: false,
      HostConfig: {
        Mounts: [
          { Type: 'bind', Source: '/tmp/w/algo-1/config', Target: '/opt/ml/input/config', ReadOnly: true },
          { Type: 'bind', Source: '/data/train', Target: '/opt/ml/input/data/train', ReadOnly: true },
          { Type: 'bind', Source: '/ckpt', Target: '/opt/ml/checkpoints', ReadOnly: false },
          // Model and output: volumes (the image's folder is copied in, as Docker does), bound to host folders.
          bound('/tmp/w/artifacts/algo-1/model', '/opt/ml/model'),
          bound('/tmp/w/artifacts/algo-1/output', '/opt/ml/output'),
          bound('/tmp/w/artifacts/algo-1/output-data', '/opt/ml/output/data'),
        ],
      },
    });
    expect(options).not.toHaveProperty('Volumes');
    expect(options).not.toHaveProperty('Entrypoint');
    expect(options).not.toHaveProperty('NetworkingConfig');
    expect(options.HostConfig).not.toHaveProperty('NetworkMode');
    expect(options.HostConfig).not.toHaveProperty('DeviceRequests');
  });

  it('joins the job network under its host alias and requests all GPUs', () => {
    const options = trainingContainerOptions({
      request,
      jobName: 'job',
      host: 'algo-2',
      imageUri: 'img',
      mounts,
      artifacts,
      network: 'job',
      gpus: { Driver: '', Count: -1, Capabilities: [['gpu']] },
    });
    expect(options.HostConfig?.NetworkMode).toBe('job');
    expect(options.NetworkingConfig).toEqual({ EndpointsConfig: { job: { Aliases: ['algo-2'] } } });
    expect(options.HostConfig?.DeviceRequests).toEqual([{ Driver: '', Count: -1, Capabilities: [['gpu']] }]);
  });
});
