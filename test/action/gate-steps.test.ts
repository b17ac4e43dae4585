// The main and post steps with a fake backend and the local GitHub stand-in (real Octokit): the check run's
// commit, lifecycle and conclusion, the gate against a baseline, faults, forks, the sticky comment.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { runMainStep, type MainStepDeps } from '../../src/action/main-step.js';
import { runPostStep } from '../../src/action/post-step.js';
import type { RunsTraining as Backend } from '../../src/backends/backend.js';
import { createGithub } from '../../src/github/client.js';
import { embedResult, parseEmbeddedResult } from '../../src/report/result-marker.js';
import type { TrainingResult } from '../../src/result.js';
import { startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';
import { FakeCore } from './fake-core.js';

const HEAD = 'e'.repeat(40);
const MERGE = 'f'.repeat(40);
const MASTER = ['a', 'b', 'c'].map((c) => c.repeat(40));

const CONFIG = `
mode: local
image:
  uri: local/img:1
job:
  name-prefix: unit
  instance-type: local
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.5, max-regression: 0.01 }
  - { name: loss, regex: 'loss=([0-9.]+)', goal: minimize }
`;

let fake: FakeGithub;
beforeAll(async () => {
  fake = await startFakeGithub();
});
afterAll(() => fake.close());
afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.requests.length = 0;
  fake.faults.length = 0;
  fake.checkRuns.length = 0;
  fake.comments.length = 0;
});

const SAGEMAKER_CONFIG = `
mode: sagemaker
image:
  uri: 123456789012.dkr.ecr.us-east-1.amazonaws.com/iris:1
job:
  instance-type: ml.m5.large
  role-arn: arn:aws:iam::123456789012:role/SageMakerTraining
output: s3://bucket/models/
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.5 }
`;

const tempDirs: string[] = [];
afterAll(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(mode = 'local'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-gate-'));
  tempDirs.push(dir);
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), mode === 'sagemaker' ? SAGEMAKER_CONFIG : CONFIG);
  return dir;
}

function backend(lines: string[], outcome: Partial<TrainingResult> = {}, during?: () => Promise<void>): Backend {
  return {
    async run(ctx) {
      for (const line of lines) ctx.onLogLine?.('algo-1', line);
      await during?.();
      return {
        mode: 'local',
        jobName: ctx.jobName,
        status: 'Completed',
        metrics: {},
        metricSeries: {},
        imageUri: ctx.imageUri,
        instanceType: 'local',
        instanceCount: 1,
        startedAt: '2025-01-01T00:00:00Z',
        endedAt: '2025-01-01T00:00:10Z',
        durationSeconds: 10,
        logTail: lines,
        links: [],
        ...outcome,
      };
    },
  };
}

const prEvent = (fork = false) => ({
  number: 12,
  pull_request: {
    number: 12,
    head: { sha: HEAD, ref: 'develop', repo: { full_name: fork ? 'someone/repo' : 'octo/repo' } },
    base: { ref: 'master', repo: { full_name: 'octo/repo' } },
  },
  repository: { default_branch: 'master' },
});

interface Scenario {
  event?: unknown;
  eventName?: string;
  inputs?: Record<string, string>;
  b?: Backend;
  mode?: string;
  signals?: EventEmitter;
  retries?: number;
}

async function run(s: Scenario = {}) {
  const ws = await workspace(s.mode);
  const core = new FakeCore({ 'github-token': 'ghs_unit', config: '.github/sagemaker-training.yml', ...s.inputs });
  const deps: MainStepDeps = {
    core,
    env: {
      GITHUB_WORKSPACE: ws,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_EVENT_NAME: s.eventName ?? 'pull_request',
      GITHUB_SHA: MERGE,
      GITHUB_API_URL: fake.url,
      GITHUB_RUN_ID: '77',
    },
    cwd: '/nowhere',
    createDocker: () => Promise.resolve({} as Dockerode),
    signals: s.signals ?? new EventEmitter(),
    readEvent: () => Promise.resolve(s.event ?? prEvent()),
    createGithub: (o) => createGithub({ ...o, retries: s.retries ?? 0 }),
    pipeline: {
      backendFor: () => s.b ?? backend(['accuracy=0.95 loss=0.1']),
      now: () => new Date('2025-01-01T00:00:00Z'),
      random: () => 0,
    },
  };
  await runMainStep(deps);
  return core;
}

function masterResult(accuracy: number, sha = MASTER[1] as string): void {
  fake.commits.master = MASTER;
  fake.addCheckRun({
    name: 'sagemaker-training',
    head_sha: sha,
    output: {
      title: 'x',
      summary: 'x',
      text: embedResult({
        version: 1,
        status: 'Completed',
        jobName: 'base-job',
        sha,
        metrics: { accuracy, loss: 0.1 },
      }),
    },
  });
}

describe('main step with GitHub', () => {
  it('pull request: check run on the head SHA, created before training, completed success against the baseline', async () => {
    masterResult(0.955);
    const core = await run();
    expect(core.failed).toBeUndefined();
    const ours = fake.checkRuns.find((r) => r.head_sha === HEAD);
    expect(ours).toMatchObject({ name: 'sagemaker-training', status: 'completed', conclusion: 'success' });
    expect(fake.checkRuns.some((r) => r.head_sha === MERGE)).toBe(false);
    expect(ours?.output.title).toBe('Gate passed: accuracy 0.95 ▼0.52%');
    expect(ours?.details_url).toBe('https://github.com/octo/repo/actions/runs/77');
    expect(parseEmbeddedResult(ours?.output.text)).toMatchObject({ sha: HEAD, metrics: { accuracy: 0.95, loss: 0.1 } });
    expect(core.outputs).toMatchObject({
      gate: 'passed',
      conclusion: 'success',
      'check-run-id': String(ours?.id),
      'baseline-sha': MASTER[1],
      status: 'Completed',
    });
    expect(core.saved['check-run-id']).toBe(String(ours?.id));
    expect(core.saved['check-run-done']).toBe('true');
    expect(core.saved['check-run-conclusion']).toBe('success');
    // Saved before the configuration is even read.
    expect(core.events.indexOf(`saveState check-run-id=${ours?.id}`)).toBeLessThan(
      core.events.indexOf('group Configuration'),
    );
    expect(core.summaries[0]).toContain('| `accuracy` | **0.95** | 0.955 | 🔴 ▼ −0.52% (−0.005) |');
    // The base as two links: its commit, and the check run that holds its result.
    expect(core.summaries[0]).toContain(
      `Base: \`master\` at [${MASTER[1]?.slice(0, 7)}](https://github.com/octo/repo/commit/${MASTER[1]}) · [its result`,
    );
    expect(ours?.output.summary).toBe(core.summaries[0]);
  });

  it('fails the step and the check on a regression beyond max-regression', async () => {
    masterResult(0.99);
    const core = await run();
    expect(core.failed).toBe('The model did not pass the gate: accuracy 0.95: regressed by 0.04 (allowed 0.01)');
    const ours = fake.checkRuns.find((r) => r.head_sha === HEAD);
    expect(ours?.conclusion).toBe('failure');
    expect(ours?.output.title).toBe('Gate failed: accuracy 0.95 ▼4%');
    expect(ours?.output.annotations).toEqual([
      // At the metric's line in the configuration.
      expect.objectContaining({ path: '.github/sagemaker-training.yml', start_line: 9, annotation_level: 'failure' }),
    ]);
    expect(core.outputs).toMatchObject({ gate: 'failed', conclusion: 'failure', status: 'Completed' });
  });

  it('push to master compares with the previous master commit, not itself', async () => {
    masterResult(0.99, MASTER[0]);
    masterResult(0.95, MASTER[1]);
    const core = await run({
      eventName: 'push',
      event: { after: MASTER[0], repository: { default_branch: 'master' } },
    });
    expect(core.outputs['baseline-sha']).toBe(MASTER[1]);
    expect(core.failed).toBeUndefined();
  });

  it('no baseline: thresholds only, and the summary says so', async () => {
    fake.commits.master = MASTER;
    const core = await run({ b: backend(['accuracy=0.4 loss=0.1']) });
    expect(core.failed).toMatch(/accuracy 0.4: below threshold 0.5/);
    expect(core.outputs['baseline-sha']).toBe('');
    expect(core.summaries[0]).toContain(
      '_No baseline on `master`: no completed "sagemaker-training" result in the last 3 commits of master or their merged pull requests. Only the thresholds were checked._',
    );
  });

  it('phases update the check run at most once a minute', async () => {
    fake.commits.master = MASTER;
    let now = 0;
    const core = new FakeCore({ 'github-token': 'ghs_unit' });
    const ws = await workspace();
    await runMainStep({
      core,
      env: {
        GITHUB_WORKSPACE: ws,
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_SHA: HEAD,
        GITHUB_API_URL: fake.url,
      },
      cwd: '/',
      createDocker: () => Promise.resolve({} as Dockerode),
      signals: new EventEmitter(),
      readEvent: () => Promise.resolve({ repository: { default_branch: 'master' } }),
      // Every reading is 35 s later: creation, then one phase too soon, then one late enough.
      clock: () => (now += 35_000),
      pipeline: {
        backendFor: () => backend(['accuracy=0.95'], {}, () => Promise.resolve()),
        now: () => new Date('2025-01-01T00:00:00Z'),
        random: () => 0,
      },
    });
    const ours = fake.checkRuns.find((r) => r.head_sha === HEAD);
    expect(ours?.updates.map((u) => (u.output as { title: string }).title)).toEqual([
      'Training…',
      'Gate passed: accuracy 0.95 · no baseline on master',
    ]);
    expect(core.failed).toBeUndefined();
  });

  it("a backend's secondary statuses reach the check run as phases", async () => {
    fake.commits.master = MASTER;
    let now = 0;
    const core = new FakeCore({ 'github-token': 'ghs_unit' });
    const phased: Backend = {
      run: async (ctx) => {
        ctx.onPhase?.('Downloading');
        return backend(['accuracy=0.95']).run(ctx);
      },
    };
    await runMainStep({
      core,
      env: {
        GITHUB_WORKSPACE: await workspace(),
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_EVENT_NAME: 'workflow_dispatch',
        GITHUB_SHA: HEAD,
        GITHUB_API_URL: fake.url,
      },
      cwd: '/',
      createDocker: () => Promise.resolve({} as Dockerode),
      signals: new EventEmitter(),
      readEvent: () => Promise.resolve({ repository: { default_branch: 'master' } }),
      clock: () => (now += 70_000),
      pipeline: { backendFor: () => phased, now: () => new Date('2025-01-01T00:00:00Z'), random: () => 0 },
    });
    const titles = fake.checkRuns
      .find((r) => r.head_sha === HEAD)
      ?.updates.map((u) => (u.output as { title: string }).title);
    expect(titles?.slice(0, 3)).toEqual(['Preparing the image…', 'Training…', 'Downloading…']);
  });

  it('without checks: write: a warning says why, the gate still decides the step', async () => {
    fake.commits.master = MASTER;
    fake.faults.push({
      match: /^POST .*\/check-runs$/,
      status: 403,
      message: 'Resource not accessible by integration',
    });
    const core = await run({ b: backend(['accuracy=0.4']) });
    expect(core.log).toContain(
      'warning The check run was not posted: the token cannot create the check run (403 Resource not accessible by integration)',
    );
    expect(core.failed).toMatch(/did not pass the gate/);
    expect(core.outputs).toMatchObject({ gate: 'failed', 'check-run-id': '' });
    expect(core.summaries).toHaveLength(1);
  });

  it('GitHub failing (500) never loses the result: outputs and summary are written, warnings say why', async () => {
    fake.faults.push({ match: /./, status: 500 });
    const core = await run({ retries: 0 });
    expect(core.outputs).toMatchObject({
      status: 'Completed',
      gate: 'passed',
      conclusion: 'success',
      metrics: '{"accuracy":0.95,"loss":0.1}',
    });
    expect(core.summaries).toHaveLength(1);
    expect(core.failed).toBeUndefined();
    expect(core.log).toContain('warning Could not create the check run (GitHub API error: 500');
    expect(core.log).toContain('warning Could not read the baseline from master (500');
    expect(core.log).toContain('warning Could not complete the check run');
    // Creation failed, so completion tried to create the run completed.
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.body?.status)).toEqual([
      'in_progress',
      'completed',
    ]);
  });

  it('a fork with a remote mode: not trained, action_required (never passing), a failed step that says how to run it', async () => {
    let ran = false;
    const b: Backend = { run: () => ((ran = true), Promise.reject(new Error('no'))) };
    const core = await run({ event: prEvent(true), mode: 'sagemaker', b });
    expect(ran).toBe(false);
    expect(core.failed).toMatch(
      /^Not trained: pull requests from forks get no secrets .* workflow_dispatch on the branch/,
    );
    expect(core.outputs).toMatchObject({ gate: 'skipped', conclusion: 'action_required' });
    const ours = fake.checkRuns.find((r) => r.head_sha === HEAD);
    expect(ours).toMatchObject({ conclusion: 'action_required' });
    expect(ours?.output.title).toMatch(/^Training skipped: pull requests from forks get no secrets/);
  });

  it('an invalid configuration completes the check as a failure with an annotation', async () => {
    const core = await run({ inputs: { 'instance-count': 'two' } });
    expect(core.failed).toMatch(/Invalid configuration/);
    const ours = fake.checkRuns.find((r) => r.head_sha === HEAD);
    expect(ours?.conclusion).toBe('failure');
    expect(ours?.output.annotations).toHaveLength(1);
  });

  it('SIGINT: the job stops and the check run is completed as cancelled', async () => {
    fake.commits.master = MASTER;
    const signals = new EventEmitter();
    const b = backend(['accuracy=0.95'], { status: 'Stopped', failureReason: 'stopped by SIGINT' }, () => {
      signals.emit('SIGINT', 'SIGINT');
      return Promise.resolve();
    });
    const core = await run({ b, signals });
    expect(fake.checkRuns.find((r) => r.head_sha === HEAD)?.conclusion).toBe('cancelled');
    expect(core.outputs.conclusion).toBe('cancelled');
    expect(core.failed).toMatch(/was stopped/);
  });

  it('comment: true keeps one sticky comment, updated in place', async () => {
    fake.commits.master = MASTER;
    await run({ inputs: { comment: 'true' } });
    await run({ inputs: { comment: 'true' }, b: backend(['accuracy=0.97']) });
    expect(fake.comments).toHaveLength(1);
    expect(fake.comments[0]?.body).toMatch(
      /^<!-- sagemaker-train:comment sagemaker-training -->\n## ✅ Gate passed: accuracy \*\*0\.97\*\*/,
    );
    expect(fake.comments[0]?.body).toContain('| `accuracy` | **0.97** |');
  });
});

describe('post step with GitHub', () => {
  const env = { GITHUB_REPOSITORY: 'octo/repo', GITHUB_API_URL: fake?.url };
  it('completes a check run the main step left in progress as cancelled', async () => {
    const left = fake.addCheckRun({
      name: 'sagemaker-training',
      head_sha: HEAD,
      status: 'in_progress',
      conclusion: null,
    });
    const core = new FakeCore({ 'github-token': 'ghs_post' }, { 'check-run-id': String(left.id), finished: 'true' });
    await runPostStep({
      core,
      env: { ...env, GITHUB_API_URL: fake.url },
      createGithub: (o) => createGithub({ ...o, retries: 0 }),
    });
    expect(left).toMatchObject({ status: 'completed', conclusion: 'cancelled' });
    expect(core.secrets).toEqual(['ghs_post']);
    expect(core.log).toContain(`info Check run ${left.id} completed as cancelled.`);
  });

  it('completes it with the conclusion the main step reached when only posting failed', async () => {
    const left = fake.addCheckRun({
      name: 'sagemaker-training',
      head_sha: HEAD,
      status: 'in_progress',
      conclusion: null,
    });
    const core = new FakeCore(
      { 'github-token': 'ghs_post' },
      { 'check-run-id': String(left.id), 'check-run-conclusion': 'failure', finished: 'true' },
    );
    await runPostStep({ core, env: { ...env, GITHUB_API_URL: fake.url } });
    expect(left).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(left.output.title).toBe('Training finished: failure');
  });

  it('leaves a completed one alone, and only warns when GitHub fails', async () => {
    const core = new FakeCore(
      { 'github-token': 'ghs_post' },
      { 'check-run-id': '5', 'check-run-done': 'true', finished: 'true' },
    );
    await runPostStep({ core, env: { ...env, GITHUB_API_URL: fake.url } });
    expect(fake.requests).toHaveLength(0);
    fake.faults.push({ match: /./, status: 502 });
    const failing = new FakeCore({ 'github-token': 'ghs_post' }, { 'check-run-id': '5', finished: 'true' });
    await runPostStep({
      core: failing,
      env: { ...env, GITHUB_API_URL: fake.url },
      createGithub: (o) => createGithub({ ...o, retries: 0 }),
    });
    expect(failing.log).toContain('warning Could not complete check run 5 as cancelled: 502');
    expect(failing.failed).toBeUndefined();
  });
});
