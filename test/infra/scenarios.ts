// The parameter sets the template tests evaluate infra/sagemaker-training.yml with: every optional part of the
// template switched on, then off, each mode alone and both.
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
const key = (id: string): string => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${id}`;
export const BUCKET_KEY = key('1234abcd-12ab-34cd-56ef-1234567890ab');
export const OUTPUT_KEY = key('mrk-0123456789abcdef0123456789abcdef');
export const VOLUME_KEY = key('abcd1234-12ab-34cd-56ef-1234567890ab');
export const OWNER_ID = '1234567';
export const REPOSITORY_ID = '7654321';

/** Every optional part of the template switched on, then off. */
export const SCENARIOS: Record<string, Record<string, string>> = {
  defaults: BASE,
  'sagemaker mode': { ...BASE, WorkflowModes: 'sagemaker' },
  'one branch': { ...BASE, GitHubBranches: 'main', TrustMergeQueue: 'false' },
  everything: {
    ...BASE,
    WorkflowModes: 'both',
    GitHubOwnerId: OWNER_ID,
    GitHubRepositoryId: REPOSITORY_ID,
    GitHubBranches: 'develop,master,release/1,release-2,main',
    GitHubEnvironments: 'production,staging,gpu runners',
    AllowPullRequests: 'true',
    GitHubAppSecretArn: APP_SECRET,
    CheckpointPrefix: 'ci/checkpoints',
    JobVpcAccess: 'true',
    RunnerImage: 'public.ecr.aws/acme/runner:1',
    ExistingOidcProviderArn: EXISTING_PROVIDER,
    ArtifactBucketKmsKeyArn: BUCKET_KEY,
    OutputKmsKeyArn: OUTPUT_KEY,
    VolumeKmsKeyArn: VOLUME_KEY,
  },
};
