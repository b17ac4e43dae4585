// The baseline survives every merge method: after a merge commit, a squash or a rebase, the base branch's latest
// result is found (through the merged pull request's head when the new commits have no check run of their own), and
// the summary says which commit and pull request gave it and how. `gate.baseline: required` fails without one.
import { rm } from 'node:fs/promises';
import { Writable } from 'node:stream';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ConfigError } from '../../src/config/errors.js';
import { loadRequest } from '../../src/config/load.js';
import { judgeTraining } from '../../src/gate/conclusion.js';
import { createGithub, findBaseline, type GitHub } from '../../src/github/index.js';
import { ConsoleLogger } from '../../src/logger.js';
import { embedResult } from '../../src/report/result-marker.js';
import { summaryMarkdown } from '../../src/report/summary.js';
import type { MetricSpec, TrainingRequest } from '../../src/request.js';
import { makeWorkspace, writeConfig } from '../fixtures/bad-configs.js';
import { makeResult } from '../report/fixtures.js';
import { appToken, startFakeGithub, type FakeGithub, type MergeMethod } from '../helpers/fake-github.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _e: string, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

const CHECK = 'sagemaker-training';
let fake: FakeGithub;
let github: GitHub;
const logger = new ConsoleLogger(new Sink());

beforeAll(async () => {
  fake = await startFakeGithub();
  github = await createGithub({ token: 'ghs_test', baseUrl: fake.url, logger, retries: 0 });
});
afterAll(() => fake.close());
afterEach(() => {
  expect(fake.problems()).toEqual([]);
  fake.reset();
});

function result(sha: string, accuracy: number): void {
  fake.addCheckRun({
    name: CHECK,
    head_sha: sha,
    output: {
      title: 't',
      summary: 's',
      text: embedResult({
        version: 1,
        status: 'Completed',
        jobName: `job-${sha.slice(0, 4)}`,
        sha,
        metrics: { accuracy },
      }),
    },
  });
}

const lookup = (skipSha?: string) =>
  findBaseline({
    github,
    owner: 'octo',
    repo: 'repo',
    branch: 'master',
    checkName: CHECK,
    depth: 20,
    logger,
    ...(skipSha ? { skipSha } : {}),
  });

describe('findBaseline after each merge method', () => {
  it.each(['merge', 'squash', 'rebase'] as MergeMethod[])(
    '%s: the merged pull request’s result is the baseline, and the newer one wins over an older run on master',
    async (method) => {
      const [old] = fake.repository.push('master', 1);
      result(old as string, 0.8);
      const pull = fake.repository.openPull({ base: 'master', headRef: 'develop' });
      result(pull.head.sha, 0.93);
      const tip = fake.repository.merge(pull, method);
      const found = await lookup();
      expect(found.baseline).toMatchObject({ sha: pull.head.sha, metrics: { accuracy: 0.93 } });
      // None of the new commits on master has a run; the pull request's head is found through the association.
      expect(found.baseline).toMatchObject({ via: 'pull-request', pullRequest: pull.number, baseSha: tip });
    },
  );

  it('a run on the base branch itself (push or merge queue) is taken as it is', async () => {
    const [sha] = fake.repository.push('master', 1);
    result(sha as string, 0.9);
    expect((await lookup()).baseline).toMatchObject({ sha, via: 'base-branch', baseSha: sha });
  });

  it('skips the commit being checked, and its own open pull request', async () => {
    const [sha] = fake.repository.push('master', 1);
    result(sha as string, 0.9);
    expect((await lookup(sha)).missing).toBe(
      'no completed "sagemaker-training" result in the last 0 commits of master or their merged pull requests',
    );
  });

  it('without pull-requests: read it still reads runs on the branch, and says what it could not read', async () => {
    fake.tokens.set('ghs_no_pulls', appToken(15368, 'github-actions', { checks: 'write', contents: 'read' }));
    const limited = await createGithub({ token: 'ghs_no_pulls', baseUrl: fake.url, logger, retries: 0 });
    const pull = fake.repository.openPull({ base: 'master', headRef: 'develop' });
    result(pull.head.sha, 0.93);
    fake.repository.merge(pull, 'squash');
    const found = await findBaseline({
      github: limited,
      owner: 'octo',
      repo: 'repo',
      branch: 'master',
      checkName: CHECK,
      depth: 5,
      logger,
    });
    expect(found.missing).toMatch(
      /merged pull requests could not be read \(403 .*\): give the job pull-requests: read$/,
    );
  });
});

const SPECS: MetricSpec[] = [
  { name: 'accuracy', regex: 'a=(\\S+)', goal: 'maximize', maxRegression: { kind: 'absolute', value: 0.01 } },
];
const trained = makeResult({ metrics: { accuracy: 0.9 } });

describe('the summary says where the baseline came from', () => {
  it('through a pull request: its number and the commit it was merged as', () => {
    const baseline = {
      sha: 'a'.repeat(40),
      via: 'pull-request' as const,
      pullRequest: 12,
      baseSha: 'b'.repeat(40),
      metrics: { accuracy: 0.9 },
    };
    const { gate } = judgeTraining(SPECS, trained, baseline);
    const request = { metrics: SPECS } as unknown as TrainingRequest;
    const text = summaryMarkdown(trained, request, {
      gate,
      baseBranch: 'master',
    });
    expect(text).toContain(
      'Base: `master` at `aaaaaaa`, the head of pull request #12 (merged into `master` as `bbbbbbb`).',
    );
  });
});

describe('gate.baseline: required', () => {
  it('fails the gate when no baseline exists, saying why; passes with one', () => {
    const missing = judgeTraining(SPECS, trained, undefined, {
      baselineRequired: true,
      missing: 'no result on master',
    });
    expect(missing.outcome).toEqual({
      conclusion: 'failure',
      gate: 'failed',
      reason: 'No baseline to compare with (no result on master), and the configuration says gate.baseline: required',
    });
    const optional = judgeTraining(SPECS, trained, undefined);
    expect(optional.outcome.conclusion).toBe('success');
    const present = judgeTraining(
      SPECS,
      trained,
      { sha: 'a'.repeat(40), metrics: { accuracy: 0.9 } },
      { baselineRequired: true },
    );
    expect(present.outcome.conclusion).toBe('success');
  });

  it('is read from the configuration; anything else names the key and what is allowed', async () => {
    const workspace = await makeWorkspace();
    try {
      await writeConfig(workspace, 'mode: local\ngate:\n  baseline: required\n');
      expect((await loadRequest({ workspace, overrides: [], env: {} })).gate).toEqual({ baseline: 'required' });
      await writeConfig(workspace, 'mode: local\ngate:\n  baseline: always\n');
      const err = await loadRequest({ workspace, overrides: [], env: {} }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/gate\.baseline.*must be one of optional, required \(got "always"\)/s);
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });
});
