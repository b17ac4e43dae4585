// AWS credentials for the action: with role-to-assume, a role assumed through GitHub's OIDC token and renewed ahead
// of expiry for as long as the run waits; without it, the SDK's default chain, checked once against the run's
// deadline so that credentials which will expire mid-wait are reported up front.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

import { formatDuration } from '../config/duration.js';
import type { Logger } from '../logger.js';
import type { TrainingRequest } from '../request.js';
import type { RunIdentity } from '../run-identity.js';
import { awsErrorName } from '../wait/backoff.js';
import { DEADLINE_MARGIN_SECONDS, waitDeadlineSeconds, waitsOnAws } from '../wait/deadline.js';
import { CLIENT_RETRY, useCredentials } from './client-config.js';
import { fetchGithubIdToken, idTokenClaims, STS_AUDIENCE } from './github-oidc.js';
import { RefreshingCredentials } from './refreshing-credentials.js';
import { messageOf } from '../error-message.js';

export { useCredentials } from './client-config.js';
export { IdTokenUnavailableError } from './github-oidc.js';

export { ROLE_ARN_PATTERN } from '../patterns.js';
/** STS's RoleSessionName: 2 to 64 of these characters. */
const SESSION_NAME_FORBIDDEN = /[^\w+=,.@-]/g;
export const SESSION_DURATION = { min: 900, max: 43_200, default: 3600 } as const;

/** The role the action assumes itself (inputs role-to-assume, role-session-name, role-duration-seconds). */
export interface RoleToAssume {
  roleArn: string;
  sessionName: string;
  durationSeconds: number;
}

/** `name` with every character STS refuses replaced by `-`, cut to 64 characters. */
export function sanitizeSessionName(name: string): string {
  return name.replace(SESSION_NAME_FORBIDDEN, '-').slice(0, 64);
}

/** `sagemaker-train-<run id>`, which CloudTrail shows for every call the run makes. */
export function defaultSessionName(identity: RunIdentity): string {
  return sanitizeSessionName(`sagemaker-train-${identity.runId ?? 'local'}`);
}

/** Who the action is in AWS once the role is assumed: safe to log (no secret in it). */
export interface RoleSession {
  roleArn: string;
  sessionName: string;
  accountId: string;
  /** arn:aws:sts::<account>:assumed-role/<role name>/<session name>, as CloudTrail shows it. */
  assumedRoleArn: string;
  accessKeyId: string;
  expiration: Date;
}

export interface OidcRoleOptions extends RoleToAssume {
  /** STS's region (its regional endpoint); the request's region. */
  region: string;
  /** Where ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are read. */
  env: Record<string, string | undefined>;
  /** Masks every token and secret before anything could print it; reports renewals. */
  logger: Logger;
  /** Milliseconds since the epoch (the refresh decisions). */
  now?: () => number;
  /** The HTTP client for GitHub's token endpoint. */
  fetch?: typeof fetch;
  /** More STS client configuration (an endpoint); by default the SDK's, which honours AWS_ENDPOINT_URL_STS. */
  stsClientConfig?: Record<string, unknown>;
}

/**
 * A role assumed with a fresh GitHub ID token each time its credentials come within five minutes of expiry: one
 * renewal at a time, shared by every client; a failed renewal keeps the old credentials while they still work.
 */
export class OidcRoleCredentials {
  private readonly refreshing: RefreshingCredentials;
  private lastSession: RoleSession | undefined;

  constructor(private readonly opts: OidcRoleOptions) {
    this.refreshing = new RefreshingCredentials({
      fetch: () => this.assume(),
      ...(opts.now ? { now: opts.now } : {}),
      onRenewalFailed: (err, current) =>
        opts.logger.warning(
          `Could not renew the AWS credentials of role ${opts.roleArn} (${messageOf(err)}); the current ones ` +
            `stay valid until ${current.expiration?.toISOString() ?? '?'} and renewal will be tried again.`,
        ),
    });
  }

  /** For SDK clients (clientConfig's `credentials`, through useCredentials). */
  get provider(): AwsCredentialIdentityProvider {
    return this.refreshing.provider;
  }

  /** Current credentials, renewed when due. */
  get(): Promise<AwsCredentialIdentity> {
    return this.refreshing.get();
  }

  /** The session last obtained, when one was. */
  get session(): RoleSession | undefined {
    return this.lastSession;
  }

  private async assume(): Promise<AwsCredentialIdentity> {
    const { logger, roleArn, sessionName, durationSeconds } = this.opts;
    const mask = (secret: string): void => logger.mask?.(secret);
    const token = await fetchGithubIdToken({
      env: this.opts.env,
      mask,
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
    });
    const { fromWebToken } = await import('@aws-sdk/credential-providers');
    let credentials: AwsCredentialIdentity;
    try {
      credentials = await fromWebToken({
        roleArn,
        roleSessionName: sessionName,
        webIdentityToken: token,
        durationSeconds,
        clientConfig: { region: this.opts.region, ...CLIENT_RETRY, ...this.opts.stsClientConfig },
      })();
    } catch (err) {
      throw assumeRoleError(err, this.opts, idTokenClaims(token));
    }
    mask(credentials.secretAccessKey);
    if (credentials.sessionToken) mask(credentials.sessionToken);
    if (!credentials.expiration) throw new Error(`STS returned credentials for role ${roleArn} with no expiration`);
    const renewal = this.lastSession !== undefined;
    this.lastSession = roleSession(this.opts, credentials);
    logger.info(
      `${renewal ? 'Renewed' : 'Assumed'} role ${roleArn} through GitHub's OIDC token: session ` +
        `${this.lastSession.assumedRoleArn}, valid until ${credentials.expiration.toISOString()}.`,
    );
    return credentials;
  }
}

function roleSession(role: RoleToAssume, credentials: AwsCredentialIdentity): RoleSession {
  // arn:<partition>:iam::<account>:role/<path/><name>
  const [, partition = 'aws', , , account = ''] = role.roleArn.split(':');
  const roleName = role.roleArn.slice(role.roleArn.lastIndexOf('/') + 1);
  const accountId = credentials.accountId ?? account;
  return {
    roleArn: role.roleArn,
    sessionName: role.sessionName,
    accountId,
    assumedRoleArn: `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${role.sessionName}`,
    accessKeyId: credentials.accessKeyId,
    expiration: credentials.expiration ?? new Date(NaN),
  };
}

/** STS's refusal, with what to change; the token itself is never part of it. */
function assumeRoleError(err: unknown, role: RoleToAssume, claims: { sub?: string; aud?: string }): Error {
  const name = awsErrorName(err) ?? 'Error';
  const message = messageOf(err);
  const subject = claims.sub ? ` (the token's sub is "${claims.sub}")` : '';
  let hint: string;
  if (name === 'AccessDenied' || name === 'AccessDeniedException') {
    hint =
      `The role's trust policy must allow sts:AssumeRoleWithWebIdentity to the federated principal ` +
      `token.actions.githubusercontent.com with the condition token.actions.githubusercontent.com:aud = ` +
      `${STS_AUDIENCE} and a token.actions.githubusercontent.com:sub condition that matches ` +
      `${claims.sub ? `"${claims.sub}"` : 'this repository and branch or environment'}.`;
  } else if (name.startsWith('InvalidIdentityToken')) {
    hint =
      `The role's account needs an IAM OIDC identity provider for https://token.actions.githubusercontent.com ` +
      `whose audience list includes ${STS_AUDIENCE}.`;
  } else if (/DurationSeconds|MaxSessionDuration/i.test(message)) {
    hint =
      `role-duration-seconds (${role.durationSeconds}) exceeds the role's maximum session duration: lower it ` +
      `or raise the role's MaxSessionDuration.`;
  } else {
    hint = 'Check the role ARN and that STS is reachable in this region.';
  }
  return new Error(
    `Could not assume role ${role.roleArn} with GitHub's OIDC token${subject}: ${name}: ${message}. ${hint}`,
    { cause: err },
  );
}

export interface ExpiryCheckOptions {
  request: TrainingRequest;
  logger: Logger;
  /** Default: the SDK's default credential chain (fromNodeProviderChain), resolved once. */
  credentials?: AwsCredentialIdentityProvider;
  now?: () => number;
  /** Give up on resolving the chain after this long (the check never delays a run for long). */
  timeoutMs?: number;
  /** What to do about it; default: the action's advice (role-to-assume). */
  advice?: string;
}

const ACTION_ADVICE =
  "Set the input role-to-assume (with `permissions: id-token: write`) so the action renews them itself through GitHub's " +
  'OIDC token, or ask for a longer session (role-duration-seconds of aws-actions/configure-aws-credentials, within ' +
  "the role's maximum session duration).";

/** The command line's advice: credentials the SDK can renew on its own, or a longer session. */
export const CLI_EXPIRY_ADVICE =
  'Use a profile the SDK renews itself (role_arn with source_profile or credential_source, or IAM Identity Center), ' +
  "or ask for a longer session, within the role's maximum session duration.";

/**
 * Warns when the default credentials expire before the run's deadline. Never throws: credentials that cannot be
 * resolved are the clients' concern, reported where they are used. True when it warned.
 */
export async function warnIfCredentialsExpireEarly(opts: ExpiryCheckOptions): Promise<boolean> {
  const now = opts.now ?? (() => Date.now());
  let credentials: AwsCredentialIdentity;
  try {
    const provider = opts.credentials ?? (await import('@aws-sdk/credential-providers')).fromNodeProviderChain();
    credentials = await withTimeout(provider(), opts.timeoutMs ?? 10_000);
  } catch (err) {
    opts.logger.debug(`Could not resolve the default AWS credentials to check their expiry: ${messageOf(err)}`);
    return false;
  }
  const { expiration } = credentials;
  if (!expiration) return false;
  const seconds = waitDeadlineSeconds(opts.request.job);
  const deadline = new Date(now() + seconds * 1000);
  if (expiration.getTime() >= deadline.getTime()) return false;
  const { maxRuntimeSeconds, spot } = opts.request.job;
  opts.logger.warning(
    `The AWS credentials expire at ${expiration.toISOString()}, before this run may end ` +
      `(${deadline.toISOString()}: max runtime ${formatDuration(maxRuntimeSeconds)}` +
      `${spot ? ` + max wait ${formatDuration(spot.maxWaitSeconds)}` : ''} + ${formatDuration(DEADLINE_MARGIN_SECONDS)} ` +
      `margin). Once they expire the job can no longer be watched or stopped from here. ${opts.advice ?? ACTION_ADVICE}`,
  );
  return true;
}

export interface AwsCredentialsSetup {
  /** From the inputs; absent without role-to-assume. */
  role?: RoleToAssume;
  request: TrainingRequest;
  env: Record<string, string | undefined>;
  logger: Logger;
  now?: () => number;
  /** GitHub's token endpoint client (OIDC). */
  fetch?: typeof fetch;
  /** The default chain, for the expiry check (tests). */
  defaultCredentials?: AwsCredentialIdentityProvider;
}

/**
 * The action's credentials, before any AWS client exists. With a role: assume it once now (a trust policy problem
 * fails here, clearly) and give every client the renewing provider. Without: in a remote mode that waits, warn when
 * the default credentials expire before the deadline. Returns what undoes the setting (at the end of the step).
 */
export async function setUpAwsCredentials(o: AwsCredentialsSetup): Promise<() => void> {
  if (o.role) {
    const role = oidcRole({ ...o, role: o.role, region: o.request.region });
    await role.get();
    return useCredentials(role.provider);
  }
  if (waitsOnAws(o.request)) {
    await warnIfCredentialsExpireEarly({
      request: o.request,
      logger: o.logger,
      ...(o.defaultCredentials ? { credentials: o.defaultCredentials } : {}),
      ...(o.now ? { now: o.now } : {}),
    });
  }
  return () => undefined;
}

/**
 * For a later step of the same job (the post step, a fresh process): every client gets the same role, assumed on
 * first use. Returns what removes it.
 */
export function useRoleCredentials(
  o: Pick<AwsCredentialsSetup, 'env' | 'logger' | 'now' | 'fetch'> & { role: RoleToAssume; region: string },
): () => void {
  return useCredentials(oidcRole(o).provider);
}

function oidcRole(
  o: Pick<AwsCredentialsSetup, 'env' | 'logger' | 'now' | 'fetch'> & { role: RoleToAssume; region: string },
): OidcRoleCredentials {
  return new OidcRoleCredentials({
    ...o.role,
    region: o.region,
    env: o.env,
    logger: o.logger,
    ...(o.now ? { now: o.now } : {}),
    ...(o.fetch ? { fetch: o.fetch } : {}),
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
