// The fork pattern's pieces for black-box tests: a base checkout's workspace (the configuration the posting
// workflow judges with), a saved result as a fork's run writes it, and the workflow_run event GitHub sends.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FakeGithub } from './fake-github.js';
import { runAction, type ActionRun } from './actions-env.js';

export const FORK = 'forker/repo';

export const GATE_CONFIG = (prefix: string): string => `mode: local
image:
  dockerfile: Dockerfile
  context: .
job:
  name-prefix: ${prefix}
  instance-type: local
  max-runtime: 5m
output: out
hyperparameters:
  acc: 0.9
metrics:
  - { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.8, max-regression: 0.01 }
  - { name: loss, regex: 'loss=([0-9.]+)', goal: minimize }
`;

/** A checkout with the configuration (and a Dockerfile it names); `config` replaces the configuration. */
export async function checkout(dirs: string[], prefix: string, config = GATE_CONFIG(prefix)): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-fork-'));
  dirs.push(dir);
  await writeFile(join(dir, 'Dockerfile'), 'FROM scratch\n');
  await mkdir(join(dir, '.github'));
  await writeFile(join(dir, '.github', 'sagemaker-training.yml'), config);
  return dir;
}

/** A saved result as save-result writes it (JSON), for pull request `pr` at `sha`. */
export function savedJson(o: { pr: number; sha: string; accuracy: number }): Record<string, unknown> {
  return {
    format: 'sagemaker-train/saved-result',
    version: 1,
    pullRequest: o.pr,
    headSha: o.sha,
    result: {
      jobName: 'bbfork-abc123',
      status: 'Completed',
      metrics: { accuracy: o.accuracy, loss: 0.1 },
      metricSeries: {
        accuracy: [1, 2, 3].map((i) => ({ timestamp: 1_700_000_000_000 + i, value: (o.accuracy * i) / 3, epoch: i })),
      },
      imageUri: 'sagemaker-train/bbfork:local',
      imageTag: 'ctx-0123456789abcdef',
      instanceType: 'local',
      instanceCount: 1,
      startedAt: '2026-01-02T03:04:05.000Z',
      endedAt: '2026-01-02T03:05:05.000Z',
      durationSeconds: 60,
      logTail: ['epoch=3 accuracy=0.9'],
    },
  };
}

/** The workflow_run event of the fork's run that ended (GitHub lists no pull request for a fork's run). */
export function workflowRunEvent(o: {
  sha: string;
  headRepo?: string;
  branch?: string;
  event?: string;
  actor?: string;
}) {
  return {
    action: 'completed',
    workflow_run: {
      id: 777,
      name: 'train-gate',
      event: o.event ?? 'pull_request',
      status: 'completed',
      conclusion: 'success',
      head_sha: o.sha,
      head_branch: o.branch ?? 'feature',
      html_url: 'https://github.com/octo/repo/actions/runs/777',
      head_repository: { full_name: o.headRepo ?? FORK },
      repository: { full_name: 'octo/repo' },
      pull_requests: [],
      actor: { login: o.actor ?? 'forker' },
    },
    repository: { full_name: 'octo/repo', default_branch: 'master' },
  };
}

/** dist/main.js with publish-result in the base checkout `ws`, on the workflow_run event `event`. */
export async function publishRun(
  fake: FakeGithub,
  o: { ws: string; event: unknown; file: string; inputs?: Record<string, string>; env?: Record<string, string> },
): Promise<ActionRun> {
  const eventPath = join(o.ws, 'workflow-run-event.json');
  await writeFile(eventPath, JSON.stringify(o.event));
  return runAction('main', {
    workspace: o.ws,
    inputs: { 'publish-result': o.file, ...o.inputs },
    env: {
      GITHUB_EVENT_NAME: 'workflow_run',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: fake.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ...o.env,
    },
  });
}
