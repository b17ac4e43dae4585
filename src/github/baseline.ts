// The baseline: the latest completed result of the same check on the base branch, whatever the merge method. Walks
// back along the branch's history (bounded); for each commit takes a result posted on the commit itself (a push or
// merge queue run on the base branch), else the result on the head of the pull request that brought the commit in
// (GET /commits/{sha}/pulls): a squash or rebase merge makes new commits that never had a check run of their own.
import type { Baseline } from '../gate/evaluate.js';
import type { Logger } from '../logger.js';
import { parseEmbeddedResult } from '../report/result-marker.js';
import { describeGithubError, errorText, type GitHub } from './client.js';

export interface FindBaselineOptions {
  github: GitHub;
  owner: string;
  repo: string;
  branch: string;
  checkName: string;
  /** How many of the branch's latest commits to look at (1–100). */
  depth: number;
  /** A commit to skip: the one being checked (on a push to the base branch, compare with the previous commit). */
  skipSha?: string;
  logger: Logger;
}

export interface BaselineLookup {
  baseline?: Baseline;
  /** Why there is none, for the summary. */
  missing?: string;
}

export const DEFAULT_BASELINE_DEPTH = 20;

type Found = Pick<Baseline, 'sha' | 'metrics' | 'jobName' | 'url'>;

/** The newest completed result of the check on one commit, if any. */
async function resultOn(o: FindBaselineOptions, sha: string): Promise<Found | undefined> {
  const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner: o.owner,
    repo: o.repo,
    ref: sha,
    check_name: o.checkName,
    status: 'completed',
    filter: 'all',
    per_page: 20,
  });
  const runs = [...data.check_runs].sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? ''));
  for (const run of runs) {
    const embedded = parseEmbeddedResult(run.output?.text);
    if (!embedded || embedded.status !== 'Completed') continue;
    return {
      sha,
      metrics: embedded.metrics,
      jobName: embedded.jobName,
      ...(run.html_url ? { url: run.html_url } : {}),
      ...(embedded.series ? { series: embedded.series } : {}),
    };
  }
  return undefined;
}

/** The heads of the merged pull requests into the branch that brought a commit in (none when it was pushed). */
async function mergedPullsOf(o: FindBaselineOptions, sha: string): Promise<{ number: number; head: string }[]> {
  const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', {
    owner: o.owner,
    repo: o.repo,
    commit_sha: sha,
    per_page: 10,
  });
  return data
    .filter((p) => p.merged_at && p.base.ref === o.branch)
    .map((p) => ({ number: p.number, head: p.head.sha }));
}

async function listCommits(o: FindBaselineOptions): Promise<{ sha: string }[] | string> {
  try {
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits', {
      owner: o.owner,
      repo: o.repo,
      sha: o.branch,
      per_page: Math.min(100, Math.max(1, o.depth)),
    });
    return data.slice(0, o.depth);
  } catch (err) {
    const info = describeGithubError(err);
    if (info.kind === 'not-found' || info.status === 409 || info.status === 422)
      return `branch ${o.branch} was not found`;
    throw err;
  }
}

export async function findBaseline(o: FindBaselineOptions): Promise<BaselineLookup> {
  const commits = await listCommits(o);
  if (typeof commits === 'string') return { missing: commits };
  const seenPulls = new Set<number>();
  let pullsUnreadable: string | undefined;
  let looked = 0;
  for (const { sha } of commits) {
    if (sha === o.skipSha) continue;
    looked++;
    const own = await resultOn(o, sha);
    if (own) return found(o, { ...own, via: 'base-branch', baseSha: sha });
    if (pullsUnreadable) continue;
    let pulls: { number: number; head: string }[];
    try {
      pulls = await mergedPullsOf(o, sha);
    } catch (err) {
      const info = describeGithubError(err);
      if (info.kind !== 'permission') throw err;
      pullsUnreadable = `merged pull requests could not be read (${errorText(info)}): give the job pull-requests: read`;
      continue;
    }
    for (const pull of pulls) {
      if (seenPulls.has(pull.number) || pull.head === o.skipSha) continue;
      seenPulls.add(pull.number);
      const viaPull = await resultOn(o, pull.head);
      if (viaPull) return found(o, { ...viaPull, via: 'pull-request', baseSha: sha, pullRequest: pull.number });
    }
  }
  const where = `the last ${looked} commit${looked === 1 ? '' : 's'} of ${o.branch}`;
  return {
    missing: `no completed "${o.checkName}" result in ${where} or their merged pull requests${pullsUnreadable ? `; ${pullsUnreadable}` : ''}`,
  };
}

function found(o: FindBaselineOptions, baseline: Baseline): BaselineLookup {
  const how = baseline.pullRequest
    ? ` through pull request #${baseline.pullRequest} (head ${baseline.sha.slice(0, 7)})`
    : '';
  o.logger.info(
    `Baseline: ${o.branch} at ${(baseline.baseSha ?? baseline.sha).slice(0, 7)}${how} (${baseline.jobName ?? '?'})`,
  );
  return { baseline };
}

/** findBaselineSafely for a branch that may be unknown (an event without a base branch): then a reason, no call. */
export function lookUpBaseline(o: Omit<FindBaselineOptions, 'branch'> & { branch?: string }): Promise<BaselineLookup> {
  const { branch } = o;
  if (!branch) return Promise.resolve({ missing: 'no base branch is known for this event' });
  return findBaselineSafely({ ...o, branch });
}

/** findBaseline that never throws: an API failure becomes a reason and a warning. */
export async function findBaselineSafely(o: FindBaselineOptions): Promise<BaselineLookup> {
  try {
    return await findBaseline(o);
  } catch (err) {
    const text = errorText(describeGithubError(err));
    o.logger.warning(`Could not read the baseline from ${o.branch} (${text}); only the thresholds are checked.`);
    return { missing: `the baseline could not be read (${text})` };
  }
}
