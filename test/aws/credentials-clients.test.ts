// The provider set with useCredentials reaches the SDK clients the project creates: the local stand-in sees requests
// signed with the access key STS issued (and its session token), and a client re-asks when they are about to expire.
import { ListTrainingJobsCommand } from '@aws-sdk/client-sagemaker';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { clientConfig, installedCredentials, useCredentials } from '../../src/aws/client-config.js';
import { createSageMakerClient } from '../../src/aws/clients.js';
import { OidcRoleCredentials } from '../../src/aws/credentials.js';
import { ActionLogger } from '../../src/action/logger.js';
import { FakeCore } from '../action/fake-core.js';
import { REQUEST_TOKEN, startStandIn, type StandIn } from './oidc-sts-stand-in.js';

let standIn: StandIn;
let remove: (() => void) | undefined;

beforeEach(async () => {
  standIn = await startStandIn();
  // Every AWS service of the SDK (STS included) goes to the stand-in, as a user would point the SDK elsewhere.
  vi.stubEnv('AWS_ENDPOINT_URL', standIn.url);
});
afterEach(async () => {
  remove?.();
  remove = undefined;
  vi.unstubAllEnvs();
  await standIn.close();
});

function role(): OidcRoleCredentials {
  return new OidcRoleCredentials({
    roleArn: 'arn:aws:iam::123456789012:role/github-training',
    sessionName: 'sagemaker-train-7',
    durationSeconds: 3600,
    region: 'us-east-1',
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: standIn.idTokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN },
    logger: new ActionLogger(new FakeCore()),
  });
}

describe('clientConfig credentials', () => {
  it('carries no credentials until some are set (the SDK default chain applies)', () => {
    expect(clientConfig('eu-west-1')).toEqual({ region: 'eu-west-1', maxAttempts: 10, retryMode: 'standard' });
    expect(installedCredentials()).toBeUndefined();
  });

  it('signs the requests of a client created afterwards with the assumed role', async () => {
    const creds = role();
    remove = useCredentials(creds.provider);
    expect(clientConfig('eu-west-1').credentials).toBe(creds.provider);

    const sagemaker = await createSageMakerClient('us-east-1');
    await sagemaker.send(new ListTrainingJobsCommand({}));
    expect(standIn.signedCalls).toEqual([
      {
        target: 'SageMaker.ListTrainingJobs',
        accessKeyId: standIn.issued[0]?.accessKeyId,
        sessionToken: standIn.issued[0]?.sessionToken,
      },
    ]);
  });

  it('a client asks again when the credentials are about to expire, and signs with the renewed ones', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-21T10:00:00Z'));
      remove = useCredentials(role().provider);
      const sagemaker = await createSageMakerClient('us-east-1');
      await sagemaker.send(new ListTrainingJobsCommand({}));
      vi.setSystemTime(new Date('2026-11-21T10:30:00Z'));
      await sagemaker.send(new ListTrainingJobsCommand({}));
      expect(standIn.assumeCalls).toHaveLength(1);
      vi.setSystemTime(new Date('2026-11-21T10:56:00Z')); // 4 minutes before the session ends
      await sagemaker.send(new ListTrainingJobsCommand({}));
      expect(standIn.assumeCalls).toHaveLength(2);
      expect(standIn.issued[1]?.expiration).toEqual(new Date('2026-11-21T11:56:00Z'));
      expect(standIn.signedCalls.map((c) => c.accessKeyId)).toEqual([
        standIn.issued[0]?.accessKeyId,
        standIn.issued[0]?.accessKeyId,
        standIn.issued[1]?.accessKeyId,
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is set once: another provider is refused until the first is removed', () => {
    const first = role().provider;
    const second = role().provider;
    remove = useCredentials(first);
    expect(useCredentials(first)).toBeTypeOf('function');
    expect(() => useCredentials(second)).toThrow('AWS credentials are already set for this process');
    remove();
    expect(clientConfig('eu-west-1').credentials).toBeUndefined();
    remove = useCredentials(second);
    expect(clientConfig('eu-west-1').credentials).toBe(second);
  });
});
