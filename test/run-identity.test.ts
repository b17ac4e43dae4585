import { describe, expect, it } from 'vitest';
import { identityVariables, NO_RUN_IDENTITY, readRunIdentity, runAttemptKey } from '../src/run-identity.js';

const ACTIONS = {
  GITHUB_REPOSITORY: 'octo/iris',
  GITHUB_SHA: 'a'.repeat(40),
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_WORKFLOW: 'Train',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_JOB: 'train',
  GITHUB_ACTION: 'gate',
  GITHUB_ACTOR: 'octocat',
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: '/runner/event.json',
  GITHUB_WORKSPACE: '/work/iris',
  GITHUB_SERVER_URL: 'https://ghes.example/',
  GITHUB_API_URL: 'https://ghes.example/api/v3/',
  GITHUB_TOKEN: 'ghs_secret',
};

describe('readRunIdentity', () => {
  it('reads every field GitHub Actions sets, once, and nothing else (no token)', () => {
    expect(readRunIdentity(ACTIONS)).toEqual({
      repository: 'octo/iris',
      commit: 'a'.repeat(40),
      ref: 'refs/pull/7/merge',
      workflow: 'Train',
      runId: '42',
      runAttempt: '2',
      job: 'train',
      action: 'gate',
      actor: 'octocat',
      eventName: 'pull_request',
      eventPath: '/runner/event.json',
      workspace: '/work/iris',
      pullRequest: 7,
      serverUrl: 'https://ghes.example',
      apiUrl: 'https://ghes.example/api/v3',
      runUrl: 'https://ghes.example/octo/iris/actions/runs/42',
    });
  });

  it('outside GitHub Actions: only the public GitHub URLs', () => {
    expect(readRunIdentity({})).toEqual({ serverUrl: 'https://github.com', apiUrl: 'https://api.github.com' });
    expect(NO_RUN_IDENTITY).toEqual(readRunIdentity({}));
  });

  it.each([
    ['blank values are absent', { GITHUB_RUN_ID: '  ', GITHUB_SHA: '' }, {}],
    [
      'values are trimmed',
      { GITHUB_RUN_ID: ' 42 ', GITHUB_REPOSITORY: 'o/r ' },
      { runId: '42', repository: 'o/r', runUrl: 'https://github.com/o/r/actions/runs/42' },
    ],
    ['a branch ref has no pull request', { GITHUB_REF: 'refs/heads/main' }, { ref: 'refs/heads/main' }],
    ['no run link without the repository', { GITHUB_RUN_ID: '42' }, { runId: '42' }],
  ])('%s', (_what, env, fields) => {
    const identity = readRunIdentity(env);
    expect(identity).toEqual({ serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', ...fields });
  });
});

describe('identityVariables', () => {
  it('writes back the variables it was read from, so another process reads the same identity', () => {
    const identity = readRunIdentity(ACTIONS);
    const fields = ['repository', 'commit', 'ref', 'runId', 'runAttempt', 'apiUrl'] as const;
    const variables = identityVariables(identity, fields);
    expect(variables).toEqual({
      GITHUB_REPOSITORY: 'octo/iris',
      GITHUB_SHA: 'a'.repeat(40),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_RUN_ID: '42',
      GITHUB_RUN_ATTEMPT: '2',
      GITHUB_API_URL: 'https://ghes.example/api/v3',
    });
    const again = readRunIdentity(variables);
    for (const field of fields) expect(again[field]).toBe(identity[field]);
    expect(again.pullRequest).toBe(7);
  });

  it('leaves out what the identity does not hold', () => {
    expect(identityVariables(NO_RUN_IDENTITY, ['repository', 'runId'])).toEqual({});
  });
});

describe('runAttemptKey', () => {
  it.each([
    [{ GITHUB_RUN_ID: '42', GITHUB_RUN_ATTEMPT: '3' }, '42-3'],
    [{ GITHUB_RUN_ID: '42' }, '42-1'],
    [{ GITHUB_RUN_ATTEMPT: '3' }, undefined],
    [{}, undefined],
  ])('%j → %s', (env, key) => {
    expect(runAttemptKey(readRunIdentity(env))).toBe(key);
  });
});
