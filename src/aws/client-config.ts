// The configuration every AWS client of this project is created with: its region, the explicit retries
// docs/service-rules.md asks of every client (standard, 10 attempts) and, when the action assumed a role itself, its
// credentials.
import type { AwsCredentialIdentityProvider } from '@aws-sdk/types';

/** Retry settings shared by every client the project creates. */
export const CLIENT_RETRY = { maxAttempts: 10, retryMode: 'standard' } as const;

export interface AwsClientConfig {
  region: string;
  maxAttempts: number;
  retryMode: 'standard';
  /** Absent: the SDK's default credential chain. */
  credentials?: AwsCredentialIdentityProvider;
}

// Module-level on purpose: every client factory (S3, ECR, SageMaker, CloudWatch Logs, ECS, Secrets Manager) already
// goes through clientConfig, so setting the provider here once reaches them all without threading it through every
// backend. Only the action sets one (role-to-assume); the CLI and the Fargate runner (its task role) keep the chain.
let installed: AwsCredentialIdentityProvider | undefined;

/**
 * Every client created from now on signs with `provider`. Set once per process; the returned function removes it
 * again (the end of a step, tests). A second, different provider is a programming error.
 */
export function useCredentials(provider: AwsCredentialIdentityProvider): () => void {
  if (installed !== undefined && installed !== provider) {
    throw new Error('AWS credentials are already set for this process; remove them before setting others');
  }
  installed = provider;
  return () => {
    if (installed === provider) installed = undefined;
  };
}

/** The provider useCredentials set, if any. */
export function installedCredentials(): AwsCredentialIdentityProvider | undefined {
  return installed;
}

export function clientConfig(region: string): AwsClientConfig {
  return { region, ...CLIENT_RETRY, ...(installed ? { credentials: installed } : {}) };
}
