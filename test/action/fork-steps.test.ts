// The fork pattern through the main step's code (src/), with a fake backend and the GitHub stand-in: a fork's run
// with save-result posts nothing and writes a result the reader accepts; publish-result posts it on the head; the
// event decides what is published; the two inputs exclude each other.
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { runMainStep } from '../../src/action/main-step.js';
import type { RunsTraining as Backend } from '../../src/backends/backend.js';
import { createGithub } from '../../src/github/client.js';
import { triggeringRun } from '../../src/github/workflow-run.js';
import { readSavedResult } from '../../src/report/saved-result-read.js';
import { readOnlyWorkflowToken, startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';
import { FORK, GATE_CONFIG, savedJson, workflowRunEvent } from '../helpers/fork-pattern.js';
import { FakeCore } from './fake-core.js';

const MERGE = 'f'.repeat(40);
const dirs: string[] = [];
let fake: FakeGithub;

beforeAll(async () => {
  fake = await startFakeGithub();
  fake.tokens.set('ghs_fork', readOnlyWorkflowToken());
});
afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.reset();
});
afterAll(async () => {
  await fake.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

const backend: Backend = {
  run(ctx) {
    ctx.onLogLine?.('algo-1', 'epoch=1 accuracy=0.9 loss=0.1');
    return Promise.resolve({
      mode: 'local',
      jobName: ctx.jobName,
      status: 'Completed',
      metrics: {},
      metricSeries: {},
      imageUri: ctx.imageUri,
      instanceType: 'local',
      instanceCount: 1,
      startedAt: '2025-01-01T00:00:00.000Z',
      endedAt: '2025-01-01T00:00:10.000Z',
      durationSeconds: 10,
      logTail: ['epoch=1 accuracy=0.9 loss=0.1'],
      links: [],
    });
  },
};

async function workspace(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-fork-steps-'));
  dirs.push(dir);
  await mkdir(join(dir, '.github'));
  // A prebuilt image: the fake backend trains nothing, so nothing is built.
  const config = GATE_CONFIG('unit').replace('  dockerfile: Dockerfile\n  context: .\n', '  uri: local/img:1\n');
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), config);
  return dir;
}

async function step(o: { ws: string; eventName: string; event: unknown; inputs: Record<string, string> }) {
  const core = new FakeCore({ config: '.github/sagemaker-training.yml', ...o.inputs });
  await runMainStep({
    core,
    env: {
      GITHUB_WORKSPACE: o.ws,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_EVENT_NAME: o.eventName,
      GITHUB_SHA: MERGE,
      GITHUB_API_URL: fake.url,
      GITHUB_RUN_ID: '77',
    },
    cwd: '/nowhere',
    createDocker: () => Promise.resolve({} as Dockerode),
    signals: new EventEmitter(),
    readEvent: () => Promise.resolve(o.event),
    createGithub: (options) => createGithub({ ...options, retries: 0 }),
    pipeline: { backendFor: () => backend, now: () => new Date('2025-01-01T00:00:00Z'), random: () => 0 },
  });
  return core;
}

function forkPull() {
  fake.repository.push('master', 1);
  const pull = fake.repository.openPull({ base: 'master', headRef: 'feature', fork: FORK, user: 'forker' });
  const event = {
    number: pull.number,
    pull_request: {
      number: pull.number,
      head: { sha: pull.head.sha, ref: 'feature', repo: { full_name: FORK } },
      base: { ref: 'master', repo: { full_name: 'octo/repo' } },
      user: { login: 'forker' },
    },
    repository: { full_name: 'octo/repo', default_branch: 'master' },
  };
  return { pull, event };
}

describe('save-result, then publish-result', () => {
  it('the fork run writes the result and posts nothing; the workflow_run step posts it on the head', async () => {
    const { pull, event } = forkPull();
    const ws = await workspace();
    const inputs = { 'github-token': 'ghs_fork', 'save-result': 'out/result.json', comment: 'true' };
    const fork = await step({ ws, eventName: 'pull_request', event, inputs });
    expect(fork.failed).toBeUndefined();
    expect(fork.events.join('\n')).toContain('No check run is posted from this run: pull requests from forks');
    expect(fork.events.join('\n')).toContain('No pull request comment from this run');
    expect(fake.requests.filter((r) => r.method !== 'GET' || r.status >= 400)).toEqual([]);
    const saved = readSavedResult(await readFile(join(ws, 'out', 'result.json')));
    expect(saved).toMatchObject({ pullRequest: pull.number, headSha: pull.head.sha, result: { status: 'Completed' } });
    expect(saved.result.metrics).toEqual({ accuracy: 0.9, loss: 0.1 });

    const publish = await step({
      ws,
      eventName: 'workflow_run',
      event: workflowRunEvent({ sha: pull.head.sha }),
      inputs: { 'github-token': 'ghs_unit', 'publish-result': 'out/result.json' },
    });
    expect(publish.failed).toBeUndefined();
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ head_sha: pull.head.sha, conclusion: 'success', app_id: 15368 });
    expect(publish.outputs).toMatchObject({ gate: 'passed', conclusion: 'success' });
  });

  it.each([
    [
      'a saved result for another commit',
      'b'.repeat(40),
      /names commit b{40}, but the workflow run that saved it trained/,
    ],
    ['no saved result', undefined, /is not there: the training run saved no result; its log says why: https:/],
  ])('refuses %s with a failed check on the event’s commit', async (_what, savedSha, message) => {
    const { pull } = forkPull();
    const ws = await workspace();
    if (savedSha) {
      await mkdir(join(ws, 'out'));
      await writeFile(
        join(ws, 'out', 'result.json'),
        JSON.stringify(savedJson({ pr: pull.number, sha: savedSha, accuracy: 0.9 })),
      );
    }
    const core = await step({
      ws,
      eventName: 'workflow_run',
      event: workflowRunEvent({ sha: pull.head.sha }),
      inputs: { 'github-token': 'ghs_unit', 'publish-result': 'out/result.json' },
    });
    expect(core.failed).toMatch(message);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.checkRuns[0]).toMatchObject({ head_sha: pull.head.sha, conclusion: 'failure' });
    expect(core.saved).toMatchObject({ finished: 'true', 'check-run-done': 'true' });
  });

  it('a push run with save-result saves nothing (no pull request) and posts its own check', async () => {
    fake.repository.push('master', 1);
    const ws = await workspace();
    const core = await step({
      ws,
      eventName: 'push',
      event: { after: 'a'.repeat(40), repository: { default_branch: 'master' } },
      inputs: { 'github-token': 'ghs_unit', 'save-result': 'out/result.json' },
    });
    expect(core.events.join('\n')).toContain('save-result: this run is not for a pull request; nothing is saved.');
    expect(fake.checkRuns).toHaveLength(1);
    await expect(readFile(join(ws, 'out', 'result.json'))).rejects.toThrow(/ENOENT/);
  });

  it('publish-result for a push run posts nothing (that run posted its own check)', async () => {
    const ws = await workspace();
    const core = await step({
      ws,
      eventName: 'workflow_run',
      event: workflowRunEvent({ sha: 'a'.repeat(40), event: 'push', headRepo: 'octo/repo' }),
      inputs: { 'github-token': 'ghs_unit', 'publish-result': 'out/result.json' },
    });
    expect(core.failed).toBeUndefined();
    expect(core.events.join('\n')).toContain('Nothing to publish: the run was for push, and posted its own check.');
    expect(fake.requests).toEqual([]);
  });

  it('refuses save-result and publish-result together, naming the inputs', async () => {
    const core = await step({
      ws: await workspace(),
      eventName: 'workflow_run',
      event: {},
      inputs: { 'save-result': 'a.json', 'publish-result': 'b.json' },
    });
    expect(core.failed).toBe('Input "publish-result" cannot be given with save-result: a step trains or posts');
  });
});

describe('triggeringRun', () => {
  it.each([
    ['another event', 'push', {}, 'it runs on "push", not on workflow_run'],
    ['no payload', 'workflow_run', {}, 'the workflow_run payload has no head_sha or head_repository'],
    [
      'a short SHA',
      'workflow_run',
      { workflow_run: { head_sha: 'abc', head_repository: { full_name: 'a/b' } } },
      'no head_sha',
    ],
  ])('refuses %s', (_what, name, event, problem) => {
    expect(triggeringRun(name, event)).toEqual({ problem: expect.stringContaining(problem) as string });
  });

  it('reads the run, with the pull requests GitHub listed', () => {
    const event = workflowRunEvent({ sha: 'a'.repeat(40), headRepo: 'octo/repo' });
    event.workflow_run.pull_requests = [{ number: 5 }] as never;
    expect(triggeringRun('workflow_run', event)).toEqual({
      id: 777,
      event: 'pull_request',
      headSha: 'a'.repeat(40),
      headBranch: 'feature',
      headRepository: 'octo/repo',
      url: 'https://github.com/octo/repo/actions/runs/777',
      pullRequests: [5],
      actor: 'forker',
    });
  });
});
