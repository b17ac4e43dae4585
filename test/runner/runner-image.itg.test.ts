// The runner image on the real engine: built from runner/Dockerfile on an offline Node base (nothing is pulled), run
// as ECS would run it against local stand-ins of S3, SageMaker and CloudWatch Logs. Proves it runs as non-root, a
// completed job writes result.json and exits 0, `docker stop` (what ECS StopTask does) makes it send StopTrainingJob
// and write a Stopped result before it exits 11, and a bad request exits 2 without launching anything.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { RunnerEnv, RunnerExit } from '../../src/backends/fargate/contract.js';
import type { TrainingResult } from '../../src/result.js';
import { BASE_IMAGE } from '../helpers/docker.js';
import { ensureBuilt, REPO_ROOT } from '../helpers/actions-env.js';
import { startFakeGithub } from '../helpers/fake-github.js';
import { startAwsStandin, type AwsStandin } from './aws-standin.js';
import { startFakeGithubApp } from './fake-github-app.js';
import { envelope, JOB } from './envelope.js';

/** The offline Node base: the Python base (Debian bookworm) plus this machine's node binary (glibc, libstdc++). */
export const NODE_BASE = `sagemaker-train/node-offline:v${process.versions.node}`;
export const RUNNER_IMAGE = 'smt-test/runner:itg';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function docker(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      args,
      { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

async function mustDocker(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const run = await docker(args, env);
  if (run.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${run.code}): ${run.stderr}`);
  return run.stdout.trim();
}

/** Builds the offline Node base once per engine (the node binary runs on the bookworm base as it is). */
async function ensureNodeBase(): Promise<void> {
  if ((await docker(['image', 'inspect', NODE_BASE])).code === 0) return;
  const dir = await mkdtemp(join(tmpdir(), 'smt-node-base-'));
  try {
    await copyFile(process.execPath, join(dir, 'node'));
    await writeFile(join(dir, 'Dockerfile'), `FROM ${BASE_IMAGE}\nCOPY node /usr/local/bin/node\n`);
    await mustDocker(['build', '-q', '-t', NODE_BASE, dir], { DOCKER_BUILDKIT: '0' });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

let aws: AwsStandin;
const containers: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  await ensureNodeBase();
  // The classic builder uses the local base as it is (BuildKit would look it up in a registry).
  await mustDocker(
    ['build', '-q', '-f', 'runner/Dockerfile', '--build-arg', `BASE_IMAGE=${NODE_BASE}`, '-t', RUNNER_IMAGE, REPO_ROOT],
    { DOCKER_BUILDKIT: '0' },
  );
  aws = await startAwsStandin();
});

afterAll(async () => {
  for (const name of containers) await docker(['rm', '-f', name]);
  await aws.close();
});

/** Starts the runner container detached, as ECS would: host network to reach the stand-ins (no iptables here). */
async function startRunner(env: Record<string, string>): Promise<string> {
  const name = `smt-runner-itg-${process.pid}-${containers.length}`;
  containers.push(name);
  const flags = Object.entries({
    AWS_ENDPOINT_URL: aws.endpoint,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'not-a-secret',
    AWS_REGION: 'eu-west-1',
    ...env,
  }).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  await mustDocker(['run', '-d', '--name', name, '--network', 'host', ...flags, RUNNER_IMAGE, 'runner', '--verbose']);
  return name;
}

async function exitOf(name: string): Promise<{ code: number; logs: string }> {
  const code = Number(await mustDocker(['wait', name]));
  const logs = await docker(['logs', name]);
  return { code, logs: logs.stdout + logs.stderr };
}

const resultKey = `bucket/out/${JOB}/result.json`;
const requestKey = `bucket/out/${JOB}/request.json`;

describe('the runner image', () => {
  it('is configured to run as a numeric non-root user with `runner` as its command', async () => {
    const config = JSON.parse(await mustDocker(['image', 'inspect', '--format', '{{json .Config}}', RUNNER_IMAGE])) as {
      User: string;
      Entrypoint: string[];
      Cmd: string[];
    };
    expect(config.User).toBe('10001:10001');
    expect(config.Entrypoint).toEqual(['node', '/app/dist/cli.js']);
    expect(config.Cmd).toEqual(['runner']);
  });

  it('reads request.json from S3, follows a completing job, writes result.json and exits 0', async () => {
    aws.job = 'complete';
    aws.objects.set(requestKey, JSON.stringify(envelope()));
    const name = await startRunner({ [RunnerEnv.RequestUri]: `s3://${requestKey}` });
    const { code, logs } = await exitOf(name);
    expect(code, logs).toBe(RunnerExit.Completed);
    expect(aws.ops()).toContain(`S3.GetObject /${requestKey}`);
    const create = aws.calls.find((c) => c.op === 'SageMaker.CreateTrainingJob');
    expect(create?.body).toMatchObject({ TrainingJobName: JOB });
    const result = JSON.parse(aws.objects.get(resultKey) ?? '{}') as TrainingResult;
    expect(result).toMatchObject({ mode: 'fargate', jobName: JOB, status: 'Completed', metrics: { accuracy: 0.95 } });
    // The job's log lines are on the container's stdout (the awslogs stream in ECS).
    expect(logs).toContain('algo-1 | epoch=1 accuracy=0.95');
  });

  it('docker stop during an InProgress job: StopTrainingJob before it exits, a Stopped result.json, exit 11', async () => {
    aws.job = 'hold';
    aws.objects.delete(resultKey);
    const before = aws.calls.length;
    const name = await startRunner({ [RunnerEnv.RequestJson]: JSON.stringify(envelope()) });
    await aws.waitFor('SageMaker.DescribeTrainingJob', { since: before });
    // The runner process itself is not root.
    const uid = await mustDocker(['exec', name, 'id', '-u']);
    expect(Number(uid)).toBeGreaterThan(0);

    const stop = await docker(['stop', '-t', '60', name]);
    expect(stop.code, stop.stderr).toBe(0);
    const { code, logs } = await exitOf(name);
    expect(code, logs).toBe(RunnerExit.JobStopped);
    const ops = aws.calls.slice(before).map((c) => c.op);
    // The inline request needs no GetObject; the stop comes before the result, and both before the exit.
    expect(ops).not.toContain(`S3.GetObject /${requestKey}`);
    const stopAt = ops.indexOf('SageMaker.StopTrainingJob');
    expect(stopAt, ops.join('\n')).toBeGreaterThan(0);
    expect(ops.indexOf(`S3.PutObject /${resultKey}`)).toBeGreaterThan(stopAt);
    const result = JSON.parse(aws.objects.get(resultKey) ?? '{}') as TrainingResult;
    expect(result).toMatchObject({ mode: 'fargate', jobName: JOB, status: 'Stopped' });
    expect(logs).toContain('Received SIGTERM');
    const oom = await mustDocker(['inspect', '--format', '{{.State.OOMKilled}}', name]);
    expect(oom).toBe('false');
  });

  it('detached: completes the check run as the GitHub App (key from Secrets Manager) after writing result.json', async () => {
    const github = await startFakeGithub();
    const app = await startFakeGithubApp(github);
    try {
      const secretId = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:github-app-AbCdEf';
      aws.secrets.set(secretId, JSON.stringify({ appId: app.appId, privateKey: app.privateKey }));
      aws.job = 'complete';
      aws.objects.delete(resultKey);
      // Created by the same App the runner authenticates as (only the creating App may complete it).
      const check = github.addCheckRun({
        head_sha: 'c0ffee01',
        name: 'SageMaker training',
        status: 'in_progress',
        conclusion: null,
        app_id: Number(app.appId),
      });
      const e = envelope({
        report: {
          apiUrl: app.url,
          owner: 'octo',
          repo: 'repo',
          sha: 'c0ffee01',
          checkRunId: check.id,
          checkRunAppId: Number(app.appId),
          checkName: 'SageMaker training',
          baselineDepth: 20,
          appSecret: secretId,
        },
      });
      const name = await startRunner({ [RunnerEnv.RequestJson]: JSON.stringify(e) });
      const { code, logs } = await exitOf(name);
      expect(code, logs).toBe(RunnerExit.Completed);
      expect(aws.objects.has(resultKey)).toBe(true);
      expect(app.calls.flatMap((c) => c.problems)).toEqual([]);
      expect(github.problems()).toEqual([]);
      expect(check).toMatchObject({ status: 'completed', conclusion: 'success' });
      expect(github.requests.every((r) => r.authorization === `token ${app.token}`)).toBe(true);
      expect(logs).not.toContain(app.privateKey.split('\n')[1] ?? 'no key line');
      expect(logs).not.toContain(app.token);
    } finally {
      await app.close();
      await github.close();
    }
  });

  it('a bad request exits 2 and launches nothing', async () => {
    const before = aws.calls.length;
    const name = await startRunner({ [RunnerEnv.RequestJson]: JSON.stringify({ version: 2 }) });
    const { code, logs } = await exitOf(name);
    expect(code, logs).toBe(RunnerExit.BadRequest);
    expect(logs).toContain('envelope version 2; this runner reads version 1');
    expect(aws.calls.slice(before).map((c) => c.op)).not.toContain('SageMaker.CreateTrainingJob');
  });
});
