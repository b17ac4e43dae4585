// `sagemaker-train protect` as a user runs it (dist/cli.js), against the GitHub stand-in: the check is pinned to the
// App that posted it on the branch, in the ruleset that governs the branch, and a token without admin rights is told
// what GitHub said.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ensureBuilt, REPO_ROOT, runCliProcess } from '../helpers/actions-env.js';
import { startFakeGithub, userToken, type FakeGithub } from '../helpers/fake-github.js';

const APP = 424242;
let github: FakeGithub;

beforeAll(async () => {
  await ensureBuilt();
  github = await startFakeGithub();
}, 120_000);
afterEach(() => {
  expect(github.problems()).toEqual([]);
  github.reset();
});
afterAll(() => github.close());

const protect = (token: string, ...flags: string[]) =>
  runCliProcess(['protect', '--repo', 'octo/repo', '--branch', 'master', ...flags], {
    cwd: REPO_ROOT,
    env: { GITHUB_TOKEN: token, GITHUB_API_URL: github.url },
  });

describe('dist/cli.js protect', () => {
  it('pins the check to the App found on the branch, in the ruleset that governs it', async () => {
    const [sha] = github.repository.push('master', 1);
    github.addCheckRun({ name: 'sagemaker-training', head_sha: sha as string, app_id: APP });
    github.rulesets.push({
      id: 4,
      name: 'main',
      enforcement: 'active',
      include: ['~DEFAULT_BRANCH'],
      rules: [{ type: 'deletion' }],
      puts: [],
    });
    const run = await protect('ghp_x');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(
      `Found app ${APP} (app-${APP}): it posted "sagemaker-training" on ${(sha as string).slice(0, 7)} of master.\n` +
        `ruleset "main" (id 4) now requires "sagemaker-training" from app ${APP} (its other rules, conditions and ` +
        'bypass list kept).\n',
    );
    expect(github.rulesets[0]?.rules).toMatchObject([
      { type: 'deletion' },
      {
        type: 'required_status_checks',
        parameters: { required_status_checks: [{ context: 'sagemaker-training', integration_id: APP }] },
      },
    ]);
  });

  it('a person without admin rights: exit 1 with GitHub’s answer, nothing changed', async () => {
    github.tokens.set('ghp_writer', userToken('writer', 'write'));
    github.repository.push('master', 1);
    const run = await protect('ghp_writer', '--app-id', '15368');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: could not require "sagemaker-training" on master: 404 Not Found');
    expect(github.protection.master).toBeUndefined();
  });
});
