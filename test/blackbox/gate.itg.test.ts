// dist/main.js and dist/post.js as the runner runs them, training on the Docker engine, against a local stand-in for
// api.github.com (every request checked against GitHub's OpenAPI description): the commit each event puts the check
// on, the calls made, the gate against a baseline on master, and GitHub failing without the result being lost.
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { embedResult, parseEmbeddedResult } from '../../src/report/result-marker.js';
import { ensureBuilt, runAction } from '../helpers/actions-env.js';
import { startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';

const BASE_IMAGE = process.env.OFFLINE_BASE_IMAGE ?? 'sagemaker-train/python-offline:bookworm';
const PREFIX = 'bbgate';
const docker = new Dockerode();
const engineEnv: Record<string, string> = process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {};
const dirs: string[] = [];

const HEAD = '1234567890abcdef1234567890abcdef12345678';
const MERGE = 'ffffffffffffffffffffffffffffffffffffffff';
const MASTER = ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'];

const DOCKERFILE = `FROM ${BASE_IMAGE}
ENV PATH=/opt/program:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PYTHONUNBUFFERED=1
COPY train /opt/program/train
RUN chmod 0755 /opt/program/train
`;

// Prints a short series ending at the accuracy the hyperparameters ask for.
const TRAIN = `#!/usr/bin/env python3
import json
hp = json.load(open('/opt/ml/input/config/hyperparameters.json'))
acc = float(hp['acc'])
for i in range(1, 6):
    print(f'epoch={i} accuracy={acc * i / 5:.4f} loss={1 - acc * i / 5:.4f}')
open('/opt/ml/model/model.txt', 'w').write('weights')
`;

const CONFIG = `mode: local
image:
  dockerfile: Dockerfile
  context: .
job:
  name-prefix: ${PREFIX}
  instance-type: local
  max-runtime: 5m
output: out
hyperparameters:
  acc: 0.9
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.8, max-regression: 0.01 }
  - { name: loss, regex: 'loss=([0-9.]+)', goal: minimize }
`;

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-gate-'));
  dirs.push(dir);
  return dir;
}

async function workspace(): Promise<string> {
  const dir = await tempDir();
  await writeFile(join(dir, 'Dockerfile'), DOCKERFILE);
  await writeFile(join(dir, 'train'), TRAIN);
  await chmod(join(dir, 'train'), 0o755);
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), CONFIG);
  return dir;
}

const prEvent = {
  number: 3,
  pull_request: {
    number: 3,
    head: { sha: HEAD, ref: 'develop', repo: { full_name: 'octo/repo' } },
    base: { ref: 'master', repo: { full_name: 'octo/repo' } },
  },
  repository: { full_name: 'octo/repo', default_branch: 'master' },
};

let fake: FakeGithub;

async function train(eventName: string, event: unknown, inputs: Record<string, string> = {}) {
  const ws = await workspace();
  const eventPath = join(await tempDir(), 'event.json');
  await writeFile(eventPath, JSON.stringify(event));
  return runAction('main', {
    workspace: ws,
    inputs,
    env: {
      ...engineEnv,
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: eventName === 'pull_request' ? MERGE : HEAD,
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
    },
  });
}

function masterResult(accuracy: number): void {
  fake.commits.master = MASTER;
  const sha = MASTER[0] as string;
  fake.addCheckRun({
    name: 'sagemaker-training',
    head_sha: sha,
    output: {
      title: 'x',
      summary: 'x',
      text: embedResult({ version: 1, status: 'Completed', jobName: 'base', sha, metrics: { accuracy, loss: 0.1 } }),
    },
  });
}

const ours = () => fake.checkRuns.find((r) => r.head_sha === HEAD);

beforeAll(async () => {
  await ensureBuilt();
  await docker.ping();
  fake = await startFakeGithub();
}, 180_000);

afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.requests.length = 0;
  fake.checkRuns.length = 0;
  fake.faults.length = 0;
  fake.commits.master = MASTER;
});

afterAll(async () => {
  await fake?.close();
  await docker
    .getImage(`sagemaker-train/${PREFIX}:local`)
    .remove({ force: true })
    .catch(() => undefined);
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('dist/main.js with GitHub and the engine', () => {
  it('pull_request: the check goes on the PR head, from in_progress to success against the master baseline', async () => {
    masterResult(0.895);
    const run = await train('pull_request', prEvent);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const check = ours();
    expect(check).toMatchObject({
      name: 'sagemaker-training',
      head_sha: HEAD,
      status: 'completed',
      conclusion: 'success',
    });
    expect(fake.checkRuns.some((r) => r.head_sha === MERGE)).toBe(false);
    expect(check?.output.title).toBe('Gate passed: accuracy 0.9 ▲0.56%');
    // No Mermaid in the check run (GitHub documents none there): a link to the job summary's charts when it has any.
    expect(check?.output.summary).not.toContain('xychart-beta');
    expect(check?.output.summary?.includes('[job summary]')).toBe(run.summary.includes('xychart-beta'));
    expect(parseEmbeddedResult(check?.output.text)).toMatchObject({
      sha: HEAD,
      status: 'Completed',
      metrics: { accuracy: 0.9 },
    });
    // The calls, in order: create in_progress, read master's history and its check runs, complete. (A phase update
    // comes at most once a minute: none in a run this short.)
    expect(fake.requests.map((r) => r.operationId)).toEqual([
      'checks/create',
      'repos/list-commits',
      'checks/list-for-ref',
      'checks/update',
    ]);
    expect(fake.requests[0]?.body).toMatchObject({
      head_sha: HEAD,
      status: 'in_progress',
      details_url: 'https://github.com/octo/repo/actions/runs/4242',
    });
    expect(fake.requests.at(-1)?.body).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(fake.requests[0]?.authorization).toBe('token ghs_blackboxtoken0123456789');
    expect(run.outputs).toMatchObject({
      status: 'Completed',
      gate: 'passed',
      conclusion: 'success',
      'check-run-id': String(check?.id),
      'baseline-sha': MASTER[0],
    });
    expect(run.state).toMatchObject({ 'check-run-id': String(check?.id), 'check-run-done': 'true' });
    expect(run.summary).toContain('| `accuracy` | **0.9** | 0.895 | 🟢 ▲ +0.56% (+0.005) |');
    expect(JSON.stringify(run.state)).not.toContain('ghs_blackbox');
    expect(run.stdout.replace(/^::add-mask::.*$/m, '')).not.toContain('ghs_blackbox');

    // The post step has nothing to do.
    const requestsBefore = fake.requests.length;
    const post = await runAction('post', {
      workspace: await tempDir(),
      state: run.state,
      env: { ...engineEnv, GITHUB_API_URL: fake.url },
    });
    expect(post.code).toBe(0);
    expect(fake.requests).toHaveLength(requestsBefore);
  });

  it('pull_request: a regression beyond max-regression against master fails the step and the check', async () => {
    masterResult(0.95);
    const run = await train('pull_request', prEvent);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(
      /^::error::The model did not pass the gate: accuracy 0.9: regressed by 0.05 \(allowed 0.01\)/m,
    );
    expect(ours()).toMatchObject({ conclusion: 'failure' });
    expect(ours()?.output.title).toBe('Gate failed: accuracy 0.9 ▼5.3%');
    expect(run.outputs).toMatchObject({ status: 'Completed', gate: 'failed', conclusion: 'failure' });
  });

  it('push: the check goes on the pushed commit; no baseline on master means thresholds only', async () => {
    fake.commits.master = MASTER;
    const run = await train('push', {
      after: HEAD,
      ref: 'refs/heads/develop',
      repository: { default_branch: 'master' },
    });
    expect(run.code, run.stdout).toBe(0);
    expect(ours()).toMatchObject({ head_sha: HEAD, conclusion: 'success' });
    expect(run.outputs['baseline-sha']).toBe('');
    expect(run.summary).toContain(
      '_No baseline on `master`: no completed "sagemaker-training" result in the last 2 commits of master or their merged pull requests.',
    );
  });

  it('workflow_dispatch with inputs: the dispatched commit, a custom check name and baseline branch', async () => {
    fake.commits.release = MASTER;
    const run = await train(
      'workflow_dispatch',
      { inputs: { mode: 'local' }, repository: { default_branch: 'master' } },
      { 'check-name': 'ml-gate', 'baseline-branch': 'release', hyperparameters: '{ acc: 0.7 }' },
    );
    expect(run.code).not.toBe(0);
    expect(fake.checkRuns[0]).toMatchObject({ name: 'ml-gate', head_sha: HEAD, conclusion: 'failure' });
    expect(fake.requests.find((r) => r.operationId === 'repos/list-commits')?.query.sha).toBe('release');
    expect(run.outputs.gate).toBe('failed');
  });

  it('GitHub failing (500s, then a 429) never loses the result: outputs and summary are written', async () => {
    masterResult(0.9);
    fake.faults.push(
      { match: /^POST \/repos\/octo\/repo\/check-runs$/, status: 500, times: 3 },
      { match: /^GET \/repos\/octo\/repo\/commits$/, status: 429, headers: { 'retry-after': '1' }, times: 1 },
    );
    const run = await train('pull_request', prEvent);
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      status: 'Completed',
      gate: 'passed',
      conclusion: 'success',
      'baseline-sha': MASTER[0],
    });
    expect(run.summary).toMatch(/^## ✅ Gate passed/);
    expect(run.stdout).toContain('::warning::Could not create the check run (GitHub API error: 500');
    // The creation was retried (bounded), then the completed run was created at the end.
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([500, 500, 500, 201]);
    expect(ours()).toMatchObject({ conclusion: 'success' });
    expect(run.outputs['check-run-id']).toBe(String(ours()?.id));
  });

  it('without checks: write, the reason is a warning and the gate still decides', async () => {
    fake.faults.push({ match: /check-runs$/, status: 403, message: 'Resource not accessible by integration' });
    const run = await train('pull_request', prEvent);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '::warning::The check run was not posted: the token cannot create the check run (403 Resource not accessible by integration)',
    );
    expect(run.outputs).toMatchObject({ gate: 'passed', 'check-run-id': '' });
  });
});

describe('cancelling dist/main.js with a check run', () => {
  it('the post step completes a check the killed main step left in progress as cancelled', async () => {
    const run = await runAction('post', {
      workspace: await tempDir(),
      state: {
        'check-run-id': String(
          fake.addCheckRun({ name: 'sagemaker-training', head_sha: HEAD, status: 'in_progress', conclusion: null }).id,
        ),
        finished: 'true',
      },
      env: { GITHUB_API_URL: fake.url },
    });
    expect(run.code).toBe(0);
    expect(fake.checkRuns[0]).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
  });
});
