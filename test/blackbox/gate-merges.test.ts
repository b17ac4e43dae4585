// The regression gate through dist/main.js across GitHub's three merge methods and the merge queue, against the GitHub
// stand-in's commit graph: a pull request trains and passes, is merged (merge commit, squash or rebase: the last two
// leave master with new commits that have no check run), and the next pull request, which regresses, must fail
// against it, found through the merged pull request. A merge_group run reports on the queue's head and takes its
// baseline from the queue's base branch.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { embedResult, parseEmbeddedResult } from '../../src/report/result-marker.js';
import { ensureBuilt } from '../helpers/actions-env.js';
import { startFakeGithub, type FakeGithub, type MergeMethod } from '../helpers/fake-github.js';
import { checkOn, mergeGroupEvent, pullRequestEvent, removeTempDirs, train } from './gate-scenario.js';

let github: FakeGithub;

beforeAll(async () => {
  await ensureBuilt();
  github = await startFakeGithub();
}, 180_000);
afterEach(() => {
  expect(github.problems()).toEqual([]);
  github.reset();
});
afterAll(async () => {
  await github.close();
  await removeTempDirs();
});

describe.each(['merge', 'squash', 'rebase'] as MergeMethod[])('%s merge, then a regressing pull request', (method) => {
  it('the second pull request fails the gate against the first one’s result', async () => {
    const repo = github.repository;
    repo.push('master', 1);
    const first = repo.openPull({ base: 'master', headRef: 'feature-1' });
    const passed = await train({ github, eventName: 'pull_request', event: pullRequestEvent(first), accuracy: 0.95 });
    expect(passed.run.code, passed.run.stdout).toBe(0);
    expect(checkOn(github, first.head.sha)).toMatchObject([{ status: 'completed', conclusion: 'success' }]);

    const tip = repo.merge(first, method);
    // Squash and rebase put new commits on master: none of them has a check run.
    expect(repo.commits.master?.includes(first.head.sha)).toBe(method === 'merge');
    expect(checkOn(github, tip)).toEqual([]);

    const second = repo.openPull({
      base: 'master',
      headRef: 'feature-2',
      commits: repo.push('feature-2', 1, 'master'),
    });
    const failed = await train({ github, eventName: 'pull_request', event: pullRequestEvent(second), accuracy: 0.91 });
    expect(failed.run.code).not.toBe(0);
    expect(failed.run.stdout).toMatch(/::error::The model did not pass the gate: accuracy 0.91: regressed by 0.04/);
    const [check] = checkOn(github, second.head.sha);
    expect(check).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(parseEmbeddedResult(check?.output.text)).toMatchObject({ metrics: { accuracy: 0.91 } });
    // The baseline is the first pull request's result, found through the pull request that brought the tip in.
    expect(failed.run.outputs).toMatchObject({ gate: 'failed', conclusion: 'failure', 'baseline-sha': first.head.sha });
    expect(failed.run.summary).toContain(`#${first.number}`);
  }, 60_000);
});

describe('merge_group', () => {
  it('reports on the queue’s head commit and takes the baseline from merge_group.base_ref', async () => {
    const repo = github.repository;
    repo.push('master', 1); // the default branch: no result (a baseline from it would pass the gate)
    const [releaseTip] = repo.push('release', 1);
    github.addCheckRun({
      name: 'sagemaker-training',
      head_sha: releaseTip as string,
      output: {
        title: 'x',
        summary: 'x',
        text: embedResult({
          version: 1,
          status: 'Completed',
          jobName: 'base',
          sha: releaseTip as string,
          metrics: { accuracy: 0.97 },
        }),
      },
    });
    const [queueHead] = repo.push('gh-readonly-queue/release/pr-5', 1, 'release');
    const { run } = await train({
      github,
      eventName: 'merge_group',
      event: mergeGroupEvent(queueHead as string, 'release', releaseTip as string),
      accuracy: 0.93,
      env: { GITHUB_SHA: queueHead as string, GITHUB_REF: 'refs/heads/gh-readonly-queue/release/pr-5' },
    });
    expect(run.code).not.toBe(0);
    expect(checkOn(github, queueHead as string)).toMatchObject([{ conclusion: 'failure' }]);
    expect(checkOn(github, releaseTip as string)).toHaveLength(1); // only the baseline's: nothing posted on the base
    expect(github.requests.find((r) => r.operationId === 'repos/list-commits')?.query.sha).toBe('release');
    expect(run.outputs).toMatchObject({ gate: 'failed', 'baseline-sha': releaseTip });
  }, 60_000);
});
