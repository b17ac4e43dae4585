// The role assumed through GitHub's OIDC token, against a local stand-in of GitHub's token endpoint and of STS: the
// real SDK (fromWebToken, the STS client, its XML parsing) runs; only the HTTP server is fake.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { OidcRoleCredentials, type OidcRoleOptions } from '../../src/aws/credentials.js';
import { ActionLogger } from '../../src/action/logger.js';
import { FakeCore } from '../action/fake-core.js';
import { REQUEST_TOKEN, startStandIn, SUBJECT, type StandIn } from './oidc-sts-stand-in.js';

const ROLE = 'arn:aws:iam::123456789012:role/ci/github-training';
const MIN = 60_000;

let standIn: StandIn;
let clock: { t: number };
let core: FakeCore;

beforeEach(async () => {
  clock = { t: Date.parse('2026-11-21T10:00:00Z') };
  standIn = await startStandIn(() => clock.t);
  core = new FakeCore();
});
afterEach(() => standIn.close());

function role(overrides: Partial<OidcRoleOptions> = {}): OidcRoleCredentials {
  return new OidcRoleCredentials({
    roleArn: ROLE,
    sessionName: 'sagemaker-train-4242',
    durationSeconds: 3600,
    region: 'eu-west-1',
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: standIn.idTokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: REQUEST_TOKEN },
    logger: new ActionLogger(core),
    now: () => clock.t,
    stsClientConfig: { endpoint: standIn.url },
    ...overrides,
  });
}

/** Every secret the run saw: none may appear in anything printed, and each must have been masked. */
function secrets(): string[] {
  return [REQUEST_TOKEN, ...standIn.idTokens, ...standIn.issued.flatMap((c) => [c.secretAccessKey, c.sessionToken])];
}

function expectMaskedAndUnprinted(): void {
  for (const secret of secrets()) {
    expect(core.secrets, 'masked').toContain(secret);
    expect(core.log, 'printed').not.toContain(secret);
  }
}

describe('OidcRoleCredentials', () => {
  it('exchanges a GitHub ID token for the role credentials, masking every secret first', async () => {
    const creds = role();
    const got = await creds.get();

    expect(standIn.audiences).toEqual(['sts.amazonaws.com']);
    expect(standIn.assumeCalls).toEqual([
      { roleArn: ROLE, sessionName: 'sagemaker-train-4242', durationSeconds: 3600, token: standIn.idTokens[0] },
    ]);
    expect(got).toMatchObject({
      accessKeyId: standIn.issued[0]?.accessKeyId,
      secretAccessKey: standIn.issued[0]?.secretAccessKey,
      sessionToken: standIn.issued[0]?.sessionToken,
      expiration: new Date('2026-11-21T11:00:00Z'),
    });
    expect(creds.session).toEqual({
      roleArn: ROLE,
      sessionName: 'sagemaker-train-4242',
      accountId: '123456789012',
      assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/github-training/sagemaker-train-4242',
      accessKeyId: standIn.issued[0]?.accessKeyId,
      expiration: new Date('2026-11-21T11:00:00Z'),
    });
    expect(core.log).toContain(
      `info Assumed role ${ROLE} through GitHub's OIDC token: session ` +
        'arn:aws:sts::123456789012:assumed-role/github-training/sagemaker-train-4242, valid until 2026-11-21T11:00:00.000Z.',
    );
    // Masked before the first line that could print them.
    expect(core.events.indexOf('setSecret')).toBeLessThan(core.events.findIndex((e) => e.startsWith('info')));
    expectMaskedAndUnprinted();
  });

  it('renews near expiry with a fresh ID token and a second AssumeRoleWithWebIdentity', async () => {
    const creds = role();
    const first = await creds.get();
    clock.t += 50 * MIN;
    expect(await creds.provider()).toBe(first);
    expect(standIn.assumeCalls).toHaveLength(1);

    clock.t += 6 * MIN; // 4 minutes before expiry
    const second = await creds.provider();
    expect(standIn.idTokens).toHaveLength(2);
    expect(standIn.idTokens[1]).not.toBe(standIn.idTokens[0]);
    expect(standIn.assumeCalls.map((c) => c.token)).toEqual(standIn.idTokens);
    expect(second.accessKeyId).toBe(standIn.issued[1]?.accessKeyId);
    expect(second.accessKeyId).not.toBe(first.accessKeyId);
    expect(second.expiration).toEqual(new Date('2026-11-21T11:56:00Z'));
    expect(core.log).toContain(`info Renewed role ${ROLE}`);
    expectMaskedAndUnprinted();
  });

  it('keeps a long wait going: ten hours of calls on one-hour sessions', async () => {
    const creds = role();
    for (let minute = 0; minute <= 600; minute += 5) {
      const c = await creds.provider();
      expect(c.expiration!.getTime() - clock.t).toBeGreaterThan(5 * MIN - 1);
      clock.t += 5 * MIN;
    }
    // Renewed every 55–60 minutes: 11 sessions for 600 minutes.
    expect(standIn.assumeCalls.length).toBeGreaterThanOrEqual(10);
    expect(standIn.assumeCalls.length).toBeLessThanOrEqual(12);
  });

  it.each([
    [
      { status: 403, code: 'AccessDenied', message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity' },
      [
        `Could not assume role ${ROLE} with GitHub's OIDC token (the token's sub is "${SUBJECT}"): AccessDenied: ` +
          'Not authorized to perform sts:AssumeRoleWithWebIdentity.',
        'trust policy',
        `token.actions.githubusercontent.com:sub condition that matches "${SUBJECT}"`,
      ],
    ],
    [
      { status: 400, code: 'InvalidIdentityToken', message: 'No OpenIDConnect provider found in your account' },
      ['InvalidIdentityTokenException', 'IAM OIDC identity provider for https://token.actions.githubusercontent.com'],
    ],
    [
      {
        status: 400,
        code: 'ValidationError',
        message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      },
      ["role-duration-seconds (3600) exceeds the role's maximum session duration"],
    ],
  ])('explains STS refusing (%j)', async (error, expected) => {
    standIn.stsError = error;
    const failure = await role()
      .get()
      .then(
        () => undefined,
        (err: unknown) => err as Error,
      );
    expect(failure).toBeInstanceOf(Error);
    for (const text of expected) expect(failure?.message).toContain(text);
    for (const secret of secrets()) expect(failure?.message).not.toContain(secret);
    expectMaskedAndUnprinted();
  });

  it('says the job needs id-token: write when the token variables are missing, without any request', async () => {
    const creds = role({ env: {} });
    await expect(creds.get()).rejects.toThrow(
      "GitHub's OIDC token is not available to this job (ACTIONS_ID_TOKEN_REQUEST_URL and " +
        'ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set): role-to-assume needs `permissions: id-token: write`',
    );
    expect(standIn.idTokens).toEqual([]);
    expect(standIn.assumeCalls).toEqual([]);
  });

  it('reports GitHub refusing the token request', async () => {
    standIn.idTokenStatus = 403;
    await expect(role().get()).rejects.toThrow(
      'GitHub refused an OIDC token (HTTP 403: {"message":"Forbidden"}); check that the job has `permissions: id-token: write`',
    );
    expect(core.secrets).toContain(REQUEST_TOKEN);
  });

  it('warns and keeps the current credentials when a renewal fails while they still work', async () => {
    const creds = role({ stsClientConfig: { endpoint: standIn.url, maxAttempts: 1 } });
    const first = await creds.get();
    clock.t += 57 * MIN;
    standIn.stsError = { status: 503, code: 'ServiceUnavailable', message: 'try later' };
    expect(await creds.get()).toBe(first);
    expect(core.log).toMatch(
      new RegExp(
        `warning Could not renew the AWS credentials of role ${ROLE} \\(.*ServiceUnavailable.*\\); the current ones ` +
          'stay valid until 2026-11-21T11:00:00.000Z',
      ),
    );
  });
});
