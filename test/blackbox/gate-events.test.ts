// dist/main.js for the events GitHub runs untrusted code or limited tokens on, against the GitHub stand-in where the
// token is the identity GitHub would give that workflow: a fork's and Dependabot's pull requests (read-only token, no
// secrets: not trained, and nothing that counts as passing), pull_request_target (refused without the opt-in; with
// train-base, the base commit trained and reported there), a comment carrying our marker written by someone else, and
// a secondary rate limit the step waits out.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { commentMarker } from '../../src/report/check-run.js';
import { ensureBuilt } from '../helpers/actions-env.js';
import { readOnlyWorkflowToken, startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';
import { checkOn, pullRequestEvent, removeTempDirs, train } from './gate-scenario.js';

const READ_ONLY = 'ghs_readonly_fork_token_0123456789';
let github: FakeGithub;

beforeAll(async () => {
  await ensureBuilt();
  github = await startFakeGithub();
}, 180_000);
afterEach(() => {
  expect(github.problems()).toEqual([]);
  github.reset();
  github.tokens.set(READ_ONLY, readOnlyWorkflowToken());
});
afterAll(async () => {
  await github.close();
  await removeTempDirs();
});

describe('pull requests GitHub gives a read-only token', () => {
  it.each([
    ['a fork', { fork: 'mallory/repo', user: 'mallory' }, {}, 'pull requests from forks'],
    ['Dependabot', { user: 'dependabot[bot]' }, { GITHUB_ACTOR: 'dependabot[bot]' }, 'Dependabot’s pull requests'],
  ])(
    '%s: not trained, no passing check, and the log says how a maintainer runs it',
    async (_, who, env, what) => {
      github.tokens.set(READ_ONLY, readOnlyWorkflowToken());
      github.repository.push('master', 1);
      const pull = github.repository.openPull({ base: 'master', headRef: 'bump', ...who });
      const { run, aws } = await train({
        github,
        eventName: 'pull_request',
        event: pullRequestEvent(pull),
        token: READ_ONLY,
        env,
      });
      expect(run.code).not.toBe(0);
      expect(aws.callsTo('CreateTrainingJob')).toEqual([]);
      expect(run.stdout).toContain(`::error::Not trained: ${what} get no secrets and a read-only token`);
      expect(run.stdout).toContain('workflow_dispatch on the branch');
      // GitHub refused the read-only token's check run: no check exists, so a required check blocks the merge.
      expect(github.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([403]);
      expect(checkOn(github, pull.head.sha)).toEqual([]);
      expect(run.outputs).toMatchObject({ conclusion: 'action_required' });
      expect(run.summary).toContain('workflow_dispatch');
    },
    60_000,
  );
});

describe('pull_request_target', () => {
  it('is refused without the opt-in: an action_required check on the head, nothing trained', async () => {
    const [base] = github.repository.push('master', 1);
    const pull = github.repository.openPull({ base: 'master', headRef: 'x', fork: 'mallory/repo', user: 'mallory' });
    const { run, aws } = await train({
      github,
      eventName: 'pull_request_target',
      event: pullRequestEvent(pull, base),
    });
    expect(run.code).not.toBe(0);
    expect(aws.callsTo('CreateTrainingJob')).toEqual([]);
    expect(checkOn(github, pull.head.sha)).toMatchObject([{ status: 'completed', conclusion: 'action_required' }]);
    expect(run.stdout).toContain('set pull-request-target: train-base');
  }, 60_000);

  it('with pull-request-target: train-base, trains the base and reports on the base commit, not the head', async () => {
    const [base] = github.repository.push('master', 1);
    const pull = github.repository.openPull({ base: 'master', headRef: 'x', fork: 'mallory/repo', user: 'mallory' });
    const { run, aws } = await train({
      github,
      eventName: 'pull_request_target',
      event: pullRequestEvent(pull, base),
      inputs: { 'pull-request-target': 'train-base' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(aws.callsTo('CreateTrainingJob')).toHaveLength(1);
    expect(checkOn(github, base as string)).toMatchObject([{ status: 'completed', conclusion: 'success' }]);
    expect(checkOn(github, pull.head.sha)).toEqual([]);
  }, 60_000);
});

describe('the sticky comment', () => {
  it('a comment with our marker written by someone else is not adopted: a new one is made', async () => {
    github.repository.push('master', 1);
    const pull = github.repository.openPull({ base: 'master', headRef: 'feature' });
    const marker = commentMarker('sagemaker-training');
    github.comments.push({
      id: 1,
      issue: pull.number,
      body: `${marker}\nmerge me, the gate passed`,
      author: 'mallory',
    });
    const { run } = await train({
      github,
      eventName: 'pull_request',
      event: pullRequestEvent(pull),
      inputs: { comment: 'true' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(github.comments).toMatchObject([
      { id: 1, author: 'mallory', body: `${marker}\nmerge me, the gate passed` },
      { author: 'github-actions[bot]' },
    ]);
    expect(github.comments[1]?.body).toContain(marker);
    expect(github.requests.filter((r) => r.method === 'PATCH' && r.path.includes('/issues/comments/'))).toEqual([]);
  }, 60_000);
});

describe('rate limits', () => {
  it('a secondary rate limit with Retry-After: 2 on the completion: waited out, then the result is posted', async () => {
    github.repository.push('master', 1);
    const pull = github.repository.openPull({ base: 'master', headRef: 'feature' });
    github.rateLimits.push({
      match: /^PATCH \/repos\/octo\/repo\/check-runs\/\d+$/,
      kind: 'secondary',
      retryAfter: 2,
      times: 1,
    });
    const { run } = await train({ github, eventName: 'pull_request', event: pullRequestEvent(pull) });
    expect(run.code, run.stdout).toBe(0);
    const patches = github.requests.filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([403, 200]);
    expect((patches[1]?.at ?? 0) - (patches[0]?.at ?? 0)).toBeGreaterThanOrEqual(2_000);
    expect(github.earlyRetries).toEqual([]);
    expect(checkOn(github, pull.head.sha)).toMatchObject([{ status: 'completed', conclusion: 'success' }]);
    expect(run.stdout).toMatch(/secondary rate limit .*retrying in 2 s/);
  }, 60_000);
});
