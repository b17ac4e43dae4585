// `sagemaker-train run` applies the thresholds like the action; `sagemaker-train protect` requires the check, pinned to
// the App that provides it, in classic branch protection or the ruleset that governs the branch.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { RunsTraining as Backend } from '../src/backends/backend.js';
import { runCli, type CliDeps } from '../src/cli.js';
import { createGithub, type CreateGithubOptions } from '../src/github/client.js';
import { startFakeGithub, userToken, type FakeGithub } from './helpers/fake-github.js';

const CONFIG = `
image:
  uri: local/img:1
job:
  name-prefix: cli
  instance-type: local
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9 }
`;

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

function backend(accuracy: number): Backend {
  return {
    run: (ctx) => {
      ctx.onLogLine?.('algo-1', `accuracy=${accuracy}`);
      return Promise.resolve({
        mode: 'local',
        jobName: ctx.jobName,
        status: 'Completed',
        metrics: {},
        metricSeries: {},
        imageUri: ctx.imageUri,
        instanceType: 'local',
        instanceCount: 1,
        startedAt: '2025-01-01T00:00:00Z',
        endedAt: '2025-01-01T00:00:02Z',
        durationSeconds: 2,
        logTail: [],
        links: [],
      });
    },
  };
}

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function cli(argv: string[], extra: Partial<CliDeps> = {}) {
  const cwd = await mkdtemp(join(tmpdir(), 'smt-cli-gate-'));
  tempDirs.push(cwd);
  await mkdir(join(cwd, '.github'));
  await writeFile(join(cwd, '.github', 'sagemaker-training.yml'), CONFIG);
  const stdout = capture();
  const stderr = capture();
  const code = await runCli(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: {},
    cwd,
    docker: () => Promise.resolve({} as Dockerode),
    ...extra,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('sagemaker-train run and the gate', () => {
  it('exits 0 and prints the verdicts when every threshold passes', async () => {
    const r = await cli(['run'], { pipeline: { backendFor: () => backend(0.95) } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^accuracy\s+0.95\s+>= 0.9\s+pass$/m);
    expect(r.stdout).toContain('Gate: passed');
  });

  it('exits 1 when the job completed but a threshold failed, and says why', async () => {
    const r = await cli(['run'], { pipeline: { backendFor: () => backend(0.5) } });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^accuracy\s+0.5\s+>= 0.9\s+FAIL: below threshold 0.9$/m);
    expect(r.stderr).toContain('error: The model did not pass the gate: accuracy 0.5: below threshold 0.9');
  });
});

describe('sagemaker-train protect', () => {
  let fake: FakeGithub;
  const APP = 424242;
  const env = () => ({ GITHUB_TOKEN: 'ghp_x', GITHUB_API_URL: fake.url });
  const noRetry = { createGithub: (o: CreateGithubOptions) => createGithub({ ...o, retries: 0 }) };
  beforeAll(async () => {
    fake = await startFakeGithub();
  });
  afterEach(() => {
    expect(fake.problems()).toEqual([]);
    fake.reset();
  });
  afterAll(() => fake.close());

  /** master with the check posted by an App on its newest commit but one (the newest has none: a squash merge). */
  function postedBy(appId: number): string {
    const [older] = fake.repository.push('master', 2);
    fake.addCheckRun({ name: 'sagemaker-training', head_sha: older as string, app_id: appId });
    return older as string;
  }

  it('pins the check to the App that posted it on the branch, says which, and protects the branch', async () => {
    const sha = postedBy(APP);
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master'], { env: env() });
    expect(r.stdout).toBe(
      `Found app ${APP} (app-${APP}): it posted "sagemaker-training" on ${sha.slice(0, 7)} of master.\n` +
        `master is now protected and requires "sagemaker-training" from app ${APP}.\n`,
    );
    expect(r.code).toBe(0);
    expect(fake.protection.master?.required_status_checks).toMatchObject({
      checks: [{ context: 'sagemaker-training', app_id: APP }],
    });
    const again = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master', '--check', 'sagemaker-training'], {
      env: env(),
      ...noRetry,
    });
    expect(again.stdout).toContain('already requires "sagemaker-training" from app 424242; nothing changed');
    expect(fake.requests[0]?.authorization).toBe('token ghp_x');
  });

  it('refuses when no run of the check shows its App, unless --app-id names it', async () => {
    fake.repository.push('master', 3);
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master'], { env: env() });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: could not require "sagemaker-training" on master: no check run named "sagemaker-training" on the ' +
        'latest commits of master, so the App that posts it is unknown: run the workflow on master once, or pass ' +
        '--app-id N (15368',
    );
    expect(fake.protection.master).toBeUndefined();
    const pinned = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master', '--app-id', '15368'], {
      env: env(),
    });
    expect(pinned.code).toBe(0);
    expect(pinned.stdout).toContain('Requiring "sagemaker-training" from app 15368 (--app-id).');
    expect(fake.protection.master?.required_status_checks).toMatchObject({
      checks: [{ context: 'sagemaker-training', app_id: 15368 }],
    });
  });

  it('--app-id overrides the App found, re-pinning a check required from another App', async () => {
    postedBy(15368);
    fake.protection.master = {
      required_status_checks: {
        strict: true,
        contexts: ['sagemaker-training'],
        checks: [{ context: 'sagemaker-training', app_id: 15368 }],
      },
      enforce_admins: { enabled: true },
    };
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master', '--app-id', String(APP)], {
      env: env(),
    });
    expect(r.stdout).toContain(`master's branch protection now requires "sagemaker-training" from app ${APP}`);
    expect(fake.protection.master.required_status_checks).toEqual({
      strict: true,
      contexts: ['sagemaker-training'],
      checks: [{ context: 'sagemaker-training', app_id: APP }],
    });
  });

  it('adds the check to the ruleset that governs the branch, keeping the rest of it', async () => {
    postedBy(APP);
    const bypass = [{ actor_id: 5, actor_type: 'Team', bypass_mode: 'always' }];
    fake.rulesets.push({
      id: 7,
      name: 'master rules',
      enforcement: 'active',
      include: ['~DEFAULT_BRANCH'],
      rules: [{ type: 'deletion' }],
      bypass_actors: bypass,
      puts: [],
    });
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master'], { env: env() });
    expect(r.stdout).toContain(`ruleset "master rules" (id 7) now requires "sagemaker-training" from app ${APP}`);
    expect(fake.rulesets[0]).toMatchObject({
      name: 'master rules',
      enforcement: 'active',
      include: ['~DEFAULT_BRANCH'],
      bypass_actors: bypass,
      rules: [
        { type: 'deletion' },
        {
          type: 'required_status_checks',
          parameters: {
            strict_required_status_checks_policy: false,
            required_status_checks: [{ context: 'sagemaker-training', integration_id: APP }],
          },
        },
      ],
    });
    expect(fake.protection.master).toBeUndefined(); // classic protection untouched
  });

  it('--ruleset creates a ruleset on a branch no ruleset governs, and says so', async () => {
    postedBy(APP);
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master', '--ruleset'], { env: env() });
    expect(r.code).toBe(0);
    const [created] = fake.rulesets;
    expect(r.stdout).toContain(
      `Created ruleset "sagemaker-training required on master" (id ${created?.id}) on master, requiring ` +
        `"sagemaker-training" from app ${APP}.`,
    );
    expect(created).toMatchObject({ enforcement: 'active', include: ['refs/heads/master'] });
  });

  it.each([
    [['protect', '--branch', 'master'], {}, 2, 'protect needs --repo OWNER/REPO'],
    [['protect', '--repo', 'octo/repo'], {}, 2, 'protect needs --branch BRANCH'],
    [['protect', '--repo', 'octo/repo', '--branch', 'm'], {}, 2, 'set GITHUB_TOKEN'],
    [['protect', '--repo', 'o/r', '--branch', 'm', '--app-id=-1'], {}, 2, '--app-id must be a GitHub App'],
    [['protect', '--repo', 'o/r', '--branch', 'm', '--app-id', 'gh'], {}, 2, '(got "gh")'],
  ])('%j (env %j) → exit %i', async (argv, env, code, message) => {
    const r = await cli(argv, { env });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('explains an API refusal: a person who is not an admin is told the protection is not found', async () => {
    fake.tokens.set('ghp_writer', userToken('writer', 'write'));
    fake.repository.push('master', 1);
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master', '--app-id', '15368'], {
      env: { GITHUB_TOKEN: 'ghp_writer', GITHUB_API_URL: fake.url },
      ...noRetry,
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error: could not require "sagemaker-training" on master: 404 Not Found');
  });

  it('a branch that does not exist', async () => {
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'nope'], { env: env(), ...noRetry });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('branch nope not found in octo/repo');
  });
});
