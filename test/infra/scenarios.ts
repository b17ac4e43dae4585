// The parameter sets the template tests evaluate infra/sagemaker-training.yml with: every optional part of the
// template switched on, then off.
import { PSEUDO } from './cfn.js';

export const ACCOUNT = PSEUDO['AWS::AccountId'] ?? '';
export const REGION = PSEUDO['AWS::Region'] ?? '';
export const BASE: Record<string, string> = {
  GitHubOwner: 'acme',
  GitHubRepository: 'models',
  JobNamePrefix: 'iris',
  ArtifactBucket: 'acme-ml',
  OutputPrefix: 'ci/output',
  DataPrefix: 'ci/data',
};
export const APP_SECRET = `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:github-app-AbCdEf`;
export const EXISTING_PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;

/** Every optional part of the template switched on, then off. */
export const SCENARIOS: Record<string, Record<string, string>> = {
  defaults: BASE,
  'one branch': { ...BASE, GitHubBranches: 'main' },
  everything: {
    ...BASE,
    GitHubBranches: 'develop,master,release-1,release-2,main',
    AllowPullRequests: 'true',
    GitHubAppSecretArn: APP_SECRET,
    CheckpointPrefix: 'ci/checkpoints',
    JobVpcAccess: 'true',
    RunnerImage: 'public.ecr.aws/acme/runner:1',
    ExistingOidcProviderArn: EXISTING_PROVIDER,
  },
};
