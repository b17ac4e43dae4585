// The fork pattern end to end through dist/main.js, training on the Docker engine against the GitHub stand-in: the
// fork's pull_request run (a read-only token) trains in local mode, saves its result and posts nothing, without
// failing for lack of permission; the workflow_run workflow (the base's write token) posts the check on the head from
// that file, with the gate against master's result.
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { embedResult } from '../../src/report/result-marker.js';
import { ensureBuilt, runAction } from '../helpers/actions-env.js';
import { readOnlyWorkflowToken, startFakeGithub, type FakeGithub } from '../helpers/fake-github.js';
import { checkout, FORK, publishRun, workflowRunEvent } from '../helpers/fork-pattern.js';

const BASE_IMAGE = process.env.OFFLINE_BASE_IMAGE ?? 'sagemaker-train/python-offline:bookworm';
const PREFIX = 'bbforkrun';
const engineEnv: Record<string, string> = process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {};
const docker = new Dockerode();
const dirs: string[] = [];
let fake: FakeGithub;

const TRAIN = `#!/usr/bin/env python3
import json
acc = float(json.load(open('/opt/ml/input/config/hyperparameters.json'))['acc'])
for i in range(1, 4):
    print(f'epoch={i} accuracy={acc * i / 3:.4f} loss={1 - acc * i / 3:.4f}')
`;

beforeAll(async () => {
  await ensureBuilt();
  await docker.ping();
  fake = await startFakeGithub();
  fake.tokens.set('ghs_forkreadonly', readOnlyWorkflowToken());
}, 180_000);

afterAll(async () => {
  await fake?.close();
  await docker
    .getImage(`sagemaker-train/${PREFIX}:local`)
    .remove({ force: true })
    .catch(() => undefined);
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('a fork’s pull request in local mode, posted by a workflow_run workflow', () => {
  it('the fork run saves its result and posts nothing; the workflow_run run posts it on the head', async () => {
    const master = fake.repository.push('master', 1).at(-1) ?? '';
    fake.addCheckRun({
      name: 'sagemaker-training',
      head_sha: master,
      output: {
        title: 'x',
        summary: 'x',
        text: embedResult({ version: 1, status: 'Completed', jobName: 'b', sha: master, metrics: { accuracy: 0.895 } }),
      },
    });
    const pull = fake.repository.openPull({ base: 'master', headRef: 'feature', fork: FORK, user: 'forker' });
    const head = pull.head.sha;

    // The fork's checkout: its own code and configuration.
    const forkWs = await checkout(dirs, PREFIX);
    await writeFile(
      join(forkWs, 'Dockerfile'),
      `FROM ${BASE_IMAGE}\nENV PATH=/opt/program:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n` +
        'COPY train /opt/program/train\nRUN chmod 0755 /opt/program/train\n',
    );
    await writeFile(join(forkWs, 'train'), TRAIN);
    await chmod(join(forkWs, 'train'), 0o755);
    const events = await mkdtemp(join(tmpdir(), 'smt-bb-fork-event-'));
    dirs.push(events);
    const prEvent = join(events, 'pull_request.json');
    await writeFile(
      prEvent,
      JSON.stringify({
        number: pull.number,
        pull_request: {
          number: pull.number,
          user: { login: 'forker' },
          head: { sha: head, ref: 'feature', repo: { full_name: FORK } },
          base: { ref: 'master', sha: master, repo: { full_name: 'octo/repo' } },
        },
        repository: { full_name: 'octo/repo', default_branch: 'master' },
      }),
    );
    const fork = await runAction('main', {
      workspace: forkWs,
      inputs: { 'github-token': 'ghs_forkreadonly', 'save-result': 'sagemaker-result/result.json', comment: 'true' },
      env: {
        ...engineEnv,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: prEvent,
        GITHUB_SHA: 'e'.repeat(40),
        GITHUB_API_URL: fake.url,
      },
      timeoutMs: 240_000,
    });
    expect(fork.code, fork.stdout + fork.stderr).toBe(0);
    expect(fork.stdout).toContain(
      'No check run is posted from this run: pull requests from forks get a read-only token',
    );
    expect(fork.stdout).not.toContain('::warning::');
    // Nothing was written to GitHub, and nothing was refused: the run only read master's history and results.
    expect(fake.requests.filter((r) => r.method !== 'GET')).toEqual([]);
    expect(fake.requests.filter((r) => r.status >= 400)).toEqual([]);
    expect(fake.checkRuns.filter((r) => r.head_sha === head)).toEqual([]);
    expect(fork.outputs).toMatchObject({ gate: 'passed', 'check-run-id': '' });

    // The workflow_run workflow, in the base's checkout, with the file the artifact carried.
    const baseWs = await checkout(dirs, PREFIX);
    await mkdir(join(baseWs, 'downloaded'));
    await copyFile(join(forkWs, 'sagemaker-result', 'result.json'), join(baseWs, 'downloaded', 'result.json'));
    const posted = await publishRun(fake, {
      ws: baseWs,
      event: workflowRunEvent({ sha: head }),
      file: 'downloaded/result.json',
      inputs: { comment: 'true' },
    });
    expect(posted.code, posted.stdout + posted.stderr).toBe(0);
    const checks = fake.checkRuns.filter((r) => r.head_sha === head);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ name: 'sagemaker-training', conclusion: 'success', app_id: 15368 });
    expect(checks[0]?.output.title).toBe('Gate passed: accuracy 0.9 ▲0.56%');
    expect(fake.comments.map((c) => c.author)).toEqual(['github-actions[bot]']);
  }, 300_000);
});
