// What the gate's black-box scenarios share: dist/main.js in sagemaker mode against the AWS stand-in (no Docker: a
// training job that completes at once with the accuracy a scenario asks for) and the GitHub stand-in with GitHub's
// rules, the token being the identity a workflow of that event would get; and the events GitHub sends.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runAction, type ActionRun } from '../helpers/actions-env.js';
import { startAwsStandin, type AwsStandin } from '../helpers/aws-standin.js';
import type { FakeGithub, StoredPull } from '../helpers/fake-github.js';

const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/train:abc';
export const CONFIG = [
  'mode: sagemaker',
  'region: us-east-1',
  `image: { uri: ${IMAGE} }`,
  "job: { role-arn: 'arn:aws:iam::123456789012:role/SageMakerTraining', instance-type: ml.g5.xlarge, name-prefix: gs }",
  'channels: { training: s3://bucket/data/ }',
  'output: s3://bucket/models/',
  "metrics: [ { name: accuracy, regex: 'accuracy=([0-9.]+)', goal: maximize, threshold: 0.9, max-regression: 0.01 } ]",
  '',
].join('\n');

/** The workflow's GITHUB_TOKEN in the stand-in (app 15368, checks and pull requests writable). */
export const WORKFLOW_TOKEN = 'ghs_blackboxtoken0123456789';

const dirs: string[] = [];

export async function removeTempDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smt-bb-scenario-'));
  dirs.push(dir);
  return dir;
}

export interface Training {
  run: ActionRun;
  aws: AwsStandin;
}

export interface TrainOptions {
  github: FakeGithub;
  eventName: string;
  event: unknown;
  /** The accuracy the training job ends with. */
  accuracy?: number;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  /** The token the workflow passes as github-token (default: the workflow's, with write access). */
  token?: string;
}

/** One run of dist/main.js for an event, as the runner runs it. */
export async function train(o: TrainOptions): Promise<Training> {
  const aws = await startAwsStandin({ job: 'completes', finalMetrics: { accuracy: o.accuracy ?? 0.93 } });
  try {
    const ws = await tempDir();
    await mkdir(join(ws, '.github'));
    await writeFile(join(ws, '.github', 'sagemaker-training.yml'), CONFIG);
    const eventPath = join(await tempDir(), 'event.json');
    await writeFile(eventPath, JSON.stringify(o.event));
    const run = await runAction('main', {
      workspace: ws,
      inputs: { 'github-token': o.token ?? WORKFLOW_TOKEN, ...o.inputs },
      timeoutMs: 60_000,
      env: {
        ...aws.env,
        GITHUB_EVENT_NAME: o.eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_API_URL: o.github.url,
        GITHUB_SERVER_URL: 'https://github.com',
        ...o.env,
      },
    });
    return { run, aws };
  } finally {
    await aws.close();
  }
}

const REPO = { full_name: 'octo/repo', default_branch: 'master' };

/** The pull_request (or pull_request_target) payload GitHub sends for a stored pull request. */
export function pullRequestEvent(pull: StoredPull, baseSha?: string): unknown {
  return {
    action: 'synchronize',
    number: pull.number,
    pull_request: {
      number: pull.number,
      user: { login: pull.user },
      head: { sha: pull.head.sha, ref: pull.head.ref, repo: { full_name: pull.head.repo } },
      base: { ref: pull.base.ref, ...(baseSha ? { sha: baseSha } : {}), repo: { full_name: 'octo/repo' } },
    },
    repository: REPO,
  };
}

/** A merge_group payload: the queue's temporary branch and the branch it merges into. */
export function mergeGroupEvent(headSha: string, baseRef: string, baseSha: string): unknown {
  return {
    action: 'checks_requested',
    merge_group: {
      head_sha: headSha,
      head_ref: `refs/heads/gh-readonly-queue/${baseRef}/pr-5-${baseSha}`,
      base_sha: baseSha,
      base_ref: `refs/heads/${baseRef}`,
    },
    repository: REPO,
  };
}

/** What a check run on a commit concluded, and its title, for assertions. */
export function checkOn(github: FakeGithub, sha: string) {
  return github.checkRuns.filter((r) => r.head_sha === sha);
}
