// Who a token is, as GitHub sees it: a GitHub App installation (the workflow's GITHUB_TOKEN is the `github-actions`
// app, id 15368), with the permissions the token was granted, or a user's personal access token. The stand-in
// refuses what the identity may not do, with GitHub's status and message.

export type Level = 'read' | 'write';
export type Permission = 'checks' | 'contents' | 'pull_requests' | 'issues' | 'administration' | 'metadata';

export interface Identity {
  /** The GitHub App behind the token; absent for a user's personal access token. */
  appId?: number;
  appSlug?: string;
  /** Author of what the token writes (comments): `github-actions[bot]`, `<slug>[bot]`, or the user. */
  login: string;
  userId: number;
  type: 'Bot' | 'User';
  permissions: Partial<Record<Permission, Level>>;
}

export const WORKFLOW_APP_ID = 15368;

const WRITE: Identity['permissions'] = {
  checks: 'write',
  contents: 'read',
  pull_requests: 'write',
  issues: 'write',
  metadata: 'read',
};
const READ_ONLY: Identity['permissions'] = {
  checks: 'read',
  contents: 'read',
  pull_requests: 'read',
  issues: 'read',
  metadata: 'read',
};

/** GITHUB_TOKEN of a workflow run with `checks: write` (push, pull_request in the same repository, pull_request_target). */
export function workflowToken(permissions: Identity['permissions'] = WRITE): Identity {
  return {
    appId: WORKFLOW_APP_ID,
    appSlug: 'github-actions',
    login: 'github-actions[bot]',
    userId: 41898282,
    type: 'Bot',
    permissions,
  };
}

/** GITHUB_TOKEN of a pull request from a fork or from Dependabot: read-only, whatever the workflow asks for. */
export function readOnlyWorkflowToken(): Identity {
  return workflowToken(READ_ONLY);
}

/** An installation token of a GitHub App. */
export function appToken(appId: number, slug: string, permissions: Identity['permissions'] = WRITE): Identity {
  return { appId, appSlug: slug, login: `${slug}[bot]`, userId: 100_000 + appId, type: 'Bot', permissions };
}

/** A user's classic personal access token with the `repo` scope: an admin of the repository, or a writer. */
export function userToken(login: string, role: 'admin' | 'write' = 'admin'): Identity {
  const all: Identity['permissions'] = {
    ...WRITE,
    contents: 'write',
    ...(role === 'admin' ? { administration: 'write' as const } : {}),
  };
  return { login, userId: 583231, type: 'User', permissions: all };
}

/** The tokens the test suites send, and who each is. Any other token is refused with 401 Bad credentials. */
export function defaultTokens(): Map<string, Identity> {
  return new Map<string, Identity>([
    ['ghs_blackboxtoken0123456789', workflowToken()],
    ['ghs_unit', workflowToken()],
    ['ghs_post', workflowToken()],
    ['ghs_test', workflowToken()],
    ['ghp_x', userToken('octocat')],
  ]);
}

/** What each operation needs: any one of the listed grants. */
const NEEDS: Record<string, [Permission, Level][]> = {
  'checks/create': [['checks', 'write']],
  'checks/update': [['checks', 'write']],
  'checks/get': [['checks', 'read']],
  'checks/list-for-ref': [['checks', 'read']],
  'repos/list-commits': [['contents', 'read']],
  'repos/list-pull-requests-associated-with-commit': [['pull_requests', 'read']],
  'pulls/get': [['pull_requests', 'read']],
  'issues/list-comments': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/create-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/update-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'repos/get-branch-protection': [['administration', 'read']],
  'repos/update-branch-protection': [['administration', 'write']],
  'repos/update-status-check-protection': [['administration', 'write']],
  'repos/get-branch-rules': [['metadata', 'read']],
  'repos/get-repo-ruleset': [['administration', 'read']],
  'repos/update-repo-ruleset': [['administration', 'write']],
  'repos/create-repo-ruleset': [['administration', 'write']],
};

const rank = (level: Level | undefined): number => (level === 'write' ? 2 : level === 'read' ? 1 : 0);

/** GitHub's refusal of an operation the identity may not perform, or undefined when it may. */
export function refusal(identity: Identity, operationId: string | undefined): [number, string] | undefined {
  if (operationId === 'checks/create' && identity.appId === undefined) {
    // The Checks API is for GitHub Apps only.
    return [403, 'You must authenticate via a GitHub App.'];
  }
  const needs = operationId ? NEEDS[operationId] : undefined;
  if (!needs) return undefined;
  const allowed = needs.some(([perm, level]) => rank(identity.permissions[perm]) >= rank(level));
  if (allowed) return undefined;
  // A person without admin rights is told the settings do not exist; an App, that its token lacks the permission.
  if (identity.type === 'User' && needs.some(([perm]) => perm === 'administration')) return [404, 'Not Found'];
  return [403, 'Resource not accessible by integration'];
}
