// ECR registry hosts (`<account>.dkr.ecr.<region>.amazonaws.com`): kept apart from ecr.ts so that recognising one
// does not load the AWS SDK.

export interface EcrRegistry {
  account: string;
  region: string;
  host: string;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d{1,2})\.amazonaws\.com(?:\.cn)?$/;

/** The account and region of an ECR registry host, or undefined for any other registry. */
export function parseEcrHost(host: string): EcrRegistry | undefined {
  const match = ECR_HOST.exec(host);
  if (!match) return undefined;
  return { account: match[1] ?? '', region: match[2] ?? '', host };
}
