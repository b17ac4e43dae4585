// Which GitHub App posts a check: the App of the newest check run with that name on the branch's latest commits. A
// required check pinned to that App cannot be satisfied by another App posting a check run of the same name.
import { describeGithubError, type GitHub } from './client.js';

export interface CheckApp {
  appId: number;
  /** The App's slug (`github-actions` for the workflow's GITHUB_TOKEN). */
  appSlug?: string;
  /** The commit whose check run told us. */
  sha: string;
}

export interface FindCheckAppOptions {
  github: GitHub;
  owner: string;
  repo: string;
  branch: string;
  checkName: string;
  /** How many of the branch's newest commits to look at (default 20). */
  depth?: number;
}

interface RunJson {
  id: number;
  started_at?: string | null;
  app?: { id?: number; slug?: string } | null;
}

export class BranchNotFoundError extends Error {}

/** The App of the newest run named `checkName` on the newest commit of the branch that has one; undefined if none. */
export async function findCheckApp(o: FindCheckAppOptions): Promise<CheckApp | undefined> {
  let shas: string[];
  try {
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits', {
      owner: o.owner,
      repo: o.repo,
      sha: o.branch,
      per_page: o.depth ?? 20,
    });
    shas = data.map((c) => c.sha);
  } catch (err) {
    if (describeGithubError(err).kind === 'not-found') {
      throw new BranchNotFoundError(`branch ${o.branch} not found in ${o.owner}/${o.repo}`);
    }
    throw err;
  }
  for (const sha of shas) {
    const { data } = await o.github.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      owner: o.owner,
      repo: o.repo,
      ref: sha,
      check_name: o.checkName,
      filter: 'latest',
      per_page: 100,
    });
    const runs = (data.check_runs as RunJson[]).filter((r) => typeof r.app?.id === 'number');
    // filter=latest gives one run per App; the newest of them is the App that reports the check now.
    const newest = runs.sort((a, b) => (b.started_at ?? '').localeCompare(a.started_at ?? '') || b.id - a.id)[0];
    if (newest?.app?.id !== undefined) {
      return { appId: newest.app.id, ...(newest.app.slug ? { appSlug: newest.app.slug } : {}), sha };
    }
  }
  return undefined;
}
