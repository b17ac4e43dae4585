// Who may assume the workflow roles: GitHub's OIDC tokens of this repository's trusted refs (branches, their merge
// queues, pull requests and environments when enabled), in the subject form its parameters name, and nobody else:
// not another repository or owner, a tag, another branch, or a re-created repository or owner of the same name.
import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import { evaluate, type Template } from '../cfn.js';
import { ACCOUNT, BASE, EXISTING_PROVIDER, OWNER_ID, REPOSITORY_ID, SCENARIOS } from '../scenarios.js';
import { decide } from './policy-eval.js';
import { rolesOf } from './stack-policies.js';

const template = parse(
  await readFile(new URL('../../../infra/sagemaker-training.yml', import.meta.url), 'utf8'),
) as Template;
const PROVIDER = `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`;
const WORKFLOW_ROLES = ['SageMakerActionRole', 'FargateActionRole'];

/** Whether a token with this subject (and audience, from this provider) may assume each workflow role of the stack. */
function assumes(
  params: Record<string, string>,
  sub: string,
  aud = 'sts.amazonaws.com',
  provider = PROVIDER,
): string[] {
  const roles = rolesOf(evaluate(template, { ...BASE, WorkflowModes: 'both', ...params }));
  return WORKFLOW_ROLES.map((name) =>
    decide([roles[name]?.trust ?? { Statement: [] }], {
      action: 'sts:AssumeRoleWithWebIdentity',
      principal: { type: 'Federated', id: provider },
      context: { 'token.actions.githubusercontent.com:sub': sub, 'token.actions.githubusercontent.com:aud': aud },
    }),
  );
}
const ALLOWED = ['allowed', 'allowed'];
const REFUSED = ['implicitly denied', 'implicitly denied'];

describe('trust by repository name (the classic subject)', () => {
  const params = { GitHubBranches: 'develop,master' };
  it.each([
    'repo:acme/models:ref:refs/heads/develop',
    'repo:acme/models:ref:refs/heads/master',
    'repo:acme/models:ref:refs/heads/gh-readonly-queue/master/pr-12-0123456789abcdef0123456789abcdef01234567',
  ])('lets in %s', (sub) => {
    expect(assumes(params, sub)).toEqual(ALLOWED);
  });

  it.each([
    ['another repository', 'repo:acme/models-fork:ref:refs/heads/master'],
    ['another owner', 'repo:acme2/models:ref:refs/heads/master'],
    ['a tag', 'repo:acme/models:ref:refs/tags/master'],
    ['another branch', 'repo:acme/models:ref:refs/heads/feature'],
    ['a branch the trusted one prefixes', 'repo:acme/models:ref:refs/heads/master-old'],
    ['a branch under the trusted one', 'repo:acme/models:ref:refs/heads/master/x'],
    ['a merge queue of another branch', 'repo:acme/models:ref:refs/heads/gh-readonly-queue/feature/pr-1-0123'],
    ['pull requests (not enabled)', 'repo:acme/models:pull_request'],
    ['an environment (none listed)', 'repo:acme/models:environment:production'],
    ['the immutable form (no ids given)', `repo:acme@${OWNER_ID}/models@${REPOSITORY_ID}:ref:refs/heads/master`],
    ['a case variant', 'repo:ACME/models:ref:refs/heads/master'],
  ])('refuses %s', (_what, sub) => {
    expect(assumes(params, sub)).toEqual(REFUSED);
  });

  it('refuses another audience and another identity provider', () => {
    expect(assumes(params, 'repo:acme/models:ref:refs/heads/master', 'sigstore')).toEqual(REFUSED);
    const other = `arn:aws:iam::${ACCOUNT}:oidc-provider/gitlab.com`;
    expect(assumes(params, 'repo:acme/models:ref:refs/heads/master', 'sts.amazonaws.com', other)).toEqual(REFUSED);
  });

  it('federates with the account’s existing provider when given, and creates none then', () => {
    const stack = evaluate(template, { ...BASE, ExistingOidcProviderArn: EXISTING_PROVIDER });
    expect(stack.resources.GitHubOidcProvider).toBeUndefined();
    expect(rolesOf(stack).FargateActionRole?.trust.Statement[0]?.Principal).toEqual({ Federated: EXISTING_PROVIDER });
  });

  it('trusts merge queues only when TrustMergeQueue is true', () => {
    const queue = 'repo:acme/models:ref:refs/heads/gh-readonly-queue/master/pr-12-0123';
    expect(assumes({ ...params, TrustMergeQueue: 'false' }, queue)).toEqual(REFUSED);
  });

  it('takes one to five branches, each trusted exactly', () => {
    const five = { GitHubBranches: 'a,b,release/2026,d,e' };
    for (const b of ['a', 'b', 'release/2026', 'd', 'e'])
      expect(assumes(five, `repo:acme/models:ref:refs/heads/${b}`), b).toEqual(ALLOWED);
    expect(assumes({ GitHubBranches: 'main' }, 'repo:acme/models:ref:refs/heads/develop')).toEqual(REFUSED);
  });
});

describe('trust by repository and owner ids (the immutable subject)', () => {
  const params = SCENARIOS.everything ?? {};
  const subject = `repo:acme@${OWNER_ID}/models@${REPOSITORY_ID}`;

  it.each([
    `${subject}:ref:refs/heads/develop`,
    `${subject}:ref:refs/heads/release/1`,
    `${subject}:ref:refs/heads/gh-readonly-queue/main/pr-7-0123`,
    `${subject}:pull_request`,
    `${subject}:environment:production`,
    `${subject}:environment:gpu runners`,
  ])('lets in %s', (sub) => {
    expect(assumes(params, sub)).toEqual(ALLOWED);
  });

  it.each([
    ['the classic form of the same name (a re-created repository presents it too)', 'repo:acme/models:pull_request'],
    ['a re-created repository of the same name', `repo:acme@${OWNER_ID}/models@99:pull_request`],
    ['a re-created owner of the same name', `repo:acme@42/models@${REPOSITORY_ID}:pull_request`],
    ['an environment not listed', `${subject}:environment:prod`],
    ['a tag', `${subject}:ref:refs/tags/v1`],
  ])('refuses %s', (_what, sub) => {
    expect(assumes(params, sub)).toEqual(REFUSED);
  });
});

describe('parameters CloudFormation refuses before anything is created', () => {
  const refused = (params: Record<string, string>): string => {
    try {
      evaluate(template, { ...BASE, ...params });
      return 'accepted';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it.each(['*', 'main*', 'ma?n', 'release/*', 'a b', 'a..b', '-x', 'x/', 'x.lock', 'a,,b', '${aws:username}'])(
    'a branch name that is a wildcard or no git branch: %s',
    (branch) => {
      expect(refused({ GitHubBranches: branch })).toMatch(/GitHubBranches: .* does not match/);
    },
  );

  it.each(['*', 'prod*', 'a?'])('an environment name with a wildcard: %s', (environment) => {
    expect(refused({ GitHubEnvironments: environment })).toMatch(/GitHubEnvironments: .* does not match/);
  });

  it('one id without the other', () => {
    expect(refused({ GitHubOwnerId: OWNER_ID })).toMatch(/GitHubIdsTogether: GitHubOwnerId and GitHubRepositoryId/);
    expect(refused({ GitHubRepositoryId: REPOSITORY_ID })).toMatch(/GitHubIdsTogether/);
    expect(refused({ GitHubOwnerId: 'acme' })).toMatch(/GitHubOwnerId: "acme" does not match/);
  });

  it('a secret ARN without the random suffix Secrets Manager appends (the grant would match nothing)', () => {
    const arn = `arn:aws:secretsmanager:eu-west-1:${ACCOUNT}:secret:github-app`;
    expect(refused({ GitHubAppSecretArn: arn })).toMatch(/GitHubAppSecretArn: .* does not match/);
    expect(refused({ GitHubAppSecretArn: `${arn}-AbCdEf` })).toBe('accepted');
  });

  it('a KMS alias or a malformed key where a key ARN is needed', () => {
    expect(refused({ OutputKmsKeyArn: `arn:aws:kms:eu-west-1:${ACCOUNT}:alias/ml` })).toMatch(/OutputKmsKeyArn/);
    expect(refused({ VolumeKmsKeyArn: 'mykey' })).toMatch(/VolumeKmsKeyArn/);
  });

  it('an unknown mode, and names with wildcards', () => {
    expect(refused({ WorkflowModes: 'local' })).toMatch(/WorkflowModes: "local" is not one of/);
    expect(refused({ GitHubOwner: 'acme*' })).toMatch(/GitHubOwner/);
    expect(refused({ GitHubRepository: 'models/x' })).toMatch(/GitHubRepository/);
  });
});
