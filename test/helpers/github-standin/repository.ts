// The repository's history as the API shows it: branches (newest commit first), pull requests, and what merging a
// pull request makes of the base branch with each of GitHub's three methods. A merge commit keeps the pull request's
// commits and adds one with two parents; a squash merge adds one new commit; a rebase merge adds a new copy of each of
// the pull request's commits. Only the merge commit method leaves the pull request's head (where its check runs are)
// in the base branch's history. GET /commits/{sha}/pulls answers which pull request brought a commit in.
import { createHash } from 'node:crypto';

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface StoredPull {
  number: number;
  state: 'open' | 'closed';
  merged: boolean;
  head: { ref: string; sha: string; repo: string };
  base: { ref: string };
  /** The pull request's own commits, oldest first (the last one is the head). */
  commits: string[];
  /** The commit(s) merging made on the base branch. */
  mergeCommitSha?: string;
  mergedCommits: string[];
  mergeMethod?: MergeMethod;
  user: string;
}

let counter = 0;
/** A new, unique 40-hex SHA. */
export function newSha(label = ''): string {
  counter++;
  return createHash('sha1').update(`${label}:${counter}:${process.pid}`).digest('hex');
}

export class Repository {
  /** Branch name → commit SHAs, newest first. */
  commits: Record<string, string[]> = {};
  pulls: StoredPull[] = [];
  defaultBranch = 'master';

  /** Adds `count` new commits on top of a branch (created from `from` when new); returns them, oldest first. */
  push(branch: string, count = 1, from?: string): string[] {
    const history = (this.commits[branch] ??= from ? [...(this.commits[from] ?? [])] : []);
    const added: string[] = [];
    for (let i = 0; i < count; i++) added.push(newSha(branch));
    history.unshift(...[...added].reverse());
    return added;
  }

  /** Opens a pull request from `head` (given commits, or new ones) into `base`. */
  openPull(o: { base: string; headRef: string; commits?: string[]; fork?: string; user?: string }): StoredPull {
    const commits = o.commits ?? this.push(o.headRef, 2, o.base);
    const pull: StoredPull = {
      number: this.pulls.length + 1,
      state: 'open',
      merged: false,
      head: { ref: o.headRef, sha: commits.at(-1) ?? newSha(), repo: o.fork ?? 'octo/repo' },
      base: { ref: o.base },
      commits,
      mergedCommits: [],
      user: o.user ?? 'octocat',
    };
    this.pulls.push(pull);
    return pull;
  }

  /** Merges a pull request with one of GitHub's methods; returns the new head of the base branch. */
  merge(pull: StoredPull, method: MergeMethod): string {
    const base = (this.commits[pull.base.ref] ??= []);
    let added: string[];
    if (method === 'merge') added = [...pull.commits, newSha('merge')];
    else if (method === 'squash') added = [newSha('squash')];
    else added = pull.commits.map(() => newSha('rebase'));
    base.unshift(...[...added].reverse());
    pull.state = 'closed';
    pull.merged = true;
    pull.mergeMethod = method;
    pull.mergedCommits = method === 'merge' ? added.slice(-1) : added;
    pull.mergeCommitSha = added.at(-1);
    return added.at(-1) as string;
  }

  /**
   * GET /commits/{sha}/pulls: on the default branch, the merged pull request that introduced the commit; elsewhere
   * also the open ones that contain it.
   */
  pullsOf(sha: string): StoredPull[] {
    const onDefault = (this.commits[this.defaultBranch] ?? []).includes(sha);
    return this.pulls.filter((p) => {
      const introduced = p.merged && (p.mergedCommits.includes(sha) || p.commits.includes(sha));
      if (onDefault) return introduced;
      return introduced || (p.state === 'open' && p.commits.includes(sha));
    });
  }
}
