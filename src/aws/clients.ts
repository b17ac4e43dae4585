// AWS client factories for the remote modes, with the explicit retries docs/service-rules.md asks for (standard
// mode, 10 attempts). Each SDK is imported lazily: a local run never loads them.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

import { clientConfig } from './client-config.js';

export { CLIENT_RETRY, clientConfig } from './client-config.js';
export { createS3Client } from './s3.js';

export async function createSageMakerClient(region: string): Promise<SageMakerClient> {
  const { SageMakerClient } = await import('@aws-sdk/client-sagemaker');
  return new SageMakerClient(clientConfig(region));
}

export async function createCloudWatchLogsClient(region: string): Promise<CloudWatchLogsClient> {
  const { CloudWatchLogsClient } = await import('@aws-sdk/client-cloudwatch-logs');
  return new CloudWatchLogsClient(clientConfig(region));
}

export async function createEcsClient(region: string): Promise<ECSClient> {
  const { ECSClient } = await import('@aws-sdk/client-ecs');
  return new ECSClient(clientConfig(region));
}

export async function createSecretsManagerClient(region: string): Promise<SecretsManagerClient> {
  const { SecretsManagerClient } = await import('@aws-sdk/client-secrets-manager');
  return new SecretsManagerClient(clientConfig(region));
}
