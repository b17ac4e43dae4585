// The action's credential set-up: the role assumed up front (and set for every client), or, without one, the default
// credentials checked once against the run's deadline.
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { clientConfig, installedCredentials } from '../../src/aws/client-config.js';
import { setUpAwsCredentials, warnIfCredentialsExpireEarly, type RoleToAssume } from '../../src/aws/credentials.js';
import { waitDeadlineSeconds } from '../../src/wait/deadline.js';
import { ActionLogger } from '../../src/action/logger.js';
import { FakeCore } from '../action/fake-core.js';
import { sagemakerRequest } from '../backends/sagemaker/request.js';
import { REQUEST_TOKEN, startStandIn, SUBJECT, type StandIn } from './oidc-sts-stand-in.js';

const NOW = Date.parse('2026-11-21T10:00:00Z');
const HOUR = 3_600_000;

function expiringAt(expiration: Date | undefined): AwsCredentialIdentityProvider & { calls: number } {
  const provider = Object.assign(
    () => {
      provider.calls++;
      return Promise.resolve({
        accessKeyId: 'ASIAEXAMPLE',
        secretAccessKey: 'secret',
        ...(expiration ? { expiration } : {}),
      });
    },
    { calls: 0 },
  );
  return provider;
}

describe('waitDeadlineSeconds (the deadline the expiry check uses)', () => {
  it.each([
    [{ maxRuntimeSeconds: 3600 }, 7200],
    [{ maxRuntimeSeconds: 7200, spot: { maxWaitSeconds: 10_800 } }, 7200 + 10_800 + 3600],
  ])('%j → %i', (job, expected) => expect(waitDeadlineSeconds(sagemakerRequest({ job }).job)).toBe(expected));
});

describe('warnIfCredentialsExpireEarly', () => {
  it('warns with both times and suggests role-to-assume when the credentials expire before the deadline', async () => {
    const core = new FakeCore();
    const warned = await warnIfCredentialsExpireEarly({
      request: sagemakerRequest({ job: { maxRuntimeSeconds: 2 * 3600, spot: { maxWaitSeconds: 3600 } } }),
      logger: new ActionLogger(core),
      credentials: expiringAt(new Date(NOW + HOUR)),
      now: () => NOW,
    });
    expect(warned).toBe(true);
    expect(core.events.filter((e) => e.startsWith('warning'))).toEqual([
      'warning The AWS credentials expire at 2026-11-21T11:00:00.000Z, before this run may end ' +
        '(2026-11-21T14:00:00.000Z: max runtime 2h + max wait 1h + 1h margin). Once they expire the job can no longer ' +
        'be watched or stopped from here. Set the input role-to-assume (with `permissions: id-token: write`) so the ' +
        "action renews them itself through GitHub's OIDC token, or ask for a longer session (role-duration-seconds of " +
        "aws-actions/configure-aws-credentials, within the role's maximum session duration).",
    ]);
  });

  it.each([
    ['expire after the deadline', new Date(NOW + 3 * HOUR)],
    ['never expire (long-term keys)', undefined],
  ])('stays quiet when the credentials %s', async (_, expiration) => {
    const core = new FakeCore();
    const warned = await warnIfCredentialsExpireEarly({
      request: sagemakerRequest({ job: { maxRuntimeSeconds: 3600 } }),
      logger: new ActionLogger(core),
      credentials: expiringAt(expiration),
      now: () => NOW,
    });
    expect(warned).toBe(false);
    expect(core.log).not.toContain('warning');
  });

  it('never fails: credentials that cannot be resolved are noted at debug level only', async () => {
    const core = new FakeCore();
    const warned = await warnIfCredentialsExpireEarly({
      request: sagemakerRequest(),
      logger: new ActionLogger(core),
      credentials: () => Promise.reject(new Error('Could not load credentials from any providers')),
    });
    expect(warned).toBe(false);
    expect(core.events).toEqual([
      'debug Could not resolve the default AWS credentials to check their expiry: Could not load credentials from any providers',
    ]);
  });

  it('gives up on a chain that does not answer', async () => {
    const core = new FakeCore();
    const warned = await warnIfCredentialsExpireEarly({
      request: sagemakerRequest(),
      logger: new ActionLogger(core),
      credentials: () => new Promise(() => undefined),
      timeoutMs: 20,
    });
    expect(warned).toBe(false);
    expect(core.log).toContain('no answer within 20 ms');
  });
});

describe('setUpAwsCredentials', () => {
  let standIn: StandIn;
  let remove: (() => void) | undefined;
  const role: RoleToAssume = {
    roleArn: 'arn:aws:iam::123456789012:role/github-training',
    sessionName: 'sagemaker-train-99',
    durationSeconds: 7200,
  };

  // The SDK's provider judges expiry by the real clock, so the stand-in issues credentials on the real clock too
  // (a fixed date here made the renewal fire once that date was two hours in the past).
  let issuedAt = 0;
  beforeEach(async () => {
    issuedAt = Date.now();
    standIn = await startStandIn(() => issuedAt);
    // STS alone is pointed at the stand-in, through the SDK's own service-specific variable.
    vi.stubEnv('AWS_ENDPOINT_URL_STS', standIn.url);
  });
  afterEach(async () => {
    remove?.();
    remove = undefined;
    vi.unstubAllEnvs();
    await standIn.close();
  });

  const env = (): Record<string, string> => ({
    ACTIONS_ID_TOKEN_REQUEST_URL: standIn.idTokenUrl,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN,
  });

  it('with a role: assumes it before any client exists and sets it for every client until removed', async () => {
    const core = new FakeCore();
    remove = await setUpAwsCredentials({
      role,
      request: sagemakerRequest(),
      env: env(),
      logger: new ActionLogger(core),
    });
    expect(standIn.assumeCalls).toHaveLength(1);
    expect(standIn.assumeCalls[0]).toMatchObject({
      roleArn: role.roleArn,
      sessionName: 'sagemaker-train-99',
      durationSeconds: 7200,
    });
    const provider = clientConfig('eu-west-1').credentials;
    expect(provider).toBeDefined();
    expect((await provider!()).accessKeyId).toBe(standIn.issued[0]?.accessKeyId);
    expect(standIn.assumeCalls).toHaveLength(1);
    expect(core.log).toContain(`Assumed role ${role.roleArn}`);
    // Who the calls run as (account, role, session) and until when: logged, with no secret in it.
    expect(core.log).toContain(
      `session arn:aws:sts::123456789012:assumed-role/github-training/sagemaker-train-99, valid until ${new Date(issuedAt + 7200_000).toISOString()}`,
    );
    remove();
    expect(installedCredentials()).toBeUndefined();
  });

  it('with a role the trust policy refuses: fails at once, naming the role and the sub, and sets nothing', async () => {
    standIn.stsError = {
      status: 403,
      code: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
    };
    await expect(
      setUpAwsCredentials({ role, request: sagemakerRequest(), env: env(), logger: new ActionLogger(new FakeCore()) }),
    ).rejects.toThrow(
      `Could not assume role ${role.roleArn} with GitHub's OIDC token (the token's sub is "${SUBJECT}")`,
    );
    expect(installedCredentials()).toBeUndefined();
  });

  it('without a role, in a remote mode that waits: checks the default credentials and warns', async () => {
    const core = new FakeCore();
    const chain = expiringAt(new Date(NOW + HOUR));
    remove = await setUpAwsCredentials({
      request: sagemakerRequest(),
      env: {},
      logger: new ActionLogger(core),
      defaultCredentials: chain,
      now: () => NOW,
    });
    expect(chain.calls).toBe(1);
    expect(core.log).toContain('warning The AWS credentials expire at 2026-11-21T11:00:00.000Z');
    expect(installedCredentials()).toBeUndefined();
  });

  it.each([
    ['local mode', sagemakerRequest({ mode: 'local' })],
    ['a run that does not wait', sagemakerRequest({ mode: 'fargate', wait: false })],
  ])('without a role, skips the check in %s', async (_, request) => {
    const core = new FakeCore();
    const chain = expiringAt(new Date(NOW + 60_000));
    remove = await setUpAwsCredentials({ request, env: {}, logger: new ActionLogger(core), defaultCredentials: chain });
    expect(chain.calls).toBe(0);
    expect(core.events).toEqual([]);
  });
});
