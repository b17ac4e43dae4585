// The configuration's limits (SageMaker's and ECS's, checked before anything runs), its defaults, and the example
// values its messages show.

import { ECS_NAME_MAX_LENGTH, KMS_KEY_ID_MAX_LENGTH, RESOURCE_ID_MAX_LENGTH } from '../../patterns.js';
import type { FargateCapacity, LocalGpuPolicy, Mode } from '../../request.js';

/** Limits of the SageMaker API (and of this tool's local mode) checked before anything runs. */
export const LIMITS = {
  instanceCount: { min: 1, max: 100 },
  localInstanceCount: 8,
  volumeSizeGb: { min: 1, max: 16_384 },
  maxRuntimeSeconds: { min: 1, max: 2_419_200 },
  keepAliveSeconds: { min: 0, max: 3_600 },
  maxRetryAttempts: { min: 1, max: 30 },
  capacityRetries: { min: 0, max: 5 },
  vpcSubnets: { min: 1, max: 16 },
  vpcSecurityGroups: { min: 1, max: 5 },
  resourceId: RESOURCE_ID_MAX_LENGTH,
  kmsKeyId: KMS_KEY_ID_MAX_LENGTH,
  fargateSubnets: { min: 1, max: 16 },
  fargateSecurityGroups: { min: 0, max: 5 },
  ecsName: ECS_NAME_MAX_LENGTH,
  cancelGraceSeconds: { min: 0, max: 60 },
  metrics: 40,
  metricName: 255,
  metricRegex: 500,
  hyperparameters: 100,
  hyperparameterKey: 256,
  hyperparameterValue: 2_500,
  environment: 100,
  environmentKey: 512,
  environmentValue: 512,
  containerList: 100,
  containerListItem: 256,
  channels: 20,
  channelName: 64,
  tags: 50,
  tagKey: 128,
  tagValue: 256,
} as const;

export const DEFAULTS = {
  mode: 'local' as Mode,
  region: 'us-east-1',
  namePrefix: 'training',
  instanceType: 'ml.m5.large',
  instanceCount: 1,
  volumeSizeGb: 30,
  maxRuntimeSeconds: 86_400,
  platform: 'linux/amd64',
  checkpointContainerPath: '/opt/ml/checkpoints',
  localOutput: '.sagemaker-train/output',
  localGpu: 'required' as LocalGpuPolicy,
  cancelGraceSeconds: 5,
  capacityRetries: 0,
  wait: true,
  reuse: true,
  fargateContainer: 'runner',
  fargateCapacity: 'FARGATE' as FargateCapacity,
  assignPublicIp: false,
} as const;

export const EXAMPLE_ROLE = 'arn:aws:iam::123456789012:role/SageMakerTraining';
export const EXAMPLE_SUBNET = 'subnet-0123456789abcdef0';
export const EXAMPLE_SECURITY_GROUP = 'sg-0123456789abcdef0';
export const EXAMPLE_FARGATE = `{ cluster: training, task-definition: sagemaker-train-runner, subnets: [${EXAMPLE_SUBNET}] }`;

/** An environment variable or build argument name. */
export const ENV_NAME_PATTERN = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
