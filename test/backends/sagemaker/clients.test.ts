import { describe, expect, it } from 'vitest';

import { createCloudWatchLogsClient, createSageMakerClient } from '../../../src/aws/clients.js';

describe('AWS client factories', () => {
  it.each([
    ['SageMaker', createSageMakerClient],
    ['CloudWatch Logs', createCloudWatchLogsClient],
  ])('%s: standard retries, 10 attempts, the region asked for', async (_name, create) => {
    const client = await create('ap-southeast-2');
    expect(await client.config.maxAttempts()).toBe(10);
    const strategy = (await client.config.retryStrategy()) as { mode?: string };
    expect(strategy.mode).toBe('standard');
    expect(await client.config.region()).toBe('ap-southeast-2');
  });
});
