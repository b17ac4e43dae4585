import type { DraftRequest, TrainingRequest } from '../../src/request.js';
import { asRequest } from '../helpers/typed-request.js';
import type { TrainingResult } from '../../src/result.js';

export function makeRequest(overrides: Partial<DraftRequest> = {}): TrainingRequest {
  return asRequest({
    mode: 'local',
    workspace: '/ws',
    configFile: '/ws/.github/sagemaker-training.yml',
    region: 'us-east-1',
    wait: true,
    image: {
      kind: 'build',
      dockerfile: '/ws/Dockerfile',
      context: '/ws',
      buildArgs: {},
      platform: 'linux/amd64',
    },
    job: {
      namePrefix: 'iris',
      instanceType: 'local',
      instanceCount: 1,
      volumeSizeGb: 30,
      maxRuntimeSeconds: 3600,
      environment: {},
      capacityRetries: 0,
    },
    channels: [
      {
        name: 'train',
        source: { kind: 'local', path: '/ws/data' },
        inputMode: 'File',
        distribution: 'FullyReplicated',
        compression: 'None',
        recordWrapper: 'None',
      },
    ],
    output: { kind: 'local', path: '/ws/.sagemaker-train/output' },
    hyperparameters: { epochs: '10' },
    metrics: [
      { name: 'accuracy', regex: 'accuracy=([0-9.]+)', goal: 'maximize', threshold: 0.8 },
      { name: 'loss', regex: 'loss=([0-9.]+)', goal: 'minimize' },
    ],
    local: { gpu: 'optional', cancelGraceSeconds: 5 },
    tags: {},
    ...overrides,
  });
}

export function makeResult(overrides: Partial<TrainingResult> = {}): TrainingResult {
  return {
    mode: 'local',
    jobName: 'iris-20250101-120000-abcd',
    status: 'Completed',
    metrics: { accuracy: 0.9, loss: 0.1 },
    metricSeries: {
      accuracy: [{ timestamp: 1, value: 0.9 }],
      loss: [{ timestamp: 1, value: 0.1 }],
    },
    modelArtifacts: '/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/model.tar.gz',
    outputArtifacts: '/ws/.sagemaker-train/output/iris-20250101-120000-abcd/output/output.tar.gz',
    imageUri: 'sagemaker-train/iris:local',
    instanceType: 'local',
    instanceCount: 1,
    startedAt: '2025-01-01T12:00:00.000Z',
    endedAt: '2025-01-01T12:01:05.000Z',
    durationSeconds: 65,
    hosts: [{ host: 'algo-1', exitCode: 0 }],
    logTail: ['epoch 1', 'accuracy=0.9 loss=0.1'],
    links: [],
    ...overrides,
  };
}
