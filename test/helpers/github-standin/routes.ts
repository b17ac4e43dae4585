// The stand-in's endpoints, over its state: check runs, commits and their pull requests, comments with their authors,
// branch protection and rulesets. Who may call what is checked before (identities.ts); here, what GitHub refuses
// about the resource itself (another App's check run, an impossible transition).
import type { GithubOpenApi } from '../github-openapi.js';
import { listForRef, ownershipRefusal, transitionProblem, type StoredCheckRun } from './checks.js';
import type { Identity } from './identities.js';
import type { Repository, StoredPull } from './repository.js';

type Json = Record<string, unknown>;

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  /** Login of the author (default: a person, `someone-else`). */
  author?: string;
  authorType?: 'Bot' | 'User';
}

export interface StoredRuleset {
  id: number;
  name: string;
  enforcement: 'active' | 'disabled' | 'evaluate';
  /** ref_name conditions: `refs/heads/<name>`, `~DEFAULT_BRANCH` or `~ALL`. */
  include: string[];
  rules: Json[];
  /** Every PUT body, in order. */
  puts: Json[];
}

export interface StandInState {
  url: string;
  api: GithubOpenApi;
  checkRuns: StoredCheckRun[];
  comments: StoredComment[];
  repository: Repository;
  protection: Record<string, Json | undefined>;
  rulesets: StoredRuleset[];
  nextId(): number;
}

export interface Call {
  method: string;
  owner: string;
  repo: string;
  /** The path after /repos/{owner}/{repo}. */
  rest: string;
  query: Record<string, string>;
  body: Json | undefined;
  identity: Identity;
}

type Answer = [number, unknown];

const NOT_FOUND: Answer = [404, { message: 'Not Found' }];

export function checkRunJson(s: StandInState, run: StoredCheckRun, owner: string, repo: string): Json {
  return {
    ...s.api.example('check-run'),
    id: run.id,
    node_id: `CR_${run.id}`,
    name: run.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at ?? null,
    completed_at: run.completed_at ?? null,
    details_url: run.details_url ?? null,
    external_id: run.external_id ?? null,
    url: `${s.url}/repos/${owner}/${repo}/check-runs/${run.id}`,
    html_url: `https://github.com/${owner}/${repo}/runs/${run.id}`,
    app: {
      ...s.api.example('integration'),
      id: run.app_id,
      slug: run.app_id === 15368 ? 'github-actions' : `app-${run.app_id}`,
    },
    output: {
      title: run.output.title,
      summary: run.output.summary,
      text: run.output.text,
      annotations_count: run.output.annotations?.length ?? 0,
      annotations_url: `${s.url}/repos/${owner}/${repo}/check-runs/${run.id}/annotations`,
    },
  };
}

function createCheckRun(s: StandInState, c: Call): Answer {
  const b = c.body ?? {};
  const problem = transitionProblem({ status: 'queued', conclusion: null }, b);
  if (problem) return [422, { message: 'Validation Failed', errors: [problem] }];
  const completed = typeof b.conclusion === 'string';
  const run: StoredCheckRun = {
    id: s.nextId(),
    name: String(b.name),
    head_sha: String(b.head_sha),
    status: completed ? 'completed' : typeof b.status === 'string' ? b.status : 'queued',
    conclusion: completed ? String(b.conclusion) : null,
    app_id: c.identity.appId ?? 0,
    started_at: typeof b.started_at === 'string' ? b.started_at : new Date().toISOString(),
    completed_at: typeof b.completed_at === 'string' ? b.completed_at : completed ? new Date().toISOString() : null,
    ...(typeof b.details_url === 'string' ? { details_url: b.details_url } : {}),
    ...(typeof b.external_id === 'string' ? { external_id: b.external_id } : {}),
    output: { title: null, summary: null, text: null, ...(b.output as object) },
    updates: [],
  };
  s.checkRuns.push(run);
  return [201, checkRunJson(s, run, c.owner, c.repo)];
}

function updateCheckRun(s: StandInState, c: Call, run: StoredCheckRun): Answer {
  const refused = ownershipRefusal(run, c.identity);
  if (refused) return [refused[0], { message: refused[1] }];
  const b = c.body ?? {};
  const problem = transitionProblem(run, b);
  if (problem) return [422, { message: 'Validation Failed', errors: [problem] }];
  run.updates.push(b);
  if (typeof b.status === 'string') run.status = b.status;
  if (typeof b.conclusion === 'string') {
    run.conclusion = b.conclusion;
    run.status = 'completed';
  }
  if (typeof b.completed_at === 'string') run.completed_at = b.completed_at;
  if (b.output) run.output = { ...run.output, ...b.output };
  return [200, checkRunJson(s, run, c.owner, c.repo)];
}

/** The example's repository object renamed: the head's (a fork's, perhaps) or the base's. */
function repoJson(template: unknown, fullName: string): Json {
  const [owner = '', name = ''] = fullName.split('/');
  const repo = (template as Json | undefined) ?? {};
  return { ...repo, full_name: fullName, name, owner: { ...(repo.owner as Json), login: owner } };
}

function pullJson(s: StandInState, p: StoredPull, c: Pick<Call, 'owner' | 'repo'>): Json {
  const example = s.api.example('pull-request-simple');
  const head = example.head as Json;
  const base = example.base as Json;
  return {
    ...example,
    number: p.number,
    state: p.state,
    merged_at: p.merged ? '2025-01-02T00:00:00Z' : null,
    merge_commit_sha: p.mergeCommitSha ?? null,
    head: { ...head, ref: p.head.ref, sha: p.head.sha, repo: repoJson(head.repo, p.head.repo) },
    base: { ...base, ref: p.base.ref, repo: repoJson(base.repo, `${c.owner}/${c.repo}`) },
    user: { ...(s.api.example('pull-request-simple').user as Json), login: p.user },
  };
}

function commentJson(s: StandInState, c: StoredComment): Json {
  const login = c.author ?? 'someone-else';
  const template = s.api.example('issue-comment');
  return {
    ...template,
    id: c.id,
    body: c.body,
    user: { ...(template.user as Json), login, type: c.authorType ?? 'User' },
  };
}

function page<T>(list: T[], query: Record<string, string>): T[] {
  const perPage = Math.min(100, Number(query.per_page ?? 30));
  const n = Number(query.page ?? 1);
  return list.slice((n - 1) * perPage, n * perPage);
}

function checks(s: StandInState, c: Call): Answer | undefined {
  let m: RegExpExecArray | null;
  if (c.method === 'POST' && c.rest === '/check-runs') return createCheckRun(s, c);
  if ((m = /^\/check-runs\/(\d+)$/.exec(c.rest))) {
    const run = s.checkRuns.find((r) => r.id === Number(m?.[1]));
    if (!run) return NOT_FOUND;
    if (c.method === 'GET') return [200, checkRunJson(s, run, c.owner, c.repo)];
    if (c.method === 'PATCH') return updateCheckRun(s, c, run);
  }
  if (c.method === 'GET' && (m = /^\/commits\/([^/]+)\/check-runs$/.exec(c.rest))) {
    const { total, page: runs } = listForRef(s.checkRuns, decodeURIComponent(m[1] ?? ''), c.query);
    return [200, { total_count: total, check_runs: runs.map((r) => checkRunJson(s, r, c.owner, c.repo)) }];
  }
  return undefined;
}

function history(s: StandInState, c: Call): Answer | undefined {
  let m: RegExpExecArray | null;
  if (c.method === 'GET' && c.rest === '/commits') {
    const branch = c.query.sha ?? s.repository.defaultBranch;
    const shas = s.repository.commits[branch];
    if (!shas) return [404, { message: 'No commit found for SHA: ' + branch }];
    const item = s.api.example('commit-items');
    const template = (Array.isArray(item) ? item[0] : item) as Json;
    return [200, page(shas, c.query).map((sha) => ({ ...template, sha, node_id: `C_${sha}` }))];
  }
  if (c.method === 'GET' && (m = /^\/commits\/([0-9a-f]{40})\/pulls$/.exec(c.rest))) {
    return [200, page(s.repository.pullsOf(m[1] ?? ''), c.query).map((p) => pullJson(s, p, c))];
  }
  if (c.method === 'GET' && (m = /^\/pulls\/(\d+)$/.exec(c.rest))) {
    const pull = s.repository.pulls.find((p) => p.number === Number(m?.[1]));
    return pull ? [200, { ...s.api.example('pull-request'), ...pullJson(s, pull, c) }] : NOT_FOUND;
  }
  return undefined;
}

function comments(s: StandInState, c: Call): Answer | undefined {
  let m: RegExpExecArray | null;
  if ((m = /^\/issues\/(\d+)\/comments$/.exec(c.rest))) {
    const issue = Number(m[1]);
    if (c.method === 'GET')
      return [
        200,
        page(
          s.comments.filter((x) => x.issue === issue),
          c.query,
        ).map((x) => commentJson(s, x)),
      ];
    if (c.method === 'POST') {
      const comment: StoredComment = {
        id: s.nextId(),
        issue,
        body: String(c.body?.body),
        author: c.identity.login,
        authorType: c.identity.type,
      };
      s.comments.push(comment);
      return [201, commentJson(s, comment)];
    }
  }
  if (c.method === 'PATCH' && (m = /^\/issues\/comments\/(\d+)$/.exec(c.rest))) {
    const comment = s.comments.find((x) => x.id === Number(m?.[1]));
    if (!comment) return NOT_FOUND;
    // An App may edit only what it wrote (people with write access may edit others'; bots here never are people).
    if (c.identity.type === 'Bot' && comment.author !== c.identity.login) {
      return [403, { message: 'Resource not accessible by integration' }];
    }
    comment.body = String(c.body?.body);
    return [200, commentJson(s, comment)];
  }
  return undefined;
}

export function route(s: StandInState, c: Call): Answer {
  return (
    checks(s, c) ??
    history(s, c) ??
    comments(s, c) ??
    protection(s, c) ??
    rulesets(s, c) ?? [404, { message: `fake GitHub: no route for ${c.method} ${c.rest}` }]
  );
}

function protection(s: StandInState, c: Call): Answer | undefined {
  const m = /^\/branches\/([^/]+)\/protection(\/required_status_checks)?$/.exec(c.rest);
  if (!m) return undefined;
  const branch = decodeURIComponent(m[1] ?? '');
  const current = s.protection[branch];
  if (!m[2] && c.method === 'GET') return current ? [200, current] : [404, { message: 'Branch not protected' }];
  if (!m[2] && c.method === 'PUT') {
    const b = c.body ?? {};
    const rsc = b.required_status_checks as Json | null;
    s.protection[branch] = {
      url: `${s.url}/repos/${c.owner}/${c.repo}/branches/${branch}/protection`,
      ...(rsc ? { required_status_checks: { ...rsc } } : {}),
      enforce_admins: { url: '', enabled: b.enforce_admins === true },
      ...(b.required_pull_request_reviews ? { required_pull_request_reviews: b.required_pull_request_reviews } : {}),
      __put: b,
    };
    return [200, s.protection[branch]];
  }
  if (m[2] && c.method === 'PATCH') {
    const rsc = current?.required_status_checks as Json | undefined;
    if (!current || !rsc) return [404, { message: 'Required status checks not enabled' }];
    Object.assign(rsc, c.body);
    return [200, rsc];
  }
  return undefined;
}

/** Whether a ruleset's ref_name condition covers the branch. */
export function rulesetCovers(s: StandInState, r: StoredRuleset, branch: string): boolean {
  return r.include.some(
    (ref) =>
      ref === '~ALL' ||
      ref === `refs/heads/${branch}` ||
      (ref === '~DEFAULT_BRANCH' && branch === s.repository.defaultBranch),
  );
}

function rulesetJson(s: StandInState, r: StoredRuleset, c: Call): Json {
  return {
    ...s.api.example('repository-ruleset'),
    id: r.id,
    name: r.name,
    target: 'branch',
    source_type: 'Repository',
    source: `${c.owner}/${c.repo}`,
    enforcement: r.enforcement,
    conditions: { ref_name: { include: r.include, exclude: [] } },
    rules: r.rules,
  };
}

function rulesets(s: StandInState, c: Call): Answer | undefined {
  let m: RegExpExecArray | null;
  if (c.method === 'GET' && (m = /^\/rules\/branches\/([^/]+)$/.exec(c.rest))) {
    const branch = decodeURIComponent(m[1] ?? '');
    const active = s.rulesets.filter((r) => r.enforcement === 'active' && rulesetCovers(s, r, branch));
    const rules = active.flatMap((r) =>
      r.rules.map((rule) => ({
        ...rule,
        ruleset_source_type: 'Repository',
        ruleset_source: `${c.owner}/${c.repo}`,
        ruleset_id: r.id,
      })),
    );
    return [200, page(rules, c.query)];
  }
  if ((m = /^\/rulesets\/(\d+)$/.exec(c.rest))) {
    const ruleset = s.rulesets.find((r) => r.id === Number(m?.[1]));
    if (!ruleset) return NOT_FOUND;
    if (c.method === 'GET') return [200, rulesetJson(s, ruleset, c)];
    if (c.method === 'PUT') {
      const b = c.body ?? {};
      ruleset.puts.push(b);
      if (Array.isArray(b.rules)) ruleset.rules = b.rules as Json[];
      return [200, rulesetJson(s, ruleset, c)];
    }
  }
  return undefined;
}
