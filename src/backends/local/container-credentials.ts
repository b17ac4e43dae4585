// local.aws-credentials: the AWS credentials this process uses, handed to the training containers as the SageMaker
// SDK's local mode does, masked first so that training code printing its environment cannot leak them.
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';

import { formatDuration } from '../../config/duration.js';
import type { Logger } from '../../logger.js';
import { messageOf } from '../../error-message.js';

/** Default: the credentials every client of this process uses (role-to-assume), else the SDK's default chain. */
export type CredentialSource = (region: string) => Promise<AwsCredentialIdentityProvider>;

export const defaultCredentialSource: CredentialSource = async (region) => {
  const { clientConfig } = await import('../../aws/client-config.js');
  const installed = clientConfig(region).credentials;
  if (installed) return installed;
  const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
  return fromNodeProviderChain();
};

/** The variables whose values must never be printed. */
export const SECRET_CREDENTIAL_VARIABLES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** The variables the AWS SDKs and CLI read, for the containers' environment. */
export function credentialVariables(credentials: AwsCredentialIdentity): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
  };
}

export interface ContainerCredentialsOptions {
  region: string;
  source: CredentialSource;
  logger: Logger;
  /** The run's max runtime: credentials that expire sooner are warned about (the containers cannot renew them). */
  maxRuntimeSeconds: number;
  now: () => Date;
}

/**
 * Resolves the credentials once, masks the secret parts, and warns when they expire before max runtime. A run that
 * asked for credentials and cannot have them fails here, before any container exists.
 */
export async function containerCredentials(o: ContainerCredentialsOptions): Promise<Record<string, string>> {
  let credentials: AwsCredentialIdentity;
  try {
    credentials = await (await o.source(o.region))();
  } catch (err) {
    throw new Error(
      `local.aws-credentials is true but no AWS credentials could be resolved (${messageOf(err)}). ` +
        'Configure credentials first (aws-actions/configure-aws-credentials, the input role-to-assume, or a profile), ' +
        'or remove local.aws-credentials.',
      { cause: err },
    );
  }
  o.logger.mask?.(credentials.secretAccessKey);
  if (credentials.sessionToken) o.logger.mask?.(credentials.sessionToken);
  const { expiration } = credentials;
  const end = o.now().getTime() + o.maxRuntimeSeconds * 1000;
  if (expiration && expiration.getTime() < end) {
    o.logger.warning(
      `The AWS credentials handed to the containers expire at ${expiration.toISOString()}, before max runtime ` +
        `(${formatDuration(o.maxRuntimeSeconds)}) could end: the containers cannot renew them, so AWS calls from the ` +
        'training code fail after that.',
    );
  }
  o.logger.info(
    `AWS credentials: the containers get access key ${credentials.accessKeyId}` +
      `${credentials.sessionToken ? ' with a session token' : ''} (local.aws-credentials)`,
  );
  return credentialVariables(credentials);
}
