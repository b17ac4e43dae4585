// AWS client factories for the remote modes, with the explicit retries REFERENCE.md asks of every client (standard
// mode, 10 attempts). Each SDK is imported lazily: a local run never loads them.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { SageMakerClient } from '@aws-sdk/client-sagemaker';

export { createS3Client } from './s3.js';

/** Retry settings shared by every client the project creates. */
export const CLIENT_RETRY = { maxAttempts: 10, retryMode: 'standard' } as const;

export async function createSageMakerClient(region: string): Promise<SageMakerClient> {
  const { SageMakerClient } = await import('@aws-sdk/client-sagemaker');
  return new SageMakerClient({ region, ...CLIENT_RETRY });
}

export async function createCloudWatchLogsClient(region: string): Promise<CloudWatchLogsClient> {
  const { CloudWatchLogsClient } = await import('@aws-sdk/client-cloudwatch-logs');
  return new CloudWatchLogsClient({ region, ...CLIENT_RETRY });
}
