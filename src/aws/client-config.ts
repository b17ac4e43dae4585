// The configuration every AWS client of this project is created with: its region and the explicit retries
// REFERENCE.md asks of every client (standard mode, 10 attempts).

/** Retry settings shared by every client the project creates. */
export const CLIENT_RETRY = { maxAttempts: 10, retryMode: 'standard' } as const;

export interface AwsClientConfig {
  region: string;
  maxAttempts: number;
  retryMode: 'standard';
}

export function clientConfig(region: string): AwsClientConfig {
  return { region, ...CLIENT_RETRY };
}
