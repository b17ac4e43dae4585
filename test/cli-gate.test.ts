// `sagemaker-train run` applies the thresholds like the action; `sagemaker-train protect` requires the check.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';

import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunsTraining as Backend } from '../src/backends/backend.js';
import { runCli, type CliDeps } from '../src/cli.js';
import { createGithub } from '../src/github/client.js';
import { startFakeGithub, type FakeGithub } from './helpers/fake-github.js';

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

async function cli(argv: string[], extra: Partial<CliDeps> = {}) {
  const cwd = await mkdtemp(join(tmpdir(), 'smt-cli-gate-'));
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
  beforeAll(async () => {
    fake = await startFakeGithub();
  });
  afterAll(() => fake.close());

  it('requires the check on the branch through the API', async () => {
    const env = { GITHUB_TOKEN: 'ghp_x', GITHUB_API_URL: fake.url };
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master'], { env });
    expect(r.stdout).toBe('master is now protected and requires "sagemaker-training".\n');
    expect(r.code).toBe(0);
    const again = await cli(['protect', '--repo', 'octo/repo', '--branch', 'master', '--check', 'sagemaker-training'], {
      env,
      createGithub: (o) => createGithub({ ...o, retries: 0 }),
    });
    expect(again.stdout).toContain('already required');
    expect(fake.requests[0]?.authorization).toBe('token ghp_x');
    expect(fake.problems()).toEqual([]);
  });

  it.each([
    [['protect', '--branch', 'master'], {}, 2, 'protect needs --repo OWNER/REPO'],
    [['protect', '--repo', 'octo/repo'], {}, 2, 'protect needs --branch BRANCH'],
    [['protect', '--repo', 'octo/repo', '--branch', 'm'], {}, 2, 'set GITHUB_TOKEN'],
  ])('%j → exit %i', async (argv, env, code, message) => {
    const r = await cli(argv, { env });
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('explains an API refusal', async () => {
    fake.faults.push({ match: /protection$/, status: 403, message: 'Resource not accessible by integration' });
    const r = await cli(['protect', '--repo', 'octo/repo', '--branch', 'main'], {
      env: { GITHUB_TOKEN: 'ghp_x', GITHUB_API_URL: fake.url },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'error: could not update the protection of main: 403 Resource not accessible by integration',
    );
  });
});
