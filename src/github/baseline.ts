// The baseline: the latest completed result of the same check on the base branch. Walks back along the branch's
// history (bounded), and for each commit reads the check runs of that name, taking the first completed one that
// carries our machine-readable result.
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

export async function findBaseline(o: FindBaselineOptions): Promise<BaselineLookup> {
  const where = { owner: o.owner, repo: o.repo };
  let commits: { sha: string }[];
  try {
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits', {
      ...where,
      sha: o.branch,
      per_page: Math.min(100, Math.max(1, o.depth)),
    });
    commits = data;
  } catch (err) {
    const info = describeGithubError(err);
    if (info.kind === 'not-found' || info.status === 409 || info.status === 422) {
      return { missing: `branch ${o.branch} was not found` };
    }
    throw err;
  }
  let looked = 0;
  for (const commit of commits.slice(0, o.depth)) {
    if (commit.sha === o.skipSha) continue;
    looked++;
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      ...where,
      ref: commit.sha,
      check_name: o.checkName,
      status: 'completed',
      filter: 'all',
      per_page: 20,
    });
    const runs = [...data.check_runs].sort((a, b) => (b.completed_at ?? '').localeCompare(a.completed_at ?? ''));
    for (const run of runs) {
      const embedded = parseEmbeddedResult(run.output?.text);
      if (!embedded || embedded.status !== 'Completed') continue;
      o.logger.info(`Baseline: ${o.branch} at ${commit.sha.slice(0, 7)} (${embedded.jobName})`);
      return {
        baseline: {
          sha: commit.sha,
          metrics: embedded.metrics,
          jobName: embedded.jobName,
          ...(run.html_url ? { url: run.html_url } : {}),
          ...(embedded.series ? { series: embedded.series } : {}),
        },
      };
    }
  }
  return {
    missing: `no completed "${o.checkName}" result in the last ${looked} commit${looked === 1 ? '' : 's'} of ${o.branch}`,
  };
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
