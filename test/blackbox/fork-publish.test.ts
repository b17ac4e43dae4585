// dist/main.js with publish-result, as a workflow on workflow_run runs it, against the GitHub stand-in: the check run
// a fork's (or Dependabot's) pull request run could not post goes on the pull request's head with the gate judged by
// the base's configuration against master's result; a saved result that does not match the event, is too large or
// is not JSON is refused with a failed check that says why; a run that posted its own check is left alone.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { embedResult } from '../../src/report/result-marker.js';
import { ensureBuilt } from '../helpers/actions-env.js';
import { startFakeGithub, type FakeGithub, type StoredPull } from '../helpers/fake-github.js';
import { checkout, FORK, publishRun, savedJson, workflowRunEvent } from '../helpers/fork-pattern.js';

const dirs: string[] = [];
let fake: FakeGithub;
let pull: StoredPull;
let head: string;

beforeAll(async () => {
  await ensureBuilt();
  fake = await startFakeGithub();
}, 180_000);

afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.reset();
});

afterAll(async () => {
  await fake?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** master with a result of `accuracy`, and an open pull request from the fork's `feature` branch. */
function repository(accuracy: number, o: { fork?: string; user?: string } = {}): void {
  const sha = fake.repository.push('master', 2).at(-1) ?? '';
  fake.addCheckRun({
    name: 'sagemaker-training',
    head_sha: sha,
    output: {
      title: 'x',
      summary: 'x',
      text: embedResult({ version: 1, status: 'Completed', jobName: 'base', sha, metrics: { accuracy } }),
    },
  });
  pull = fake.repository.openPull({
    base: 'master',
    headRef: 'feature',
    fork: o.fork ?? FORK,
    user: o.user ?? 'forker',
  });
  head = pull.head.sha;
}

async function publish(saved: unknown, event = workflowRunEvent({ sha: head })) {
  const ws = await checkout(dirs, 'bbfork');
  const file = join(ws, 'result', 'saved-result.json');
  await mkdir(join(ws, 'result'));
  await writeFile(file, typeof saved === 'string' ? saved : JSON.stringify(saved));
  return publishRun(fake, { ws, event, file: 'result/saved-result.json' });
}

const onHead = () => fake.checkRuns.filter((r) => r.head_sha === head);

describe('publish-result on workflow_run', () => {
  it('posts the check on the fork pull request head, success against master’s result', async () => {
    repository(0.895);
    const run = await publish(savedJson({ pr: pull.number, sha: head, accuracy: 0.9 }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(onHead()).toHaveLength(1);
    expect(onHead()[0]).toMatchObject({
      name: 'sagemaker-training',
      status: 'completed',
      conclusion: 'success',
      app_id: 15368,
      details_url: 'https://github.com/octo/repo/actions/runs/777',
    });
    expect(onHead()[0]?.output.title).toBe('Gate passed: accuracy 0.9 ▲0.56%');
    expect(run.outputs).toMatchObject({ gate: 'passed', conclusion: 'success' });
    expect(run.stdout).toContain(`Pull request #${pull.number} at ${head.slice(0, 7)}: success`);
  });

  it('a regression against master fails the check (the base’s max-regression, not the fork’s)', async () => {
    repository(0.95);
    const run = await publish(savedJson({ pr: pull.number, sha: head, accuracy: 0.9 }));
    expect(run.code, run.stdout).toBe(0);
    expect(onHead()[0]).toMatchObject({ conclusion: 'failure' });
    expect(onHead()[0]?.output.title).toBe('Gate failed: accuracy 0.9 ▼5.3%');
  });

  it('Dependabot’s pull request (same repository, read-only token) is published too', async () => {
    repository(0.9, { fork: 'octo/repo', user: 'dependabot[bot]' });
    const event = workflowRunEvent({ sha: head, headRepo: 'octo/repo', actor: 'dependabot[bot]' });
    const run = await publish(savedJson({ pr: pull.number, sha: head, accuracy: 0.9 }), event);
    expect(run.code, run.stdout).toBe(0);
    expect(onHead()[0]).toMatchObject({ conclusion: 'success' });
  });

  it('a pull request from this repository posted its own check: nothing is posted', async () => {
    repository(0.9, { fork: 'octo/repo' });
    const event = workflowRunEvent({ sha: head, headRepo: 'octo/repo' });
    const run = await publish(savedJson({ pr: pull.number, sha: head, accuracy: 0.9 }), event);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain('Nothing to publish: the pull request is from this repository');
    expect(fake.requests).toEqual([]);
  });

  it.each([
    [
      'a head SHA other than the event’s',
      () => savedJson({ pr: pull.number, sha: 'f'.repeat(40), accuracy: 0.99 }),
      /names commit f{40}, but the workflow run that saved it trained [0-9a-f]{40}/,
    ],
    ['a file larger than 1 MiB', () => ' '.repeat(1024 * 1024 + 1), /is 1048577 bytes, more than 1048576/],
    ['a file that is not JSON', () => '{"format": ', /is not JSON/],
    [
      'an unknown field',
      () => ({ ...savedJson({ pr: pull.number, sha: head, accuracy: 0.9 }), run: 'curl x | sh' }),
      /\$\.run is not a field of a saved result/,
    ],
    [
      'a metric that is not a number',
      () => {
        const s = savedJson({ pr: pull.number, sha: head, accuracy: 0.9 });
        (s.result as { metrics: Record<string, unknown> }).metrics.accuracy = '0.99';
        return s;
      },
      /\$\.result\.metrics\.accuracy must be a finite number/,
    ],
    [
      'another pull request (whose head is another branch)',
      () => {
        const other = fake.repository.openPull({ base: 'master', headRef: 'other', fork: FORK });
        return savedJson({ pr: other.number, sha: head, accuracy: 0.9 });
      },
      /names pull request #\d+, whose head is forker\/repo:other, but the workflow run trained forker\/repo:feature/,
    ],
  ])('refuses %s with a failed check on the head that says why', async (_what, saved, message) => {
    repository(0.9);
    const run = await publish(saved());
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/^::error::The saved result .*saved-result\.json was refused: /m);
    expect(run.stdout).toMatch(message);
    expect(onHead()).toHaveLength(1);
    expect(onHead()[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(onHead()[0]?.output.summary).toMatch(message);
  });

  it('a run that saved nothing (it failed before training) fails the check with a link to its log', async () => {
    repository(0.9);
    const ws = await checkout(dirs, 'bbfork');
    const run = await publishRun(fake, { ws, event: workflowRunEvent({ sha: head }), file: 'result/missing.json' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(
      'is not there: the training run saved no result; its log says why: https://github.com/octo/repo/actions/runs/777',
    );
    expect(onHead()[0]).toMatchObject({ conclusion: 'failure' });
  });

  it('outside a workflow_run workflow, publish-result is refused naming the input', async () => {
    repository(0.9);
    const ws = await checkout(dirs, 'bbfork');
    const run = await publishRun(fake, {
      ws,
      event: { repository: { full_name: 'octo/repo' } },
      file: 'x.json',
      env: { GITHUB_EVENT_NAME: 'pull_request' },
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toContain(
      '::error::Input "publish-result" needs a workflow triggered by workflow_run: it runs on "pull_request", not on workflow_run',
    );
    expect(fake.checkRuns.filter((r) => r.head_sha === head)).toEqual([]);
  });
});
