// ECR registry hosts (`<account>.dkr.ecr.<region>.amazonaws.com`): kept apart from ecr.ts so that recognising one
// does not load the AWS SDK.
import { ECR_HOST_PATTERN } from '../patterns.js';

export interface EcrRegistry {
  account: string;
  region: string;
  host: string;
}

/** The account and region of an ECR registry host, or undefined for any other registry. */
export function parseEcrHost(host: string): EcrRegistry | undefined {
  const match = ECR_HOST_PATTERN.exec(host);
  if (!match) return undefined;
  return { account: match[1] ?? '', region: match[2] ?? '', host };
}
