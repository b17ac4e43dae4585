// Where the run is: repository, event, the commit a check run belongs on, the pull request and the base branch.
// Read from the run's identity and the event payload. Pure given both.
import type { RunIdentity } from '../run-identity.js';

export interface PullRequestInfo {
  number: number;
  baseRef: string;
  headRef: string;
  /** The head repository is not the base repository (or was deleted): no secrets, a read-only token. */
  fromFork: boolean;
  /** Opened by Dependabot: its runs get a read-only token and no Actions secrets, like a fork's. */
  fromDependabot: boolean;
  /** The base branch's commit (where a pull_request_target run's checked-out code is). */
  baseSha?: string;
}

export interface GithubContext {
  owner: string;
  repo: string;
  eventName: string;
  /**
   * The commit check runs go on: the PR head on pull_request events (never the merge commit), the queue's head on
   * merge_group, else the pushed one.
   */
  sha: string;
  /** The branch whose history holds the baseline. */
  baseBranch?: string;
  pullRequest?: PullRequestInfo;
  apiUrl: string;
  serverUrl: string;
  /** Link to the workflow run, for the check run's details_url. */
  runUrl?: string;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

const SHA = /^[0-9a-f]{40}$/i;
const PR_EVENTS = new Set(['pull_request', 'pull_request_target']);
const DEPENDABOT = 'dependabot[bot]';

export interface ContextOptions {
  identity: RunIdentity;
  /** The parsed event payload ({} when there is none). */
  event: unknown;
  /** Input `baseline-branch`: the base branch on push and workflow_dispatch (default: the repository's default). */
  baselineBranch?: string;
}

/** The context, or undefined outside GitHub Actions (no repository or no commit). */
export function githubContext(options: ContextOptions): GithubContext | undefined {
  const { identity } = options;
  const [owner, repo] = (identity.repository ?? '').split('/');
  if (!owner || !repo) return undefined;
  const event = obj(options.event) ?? {};
  const eventName = identity.eventName ?? '';
  const pr = obj(event.pull_request);
  const head = obj(pr?.head);
  const base = obj(pr?.base);

  let sha: string | undefined;
  let pullRequest: PullRequestInfo | undefined;
  let queueBase: string | undefined;
  if (PR_EVENTS.has(eventName) && pr) {
    sha = str(head?.sha);
    const headRepo = str(obj(head?.repo)?.full_name);
    const baseRepo = str(obj(base?.repo)?.full_name) ?? `${owner}/${repo}`;
    const number = typeof pr.number === 'number' ? pr.number : Number(event.number);
    const author = str(obj(pr.user)?.login) ?? identity.actor;
    const baseSha = str(base?.sha);
    pullRequest = {
      number,
      baseRef: str(base?.ref) ?? '',
      headRef: str(head?.ref) ?? '',
      fromFork: headRepo === undefined || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      fromDependabot: author === DEPENDABOT || identity.actor === DEPENDABOT,
      ...(baseSha ? { baseSha } : {}),
    };
  } else if (eventName === 'merge_group') {
    // The queue tests a temporary branch: the check goes on its head, the baseline comes from the queue's base.
    const group = obj(event.merge_group);
    sha = str(group?.head_sha);
    queueBase = str(group?.base_ref)?.replace(/^refs\/heads\//, '');
  } else if (eventName === 'push') {
    const after = str(event.after);
    sha = after && SHA.test(after) && !/^0+$/.test(after) ? after : undefined;
  }
  sha ??= identity.commit;
  if (!sha) return undefined;

  const defaultBranch = str(obj(event.repository)?.default_branch);
  const baseBranch = pullRequest?.baseRef || queueBase || options.baselineBranch || defaultBranch;
  return {
    owner,
    repo,
    eventName,
    sha,
    ...(baseBranch ? { baseBranch } : {}),
    ...(pullRequest ? { pullRequest } : {}),
    apiUrl: identity.apiUrl,
    serverUrl: identity.serverUrl,
    ...(identity.runUrl ? { runUrl: identity.runUrl } : {}),
  };
}
