// Which events may train, and where their check goes: forks and Dependabot in a remote mode and pull_request_target
// are refused (never a passing check for code nobody trained); merge_group checks the queue's head against its base.
import { describe, expect, it } from 'vitest';

import { eventPolicy, reportingContext } from '../../src/action/event-policy.js';
import { githubContext, type GithubContext } from '../../src/github/context.js';
import { readRunIdentity } from '../../src/run-identity.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const env = (event: string, extra: Record<string, string> = {}) => ({
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_SHA: 'f'.repeat(40),
  GITHUB_EVENT_NAME: event,
  ...extra,
});
const pr = (o: { fork?: boolean; user?: string } = {}) => ({
  pull_request: {
    number: 5,
    user: { login: o.user ?? 'alice' },
    head: { sha: HEAD, ref: 'feature', repo: { full_name: o.fork ? 'mallory/repo' : 'octo/repo' } },
    base: { sha: BASE, ref: 'master', repo: { full_name: 'octo/repo' } },
  },
});
const ctx = (event: string, payload: unknown, extra: Record<string, string> = {}) =>
  githubContext({ identity: readRunIdentity(env(event, extra)), event: payload }) as GithubContext;
const refuse = { pullRequestTarget: 'refuse' as const };

describe('githubContext for the events the gate meets', () => {
  it('merge_group: the queue head, and the baseline from the queue base', () => {
    const c = ctx('merge_group', { merge_group: { head_sha: HEAD, base_ref: 'refs/heads/release' } });
    expect(c).toMatchObject({ sha: HEAD, baseBranch: 'release' });
  });

  it('Dependabot: by the pull request author or the actor', () => {
    expect(ctx('pull_request', pr({ user: 'dependabot[bot]' })).pullRequest?.fromDependabot).toBe(true);
    expect(ctx('pull_request', pr(), { GITHUB_ACTOR: 'dependabot[bot]' }).pullRequest?.fromDependabot).toBe(true);
    expect(ctx('pull_request', pr()).pullRequest?.fromDependabot).toBe(false);
  });
});

describe('eventPolicy', () => {
  it.each([
    ['pull_request', pr({ fork: true }), 'sagemaker', /^pull requests from forks get no secrets .*mode "sagemaker"/],
    ['pull_request', pr({ user: 'dependabot[bot]' }), 'fargate', /^Dependabot’s pull requests get no secrets/],
    ['pull_request_target', pr(), 'local', /^pull_request_target runs the base branch’s workflow/],
    ['pull_request_target', pr({ fork: true }), 'sagemaker', /^pull_request_target/],
  ])('%s (%j) in %s mode is refused', (event, payload, mode, reason) => {
    const policy = eventPolicy({ context: ctx(event, payload), mode: mode as 'local', gate: refuse });
    expect(policy.kind).toBe('refuse');
    expect(policy.kind === 'refuse' && policy.reason).toMatch(reason);
  });

  it.each([
    [
      'a fork in local mode (it trains; only posting needs the workflow_run pattern)',
      'pull_request',
      pr({ fork: true }),
      'local',
    ],
    ['a same-repository pull request', 'pull_request', pr(), 'sagemaker'],
    ['a merge queue', 'merge_group', { merge_group: { head_sha: HEAD, base_ref: 'refs/heads/master' } }, 'fargate'],
    ['a push', 'push', { after: HEAD }, 'sagemaker'],
  ])('%s trains', (_what, event, payload, mode) => {
    expect(eventPolicy({ context: ctx(event, payload), mode: mode as 'local', gate: refuse })).toEqual({
      kind: 'train',
    });
  });

  it('pull_request_target with train-base trains, and reports on the base commit, never the pull request head', () => {
    const gate = { pullRequestTarget: 'train-base' as const };
    const context = reportingContext(ctx('pull_request_target', pr({ fork: true })), gate);
    expect(context.sha).toBe(BASE);
    expect(context.baseBranch).toBe('master');
    expect(eventPolicy({ context, mode: 'local', gate })).toEqual({ kind: 'train' });
    // Other events are not moved.
    expect(reportingContext(ctx('pull_request', pr()), gate).sha).toBe(HEAD);
  });
});
