// The GitHub modules against the local stand-in, through the real Octokit: every request checked against GitHub's
// OpenAPI description.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  cancelCheckRun,
  CheckRun,
  createGithub,
  findBaseline,
  findBaselineSafely,
  githubContext,
  requireCheck,
  upsertStickyComment,
  type GitHub,
} from '../../src/github/index.js';
import { ConsoleLogger } from '../../src/logger.js';
import { embedResult } from '../../src/report/result-marker.js';
import { progressCheckOutput } from '../../src/report/check-run.js';
import { startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';
import { Writable } from 'node:stream';
import { readRunIdentity } from '../../src/run-identity.js';

const SHA = '1'.repeat(40);
const where = { owner: 'octo', repo: 'repo' };

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _e: string, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

let fake: FakeGithub;
let github: GitHub;
beforeAll(async () => {
  fake = await startFakeGithub();
  github = await createGithub({
    token: 'ghs_test',
    baseUrl: fake.url,
    logger: new ConsoleLogger(new Sink()),
    retries: 1,
  });
});
afterAll(() => fake.close());
afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.requests.length = 0;
  fake.faults.length = 0;
  fake.checkRuns.length = 0;
  fake.comments.length = 0;
});

function logger() {
  const sink = new Sink();
  return { sink, logger: new ConsoleLogger(sink, true) };
}

describe('githubContext', () => {
  const env = { GITHUB_REPOSITORY: 'octo/repo', GITHUB_SHA: 'f'.repeat(40), GITHUB_RUN_ID: '9' };
  it('uses the PR head SHA, not the merge commit, and the PR base as the base branch', () => {
    const ctx = githubContext({
      identity: readRunIdentity({ ...env, GITHUB_EVENT_NAME: 'pull_request' }),
      event: {
        number: 5,
        pull_request: {
          number: 5,
          head: { sha: SHA, ref: 'develop', repo: { full_name: 'octo/repo' } },
          base: { ref: 'master', repo: { full_name: 'octo/repo' } },
        },
        repository: { default_branch: 'main' },
      },
      baselineBranch: 'ignored-on-prs',
    });
    expect(ctx).toMatchObject({
      sha: SHA,
      baseBranch: 'master',
      pullRequest: { number: 5, fromFork: false },
      runUrl: 'https://github.com/octo/repo/actions/runs/9',
      apiUrl: 'https://api.github.com',
    });
  });
  it('flags a fork', () => {
    const ctx = githubContext({
      identity: readRunIdentity({ ...env, GITHUB_EVENT_NAME: 'pull_request' }),
      event: {
        pull_request: {
          number: 5,
          head: { sha: SHA, repo: { full_name: 'evil/repo' } },
          base: { ref: 'master', repo: { full_name: 'octo/repo' } },
        },
      },
    });
    expect(ctx?.pullRequest?.fromFork).toBe(true);
  });
  it.each([
    ['push', { after: SHA, repository: { default_branch: 'master' } }, undefined, SHA, 'master'],
    ['push', { after: '0'.repeat(40) }, 'release', 'f'.repeat(40), 'release'],
    ['workflow_dispatch', { repository: { default_branch: 'master' } }, 'develop', 'f'.repeat(40), 'develop'],
  ])('%s → SHA and base branch', (eventName, event, baselineBranch, sha, base) => {
    const ctx = githubContext({
      identity: readRunIdentity({ ...env, GITHUB_EVENT_NAME: eventName }),
      event,
      baselineBranch,
    });
    expect(ctx).toMatchObject({ sha, baseBranch: base });
  });
  it('is undefined outside Actions', () => {
    expect(githubContext({ identity: readRunIdentity({}), event: {} })).toBeUndefined();
  });
});

describe('CheckRun', () => {
  it('creates in_progress, updates phases at most once a minute, completes', async () => {
    let now = 0;
    const { logger: log } = logger();
    const check = new CheckRun({ github, ...where, name: 'sagemaker-training', sha: SHA, logger: log, now: () => now });
    const id = await check.start();
    expect(id).toBeGreaterThan(0);
    check.phase('building');
    now = 59_000;
    check.phase('training', 'job-1');
    now = 61_000;
    check.phase('training', 'job-1');
    now = 200_000;
    check.phase('training', 'job-1'); // same phase: nothing to say
    expect(await check.complete('success', { title: 'accuracy 0.9', summary: 'ok', text: 'x' })).toBe(true);
    const run = fake.checkRuns[0];
    expect(run).toMatchObject({
      name: 'sagemaker-training',
      head_sha: SHA,
      status: 'completed',
      conclusion: 'success',
    });
    expect(run?.updates.map((u) => (u.output as { title: string }).title)).toEqual(['Training…', 'accuracy 0.9']);
    expect(fake.requests.map((r) => r.operationId)).toEqual(['checks/create', 'checks/update', 'checks/update']);
  });

  it('without checks: write, warns once with the reason and stops calling', async () => {
    fake.faults.push({
      match: /^POST .*\/check-runs$/,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const { logger: log, sink } = logger();
    const check = new CheckRun({ github, ...where, name: 'n', sha: SHA, logger: log });
    expect(await check.start()).toBeUndefined();
    check.phase('training');
    expect(await check.complete('success', progressCheckOutput('x'))).toBe(false);
    expect(sink.text).toContain(
      'warning: The check run was not posted: the token cannot create the check run (403 Resource not accessible by integration); give the job `permissions: checks: write`.',
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('retries a 500, and creates the run completed when the first creation failed', async () => {
    fake.faults.push({ match: /^POST .*\/check-runs$/, status: 502, times: 2 });
    const { logger: log, sink } = logger();
    const check = new CheckRun({ github, ...where, name: 'n', sha: SHA, logger: log });
    expect(await check.start()).toBeUndefined(); // 502, retried once, 502 again
    expect(sink.text).toContain('Could not create the check run (GitHub API error: 502');
    expect(await check.complete('failure', { title: 't', summary: 's' })).toBe(true);
    expect(fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.requests.map((r) => r.status)).toEqual([502, 502, 201]);
  });

  it('the post step cancels a check run left in progress', async () => {
    const run = fake.addCheckRun({ name: 'n', head_sha: SHA, status: 'in_progress', conclusion: null });
    await cancelCheckRun({ github, ...where, checkRunId: run.id });
    expect(run).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
  });
});

describe('findBaseline', () => {
  const master = ['a', 'b', 'c', 'd'].map((c) => c.repeat(40));
  const marker = (sha: string, accuracy: number, status: 'Completed' | 'Failed' = 'Completed') =>
    embedResult({ version: 1, status, jobName: `job-${sha.slice(0, 1)}`, sha, metrics: { accuracy } });

  it('walks back to the first commit with a completed result of the same check, skipping the current SHA', async () => {
    fake.commits.master = master;
    fake.addCheckRun({
      name: 'sagemaker-training',
      head_sha: master[0] as string,
      output: { title: '', summary: '', text: marker(master[0] as string, 0.99) },
    });
    fake.addCheckRun({
      name: 'other-check',
      head_sha: master[1] as string,
      output: { title: '', summary: '', text: marker(master[1] as string, 0.5) },
    });
    fake.addCheckRun({
      name: 'sagemaker-training',
      head_sha: master[2] as string,
      output: { title: '', summary: '', text: marker(master[2] as string, 0.7, 'Failed') },
    });
    fake.addCheckRun({
      name: 'sagemaker-training',
      head_sha: master[3] as string,
      output: { title: '', summary: '', text: marker(master[3] as string, 0.9) },
    });
    const { logger: log } = logger();
    const found = await findBaseline({
      github,
      ...where,
      branch: 'master',
      checkName: 'sagemaker-training',
      depth: 20,
      skipSha: master[0],
      logger: log,
    });
    expect(found.baseline).toMatchObject({ sha: master[3], metrics: { accuracy: 0.9 }, jobName: 'job-d' });
    expect(found.baseline?.url).toMatch(/^https:\/\/github.com\/octo\/repo\/runs\/\d+$/);
    expect(fake.requests[0]).toMatchObject({
      path: '/repos/octo/repo/commits',
      query: { sha: 'master', per_page: '20' },
    });
    // Each commit: its own check runs, then the pull requests that brought it in (none here: pushed commits).
    expect(fake.requests.slice(1).map((r) => r.operationId)).toEqual([
      'checks/list-for-ref',
      'repos/list-pull-requests-associated-with-commit',
      'checks/list-for-ref',
      'repos/list-pull-requests-associated-with-commit',
      'checks/list-for-ref',
    ]);
    expect(fake.requests[1]?.query).toEqual({
      check_name: 'sagemaker-training',
      status: 'completed',
      filter: 'all',
      per_page: '20',
    });
  });

  it('is bounded by the depth, and says why there is none', async () => {
    fake.commits.master = master;
    const { logger: log } = logger();
    const found = await findBaseline({ github, ...where, branch: 'master', checkName: 'x', depth: 2, logger: log });
    expect(found).toEqual({
      missing: 'no completed "x" result in the last 2 commits of master or their merged pull requests',
    });
    expect(fake.requests).toHaveLength(5);
    expect(await findBaseline({ github, ...where, branch: 'gone', checkName: 'x', depth: 2, logger: log })).toEqual({
      missing: 'branch gone was not found',
    });
  });

  it('turns an API failure into a reason and a warning', async () => {
    fake.commits.master = master;
    fake.faults.push({ match: /check-runs$/, status: 429, headers: { 'retry-after': '1' } });
    const { logger: log, sink } = logger();
    const found = await findBaselineSafely({
      github,
      ...where,
      branch: 'master',
      checkName: 'x',
      depth: 2,
      logger: log,
    });
    expect(found.missing).toMatch(/^the baseline could not be read \(429 /);
    expect(sink.text).toContain('warning: Could not read the baseline from master');
  });
});

describe('upsertStickyComment', () => {
  it('creates once, then updates the same comment in place', async () => {
    fake.comments.push({ id: 1, issue: 7, body: 'someone else' });
    // The marker copied by someone else: never adopted (an App could not edit it anyway).
    fake.comments.push({ id: 2, issue: 7, body: '<!-- m -->\nnot ours', author: 'mallory' });
    const o = { github, ...where, issueNumber: 7, marker: '<!-- m -->', author: 'github-actions[bot]' };
    expect(await upsertStickyComment({ ...o, body: '<!-- m -->\none' })).toBe('created');
    expect(await upsertStickyComment({ ...o, body: '<!-- m -->\ntwo' })).toBe('updated');
    expect(fake.comments.map((c) => c.body)).toEqual(['someone else', '<!-- m -->\nnot ours', '<!-- m -->\ntwo']);
  });
});

describe('requireCheck', () => {
  // Branch protection is an administrator's: a person's token (the workflow token is refused with 403).
  const APP = 424242;
  let admin: GitHub;
  beforeAll(async () => {
    admin = await createGithub({
      token: 'ghp_x',
      baseUrl: fake.url,
      logger: new ConsoleLogger(new Sink()),
      retries: 0,
    });
  });
  it('the workflow token may not change protection: GitHub refuses it', async () => {
    await expect(
      requireCheck({ github, ...where, branch: 'master', checkName: 'x', appId: APP }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it('protects an unprotected branch with only the check required', async () => {
    expect(
      await requireCheck({ github: admin, ...where, branch: 'master', checkName: 'sagemaker-training', appId: APP }),
    ).toBe('protected');
    expect(fake.protection.master?.required_status_checks).toMatchObject({
      checks: [{ context: 'sagemaker-training', app_id: APP }],
    });
  });
  it('adds the check to existing required checks through the sub-endpoint, keeping them', async () => {
    fake.protection.main = {
      required_status_checks: { strict: true, contexts: ['ci'], checks: [{ context: 'ci', app_id: 15368 }] },
      enforce_admins: { enabled: true },
    };
    expect(
      await requireCheck({ github: admin, ...where, branch: 'main', checkName: 'sagemaker-training', appId: APP }),
    ).toBe('added');
    expect(fake.protection.main.required_status_checks).toMatchObject({
      strict: true,
      checks: [
        { context: 'ci', app_id: 15368 },
        { context: 'sagemaker-training', app_id: APP },
      ],
    });
    expect(fake.requests.map((r) => `${r.method} ${r.operationId}`)).toEqual([
      'GET repos/get-branch-protection',
      'PATCH repos/update-status-check-protection',
    ]);
    expect(
      await requireCheck({ github: admin, ...where, branch: 'main', checkName: 'sagemaker-training', appId: APP }),
    ).toBe('already-required');
  });
  it('keeps reviews, restrictions and flags when protection has no status checks yet', async () => {
    fake.protection.dev = {
      enforce_admins: { enabled: false },
      required_pull_request_reviews: {
        dismiss_stale_reviews: true,
        required_approving_review_count: 2,
        dismissal_restrictions: { users: [{ login: 'alice' }], teams: [{ slug: 'ml' }] },
      },
      restrictions: { users: [{ login: 'bob' }], teams: [], apps: [{ slug: 'bot' }] },
      required_linear_history: { enabled: true },
    };
    expect(await requireCheck({ github: admin, ...where, branch: 'dev', checkName: 'x', appId: APP })).toBe('added');
    expect(fake.protection.dev?.__put).toEqual({
      required_status_checks: { strict: false, contexts: [], checks: [{ context: 'x', app_id: APP }] },
      enforce_admins: false,
      required_pull_request_reviews: {
        dismissal_restrictions: { users: ['alice'], teams: ['ml'], apps: [] },
        dismiss_stale_reviews: true,
        require_code_owner_reviews: false,
        required_approving_review_count: 2,
        require_last_push_approval: false,
      },
      restrictions: { users: ['bob'], teams: [], apps: ['bot'] },
      required_linear_history: true,
    });
  });
});
